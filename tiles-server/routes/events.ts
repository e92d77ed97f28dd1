import { Hono } from 'hono';
import type { Catalog, Role } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { ReplayGate } from '../events/replayGate.ts';
import { DEFAULT_STREAM_LIMITS, type StreamLimits, SubscriberStream } from '../events/subscriberStream.ts';
import { jsonError } from '../jsonError.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { RecordView, canReadRecords } from '../records/recordAccess.ts';
import type { Binding, TwinEvent, TwinStore } from '../store/twinStore.ts';

/**
 * `GET /api/events`: the live stream (Server-Sent Events) of incident changes and monitoring
 * alarms. Each event carries its store id; a client reconnecting with `Last-Event-ID` (or
 * `?lastEventId=`) first gets every event it missed, read back from the store, so nothing is lost
 * across a dropped connection or a server restart. Without one, the stream starts from now. A
 * client too far behind gets a `reset` event (reload, then follow); one that stops reading is
 * disconnected (see SubscriberStream).
 */
export function eventRoutes(options: {
  catalog: Catalog;
  store: TwinStore;
  objects: ObjectIndex;
  limits?: Partial<StreamLimits>;
  /** Where each open stream leaves the way to end it: a catalog reload ends them, and clients resume on the new one. */
  open?: Set<() => void>;
}): Hono<TwinEnv> {
  const limits = { ...DEFAULT_STREAM_LIMITS, ...options.limits };
  const view = new RecordView(options.catalog, options.objects);
  const replays = new ReplayGate(limits.concurrentReplays);
  // Every open stream sends the same event: serialise and encode it once per way of seeing it.
  const frames = new WeakMap<TwinEvent, Map<'bound' | 'unbound', Uint8Array>>();
  const encoder = new TextEncoder();
  const frameOf = (event: TwinEvent, role: Role, visible: ReturnType<typeof readableEvents>) => {
    if (!(event.type.startsWith('incident.') ? visible.incidents : visible.alarms)) return undefined;
    // Incident events carry the incident, alarm events the point: either may be bound to an object the caller may not read.
    const subjectKey = event.data.incident ? 'incident' : 'point';
    const subject = event.data[subjectKey] as { binding: Binding } | undefined;
    const bound = !subject || view.canSeeBinding(subject.binding, role);
    let seen = frames.get(event);
    if (!seen) frames.set(event, (seen = new Map()));
    let frame = seen.get(bound ? 'bound' : 'unbound');
    if (frame === undefined) {
      const data = bound ? event.data : { ...event.data, [subjectKey]: view.record(subject, role) };
      frame = encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ ...data, at: event.at })}\n\n`);
      seen.set(bound ? 'bound' : 'unbound', frame);
    }
    return frame;
  };

  return new Hono<TwinEnv>().get('/', async (c) => {
    const role = c.get('caller').role;
    const visible = readableEvents(options.catalog, role);
    if (!visible.incidents && !visible.alarms) return jsonError(c, 404, 'not_found', 'No events here for you');
    const resumeFrom = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
    if (resumeFrom !== undefined && !/^\d{1,15}$/.test(resumeFrom)) {
      return jsonError(c, 400, 'invalid_parameter', `Last-Event-ID must be an event id (a whole number), got "${resumeFrom}"`);
    }
    const latest = await options.store.latestEventId();
    const outgoing = c.env?.outgoing;
    const stream = new SubscriberStream({
      store: options.store,
      limits,
      replays,
      after: resumeFrom === undefined ? latest : Number(resumeFrom),
      latest,
      frame: (event) => frameOf(event, role, visible),
      disconnect: () => outgoing?.destroy(),
    });
    if (outgoing && options.open) {
      const end = () => outgoing.destroy();
      options.open.add(end);
      outgoing.once('close', () => options.open!.delete(end));
    }
    return c.body(stream.body, 200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  });
}

function readableEvents(catalog: Catalog, role: Role) {
  return { incidents: canReadRecords(catalog, 'incidents', role), alarms: canReadRecords(catalog, 'monitoring-points', role) };
}
