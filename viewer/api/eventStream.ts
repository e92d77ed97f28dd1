import type { TwinEvent } from '../../layers/index.ts';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

const EVENT_TYPES: TwinEvent['type'][] = ['incident.created', 'incident.updated', 'alarm.raised', 'alarm.cleared'];

/**
 * Follows the server's live stream. The browser's EventSource reconnects by itself and sends
 * `Last-Event-ID`, so the server replays what was missed; when the server refuses or is gone
 * long enough for the browser to give up, a new stream is opened after a pause, resuming from
 * the last event seen. A client too far behind for a replay is sent `reset`: `onReset` reloads
 * what the page shows, and the stream follows from there. Returns a function that stops it.
 */
export function followEvents(onEvent: (event: TwinEvent) => void, onState: (state: StreamState) => void, onReset: () => void, retryMs = 3000): () => void {
  let source: EventSource | undefined;
  let lastId: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const open = () => {
    onState(lastId ? 'reconnecting' : 'connecting');
    source = new EventSource(lastId ? `/api/events?lastEventId=${encodeURIComponent(lastId)}` : '/api/events');
    source.onopen = () => onState('live');
    source.onerror = () => {
      if (stopped) return;
      onState('reconnecting');
      if (source?.readyState === EventSource.CLOSED) {
        source.close();
        timer = setTimeout(open, retryMs);
      }
    };
    source.addEventListener('reset', (message) => {
      lastId = (message as MessageEvent<string>).lastEventId;
      onReset();
    });
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        const { lastEventId, data } = message as MessageEvent<string>;
        lastId = lastEventId;
        const { at, ...payload } = JSON.parse(data) as Record<string, unknown> & { at: string };
        onEvent({ id: Number(lastEventId), type, at, data: payload });
      });
    }
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
