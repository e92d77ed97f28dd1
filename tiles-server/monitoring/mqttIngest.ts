import mqtt, { type MqttClient } from 'mqtt';
import { type Actor, type Reading, StoreClosed, StoreConflict, type TwinStore } from '../store/twinStore.ts';
import { alarmIncident } from './alarmIncident.ts';
import { holdAcknowledgements } from './heldAcknowledgements.ts';
import { READINGS_TOPIC, parseReadingMessage } from './readingMessage.ts';

/** What the MQTT feed has done since the server started, as health reports it. */
export interface MqttIngestStats {
  /** Connected and subscribed: messages published now reach this server or another of its group. */
  connected: boolean;
  /** Messages taken from the broker, acknowledged or not. */
  messages: number;
  /** Readings stored (new ones); retried ones are counted in `duplicates`. */
  readings: number;
  duplicates: number;
  alarmsRaised: number;
  /** Messages acknowledged and dropped: a bad topic, payload or point; each is logged. */
  refused: number;
  lastProblem: string | null;
}

export interface MqttIngest {
  stats(): MqttIngestStats;
  /** Stops taking messages; those taken are stored and acknowledged first. */
  close(): Promise<void>;
}

export interface MqttIngestOptions {
  url: string;
  /** The broker keeps this client's session (its subscription and unacknowledged messages) across restarts. */
  clientId: string;
  /**
   * The servers that share one store share its feed: the broker hands each message of a shared
   * subscription to one member of the group. Twins with stores of their own on one broker need
   * groups of their own, or each would take only a share of the other's readings.
   */
  group: string;
  store: TwinStore;
  log?: (line: string) => void;
  /** How long to wait before storing again after the store failed, ms. */
  retryMs?: number;
}

/** The broker's URL without its password, for the log. */
function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:…@');
}


/**
 * How long the broker keeps a server's session while it is away, seconds. The broker goes on
 * handing that server its share of the feed meanwhile: a server restarted within the hour gets
 * it all; one taken away for good leaves its last hour's share with the broker.
 */
const SESSION_EXPIRY_S = 3600;

/** Messages waiting for the next transaction, with what to tell each once it is stored. */
interface Queued {
  topic: string;
  readings: Reading[];
  stored: () => void;
  failed: (error: unknown) => void;
}

/**
 * Monitoring readings from sensor gateways over MQTT, stored with the same rule as HTTP ingest.
 * The messages that arrive while a transaction is written are stored together in the next one;
 * a QoS 1 message is acknowledged only once its readings are committed, so the broker delivers
 * it again after a crash, and storing is idempotent on (point, time), so a redelivery stores
 * nothing twice. A message that cannot be stored as it is (bad topic, payload or unknown point)
 * is acknowledged, counted and logged; a store that fails is tried again until it answers.
 */
export function startMqttIngest(options: MqttIngestOptions): MqttIngest {
  const log = options.log ?? ((line: string) => console.warn(line));
  const retryMs = options.retryMs ?? 1000;
  const actor: Actor = { name: `mqtt:${options.clientId}`, role: 'system' };
  const sharedTopic = `$share/${options.group}/${READINGS_TOPIC}`;
  const stats: MqttIngestStats = { connected: false, messages: 0, readings: 0, duplicates: 0, alarmsRaised: 0, refused: 0, lastProblem: null };
  let closing = false;
  let queue: Queued[] = [];
  let writing: Promise<void> | undefined;

  const refuse = (problem: string) => {
    stats.refused += 1;
    stats.lastProblem = problem;
    log(`MQTT message refused: ${problem}`);
  };

  const ingest = async (readings: Reading[]) => {
    const result = await options.store.ingestReadings(readings, actor, alarmIncident);
    stats.readings += result.accepted;
    stats.duplicates += result.duplicates;
    stats.alarmsRaised += result.alarmsRaised.length;
  };

  /** Stores a batch of messages in one call; a message naming an unknown point is refused alone, the others stored. */
  const storeBatch = async (batch: Queued[]): Promise<void> => {
    try {
      await ingest(batch.flatMap((message) => message.readings));
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
      if (batch.length === 1) return refuse(`topic "${batch[0]!.topic}": ${error.message}`);
      for (const message of batch) await storeBatch([message]);
    }
  };

  const write = async () => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      for (let attempt = 0; ; attempt += 1) {
        try {
          await storeBatch(batch);
          for (const message of batch) message.stored();
          break;
        } catch (error) {
          if (closing || error instanceof StoreClosed) {
            for (const message of [...batch, ...queue.splice(0)]) message.failed(error);
            return;
          }
          if (attempt === 0) log(`MQTT readings not stored yet, trying again every ${retryMs} ms: ${error instanceof Error ? error.message : error}`);
          await new Promise((resolve) => setTimeout(resolve, retryMs));
        }
      }
    }
  };

  const enqueue = (topic: string, readings: Reading[]) =>
    new Promise<void>((stored, failed) => {
      queue.push({ topic, readings, stored, failed });
      writing ??= write().finally(() => (writing = undefined));
    });

  const client: MqttClient = mqtt.connect(options.url, {
    clientId: options.clientId,
    protocolVersion: 5,
    clean: false,
    properties: { sessionExpiryInterval: SESSION_EXPIRY_S },
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
  });
  const acknowledgeOnceStored = holdAcknowledgements(client);
  client.handleMessage = (packet, callback) => {
    stats.messages += 1;
    const message = parseReadingMessage(packet.topic, packet.payload as Uint8Array);
    if (message.problem !== undefined) {
      refuse(message.problem);
    } else {
      const stored = enqueue(packet.topic, message.readings);
      stored.catch(() => undefined);
      if (packet.qos > 0 && packet.messageId !== undefined) acknowledgeOnceStored(packet.messageId, stored);
    }
    callback();
  };
  client.on('connect', () => {
    // A resumed session keeps its subscription; subscribing again covers a broker that lost its sessions.
    client.subscribe(sharedTopic, { qos: 1 }, (error, granted) => {
      const refused = error?.message ?? ((granted?.[0]?.qos ?? 0) >= 128 ? `the broker answered reason code ${granted?.[0]?.qos}` : undefined);
      if (refused) return log(`MQTT subscription to ${sharedTopic} failed: ${refused}`);
      stats.connected = true;
      log(`MQTT connected to ${redacted(options.url)}, taking ${sharedTopic}`);
    });
  });
  client.on('close', () => {
    if (stats.connected && !closing) log(`MQTT connection to ${redacted(options.url)} lost, reconnecting`);
    stats.connected = false;
  });
  client.on('error', (error) => {
    // While the broker is away the client retries every second: said once, not every second.
    if (error.message !== stats.lastProblem) log(`MQTT: ${error.message}`);
    stats.lastProblem = error.message;
  });

  return {
    stats: () => ({ ...stats }),
    close: async () => {
      // Messages taken are stored and acknowledged before the client says goodbye.
      while (writing) await writing;
      closing = true;
      await client.endAsync();
    },
  };
}
