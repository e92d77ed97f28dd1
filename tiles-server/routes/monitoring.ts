import { Hono } from 'hono';
import { z } from 'zod';
import { type Catalog, Instant, Measurement, MonitoringPointInput, RecordId, metresBetween } from '../../layers/index.ts';
import { requireRole } from '../auth/authenticate.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';
import { alarmIncident } from '../monitoring/alarmIncident.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { RecordView, requireRecordAccess } from '../records/recordAccess.ts';
import type { TwinStore } from '../store/twinStore.ts';
import { LonLat } from './lonLat.ts';
import { actorOf, storeErrorResponse } from './storeErrors.ts';
import { parseBody, parseQuery } from './validation.ts';


const ReadingsBody = z
  .object({
    readings: z
      .array(z.object({ pointId: RecordId, at: Instant, value: Measurement }).strict())
      .min(1)
      .max(10_000, 'must hold at most 10,000 readings per request'),
  })
  .strict();

const PointsQuery = z.object({
  kind: z.string().optional(),
  near: LonLat.optional(),
  radius: z.coerce.number().positive().max(50_000).default(1000),
});

const SeriesQuery = z.object({ from: Instant.optional(), to: Instant.optional(), limit: z.coerce.number().int().min(1).max(10_000).default(1000) });

/**
 * Monitoring points: a registry (kind, unit, thresholds, bound object), batched readings from a
 * sensor gateway, each point's latest value and its time series. A reading past a point's alarm
 * threshold raises an incident by itself, once per alarm.
 */
export function monitoringRoutes(options: { catalog: Catalog; store: TwinStore; objects: ObjectIndex }): Hono<TwinEnv> {
  const app = new Hono<TwinEnv>();
  const view = new RecordView(options.catalog, options.objects);
  app.use('*', requireRecordAccess(options.catalog, 'monitoring-points'));

  app.get('/points', async (c) => {
    const query = parseQuery(c, PointsQuery);
    if (query.error) return query.error;
    const { kind, near, radius } = query.data;
    const { role } = c.get('caller');
    let points = (await options.store.monitoringPoints()).filter((point) => kind === undefined || point.kind === kind).map((point) => view.record(point, role));
    if (near) {
      points = points
        .map((point) => ({ ...point, distance: Math.round(metresBetween(near, [point.lon, point.lat])) }))
        .filter((point) => point.distance <= radius)
        .sort((a, b) => a.distance - b.distance);
    }
    return c.json({ points });
  });

  app.get('/points/:id', async (c) => {
    const point = await options.store.monitoringPoint(c.req.param('id'));
    return point ? c.json(view.record(point, c.get('caller').role)) : jsonError(c, 404, 'not_found', `No monitoring point "${c.req.param('id')}"`);
  });

  app.get('/points/:id/readings', async (c) => {
    const query = parseQuery(c, SeriesQuery);
    if (query.error) return query.error;
    const point = await options.store.monitoringPoint(c.req.param('id'));
    if (!point) return jsonError(c, 404, 'not_found', `No monitoring point "${c.req.param('id')}"`);
    return c.json({ point: point.id, unit: point.unit, readings: await options.store.readings(point.id, query.data) });
  });

  app.post('/points', requireRole('operator'), async (c) => {
    const body = await parseBody(c, z.object({ points: z.array(MonitoringPointInput).min(1).max(1000) }).strict());
    if (body.error) return body.error;
    const { role } = c.get('caller');
    const points = [];
    for (const [i, { oid, ...point }] of body.data.points.entries()) {
      const binding = options.objects.bind(point.lon, point.lat, oid, role);
      if (!binding) return jsonError(c, 400, 'invalid_field', `Field "points.${i}.oid": no object "${oid}"`);
      points.push({ ...point, township: options.objects.adminCodeAt(point.lon, point.lat, role), binding });
    }
    return c.json({ registered: await options.store.upsertMonitoringPoints(points, actorOf(c)) }, 201);
  });

  app.post('/readings', requireRole('operator'), async (c) => {
    const body = await parseBody(c, ReadingsBody);
    if (body.error) return body.error;
    try {
      return c.json(await options.store.ingestReadings(body.data.readings, actorOf(c), alarmIncident), 202);
    } catch (error) {
      return storeErrorResponse(c, error);
    }
  });

  return app;
}
