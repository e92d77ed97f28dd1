import type { MqttClient, Packet } from 'mqtt';

type SendPacket = (packet: Packet, callback?: (error?: Error) => void, ...rest: unknown[]) => void;

/**
 * Acknowledgements held back until what a message carried is committed.
 *
 * mqtt.js acknowledges a QoS 1 message as soon as its handler calls back and reads the next
 * message only after that, so acknowledging after a commit would allow one message in flight and
 * one transaction per message. Instead the handler calls back at once and this holds the
 * message's PUBACK until its `stored` promise resolves: the broker's in-flight window fills, many
 * messages share one transaction, and still none is acknowledged before it is stored. A message
 * whose storing fails, or whose connection closed meanwhile, is never acknowledged: the broker
 * delivers it again. Acknowledgements go out in the order the messages came, as MQTT requires,
 * because the promises resolve in that order.
 *
 * This wraps the client's packet writer (`_sendPacket`, not public API; mqtt is pinned and the
 * ingest tests fail if the library stops going through it).
 */
export function holdAcknowledgements(client: MqttClient): (messageId: number, stored: Promise<void>) => void {
  const held = new Map<number, Promise<void>>();
  const internals = client as unknown as { _sendPacket: SendPacket };
  const send = internals._sendPacket.bind(client);
  internals._sendPacket = (packet, callback, ...rest) => {
    const stored = packet.cmd === 'puback' && packet.messageId !== undefined ? held.get(packet.messageId) : undefined;
    if (!stored || packet.messageId === undefined) return send(packet, callback, ...rest);
    held.delete(packet.messageId);
    // The client reads the next message now; this one is acknowledged once stored, on the connection it came by.
    callback?.();
    const connection = client.stream;
    stored.then(
      () => {
        if (client.stream === connection && client.connected) send(packet, undefined, ...rest);
      },
      () => undefined,
    );
  };
  client.on('close', () => held.clear());
  return (messageId, stored) => {
    held.set(messageId, stored);
  };
}
