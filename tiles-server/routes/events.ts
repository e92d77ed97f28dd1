import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Catalog, Role } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';
import { canReadRecords } from '../records/recordAccess.ts';
import type { TwinEvent, TwinStore } from '../store/twinStore.ts';

const REPLAY_BATCH = 500;

/**
 * `GET /api/events`: the live stream (Server-Sent Events) of incident changes and monitoring
 * alarms. Each event carries its store id; a client reconnecting with `Last-Event-ID` (or
 * `?lastEventId=`) first gets every event it missed, read back from the store, so nothing is lost
 * across a dropped connection or a server restart. Without one, the stream starts from now.
 */
export function eventRoutes(options: { catalog: Catalog; store: TwinStore; heartbeatMs?: number }): Hono<TwinEnv> {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  // Every open stream sends the same event: serialise it once.
  const serialised = new WeakMap<TwinEvent, string>();
  const dataOf = (event: TwinEvent) => {
    let data = serialised.get(event);
    if (data === undefined) serialised.set(event, (data = JSON.stringify({ ...event.data, at: event.at })));
    return data;
  };
  return new Hono<TwinEnv>().get('/', async (c) => {
    const role = c.get('caller').role;
    const visible = readableEvents(options.catalog, role);
    if (!visible.incidents && !visible.alarms) return jsonError(c, 404, 'not_found', 'No events here for you');
    const resumeFrom = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
    if (resumeFrom !== undefined && !/^\d{1,15}$/.test(resumeFrom)) {
      return jsonError(c, 400, 'invalid_parameter', `Last-Event-ID must be an event id (a whole number), got "${resumeFrom}"`);
    }
    let last = resumeFrom === undefined ? await options.store.latestEventId() : Number(resumeFrom);

    return streamSSE(c, async (stream) => {
      // Listen before replaying, so an event committed during the replay is queued, not lost.
      const queue: TwinEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = options.store.subscribe((event) => {
        queue.push(event);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        wake?.();
      });
      const send = async (event: TwinEvent) => {
        if (event.id <= last) return;
        last = event.id;
        const shown = event.type.startsWith('incident.') ? visible.incidents : visible.alarms;
        if (shown) await stream.writeSSE({ id: String(event.id), event: event.type, data: dataOf(event) });
      };

      await stream.write('retry: 2000\n\n');
      for (;;) {
        const missed = await options.store.eventsAfter(last, REPLAY_BATCH);
        for (const event of missed) await send(event);
        if (missed.length < REPLAY_BATCH) break;
      }
      while (open) {
        while (queue.length > 0 && open) await send(queue.shift()!);
        if (!open) break;
        const woken = new Promise<'event' | 'idle'>((resolve) => {
          const timeout = setTimeout(() => resolve('idle'), heartbeatMs);
          wake = () => {
            clearTimeout(timeout);
            resolve('event');
          };
        });
        // A comment line now and then keeps proxies from closing a quiet stream.
        if ((await woken) === 'idle' && open) await stream.write(': keep-alive\n\n');
        wake = undefined;
      }
      unsubscribe();
    });
  });
}

function readableEvents(catalog: Catalog, role: Role) {
  return { incidents: canReadRecords(catalog, 'incidents', role), alarms: canReadRecords(catalog, 'monitoring-points', role) };
}
