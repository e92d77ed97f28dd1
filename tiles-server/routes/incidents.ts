import { Hono } from 'hono';
import { z } from 'zod';
import type { Catalog } from '../../layers/index.ts';
import { type TwinEnv } from '../auth/caller.ts';
import { requireRole } from '../auth/authenticate.ts';
import { INCIDENT_STATUSES } from '../../layers/index.ts';
import { jsonError } from '../jsonError.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { requireRecordAccess } from '../records/recordAccess.ts';
import type { TwinStore } from '../store/twinStore.ts';
import { actorOf, storeErrorResponse } from './storeErrors.ts';
import { parseBody, parseQuery } from './validation.ts';

const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-28T09:30:00Z' });

const NewIncidentBody = z
  .object({
    type: Text(40),
    title: Text(200),
    description: Text(2000).optional(),
    lon: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    oid: Text(128).optional().describe('The object the incident concerns; without it the incident is bound by its position'),
    floor: z.number().int().min(-10).max(300).optional(),
  })
  .strict()
  .refine((body) => body.oid !== undefined || (body.lon !== undefined && body.lat !== undefined), {
    message: 'give lon and lat, or the oid of the object it concerns',
    path: ['lon'],
  });

const StepBody = z
  .object({
    to: z.enum(INCIDENT_STATUSES),
    assignee: Text(100).optional(),
    note: Text(2000).optional(),
  })
  .strict();

const ListQuery = z.object({
  status: z
    .string()
    .transform((value) => value.split(','))
    .pipe(z.array(z.enum(INCIDENT_STATUSES)))
    .optional(),
  type: Text(40).optional(),
  township: z.string().regex(/^\d{6,12}$/, 'must be an administrative code').optional(),
  oid: Text(128).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * Incidents: list with filters, read one with its steps, report one (bound to the object it
 * names, else to the smallest object at its position), and move it through its workflow.
 */
export function incidentRoutes(options: { catalog: Catalog; store: TwinStore; objects: ObjectIndex }): Hono<TwinEnv> {
  const app = new Hono<TwinEnv>();
  app.use('*', requireRecordAccess(options.catalog, 'incidents'));

  app.get('/', async (c) => {
    const query = parseQuery(c, ListQuery);
    if (query.error) return query.error;
    const { total, incidents } = await options.store.incidents(query.data);
    return c.json({ total, limit: query.data.limit, offset: query.data.offset, incidents });
  });

  app.get('/:id', async (c) => {
    const incident = await options.store.incident(c.req.param('id'));
    if (!incident) return jsonError(c, 404, 'not_found', `No incident "${c.req.param('id')}"`);
    return c.json(incident);
  });

  app.post('/', requireRole('operator'), async (c) => {
    const body = await parseBody(c, NewIncidentBody);
    if (body.error) return body.error;
    const { oid, ...fields } = body.data;
    const named = oid === undefined ? undefined : options.objects.get(oid);
    if (oid !== undefined && !named) return jsonError(c, 400, 'invalid_field', `Field "oid": no object "${oid}"`);
    const [lon, lat] = fields.lon !== undefined && fields.lat !== undefined ? [fields.lon, fields.lat] : named!.position;
    try {
      const incident = await options.store.createIncident(
        { ...fields, lon, lat, township: options.objects.adminCodeAt(lon, lat), binding: options.objects.bind(lon, lat, oid), source: `api:${c.get('caller').name}` },
        actorOf(c),
      );
      return c.json(incident, 201, { Location: `/api/incidents/${encodeURIComponent(incident.id)}` });
    } catch (error) {
      return storeErrorResponse(c, error);
    }
  });

  app.post('/:id/steps', requireRole('operator'), async (c) => {
    const body = await parseBody(c, StepBody);
    if (body.error) return body.error;
    try {
      return c.json(await options.store.transitionIncident(c.req.param('id'), body.data, actorOf(c)));
    } catch (error) {
      return storeErrorResponse(c, error);
    }
  });

  return app;
}
