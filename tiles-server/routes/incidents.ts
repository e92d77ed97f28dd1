import { Hono } from 'hono';
import { z } from 'zod';
import { type Catalog, INCIDENT_STATUSES, IncidentStepInput, Instant, NewIncidentInput, Text, canRead } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { requireRole } from '../auth/authenticate.ts';
import { jsonError } from '../jsonError.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { RecordView, requireRecordAccess } from '../records/recordAccess.ts';
import type { TwinStore } from '../store/twinStore.ts';
import { actorOf, storeErrorResponse } from './storeErrors.ts';
import { parseBody, parseQuery } from './validation.ts';


const ListQuery = z.object({
  status: z
    .string()
    .transform((value) => value.split(','))
    .pipe(z.array(z.enum(INCIDENT_STATUSES)))
    .optional(),
  type: Text(40, { line: true }).optional(),
  township: z.string().regex(/^\d{6,12}$/, 'must be an administrative code').optional(),
  oid: Text(128).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  asOf: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * Incidents: list with filters, read one with its steps, report one (bound to the object it
 * names, else to the smallest object at its position), and move it through its workflow.
 */
export function incidentRoutes(options: { catalog: Catalog; store: TwinStore; objects: ObjectIndex }): Hono<TwinEnv> {
  const app = new Hono<TwinEnv>();
  const view = new RecordView(options.catalog, options.objects);
  app.use('*', requireRecordAccess(options.catalog, 'incidents'));

  app.get('/', async (c) => {
    const query = parseQuery(c, ListQuery);
    if (query.error) return query.error;
    const { role } = c.get('caller');
    const { limit, offset, oid } = query.data;
    // Records bound to an object the caller may not read are not found by it either.
    const named = oid === undefined ? undefined : options.objects.get(oid);
    const hidden = named !== undefined && !canRead(role, named.access);
    const { total, incidents } = hidden ? { total: 0, incidents: [] } : await options.store.incidents(query.data);
    return c.json({ total, limit, offset, incidents: incidents.map((incident) => view.record(incident, role)) });
  });

  app.get('/:id', async (c) => {
    const incident = await options.store.incident(c.req.param('id'));
    if (!incident) return jsonError(c, 404, 'not_found', `No incident "${c.req.param('id')}"`);
    return c.json(view.record(incident, c.get('caller').role));
  });

  app.post('/', requireRole('operator'), async (c) => {
    const body = await parseBody(c, NewIncidentInput);
    if (body.error) return body.error;
    const { role, name } = c.get('caller');
    const { oid, ...fields } = body.data;
    const named = oid === undefined ? undefined : options.objects.get(oid, role);
    if (oid !== undefined && !named) return jsonError(c, 400, 'invalid_field', `Field "oid": no object "${oid}"`);
    const [lon, lat] = fields.lon !== undefined && fields.lat !== undefined ? [fields.lon, fields.lat] : named!.position;
    try {
      const incident = await options.store.createIncident(
        { ...fields, lon, lat, township: options.objects.adminCodeAt(lon, lat, role), binding: options.objects.bind(lon, lat, oid, role)!, source: `api:${name}` },
        actorOf(c),
      );
      return c.json(incident, 201, { Location: `/api/incidents/${encodeURIComponent(incident.id)}` });
    } catch (error) {
      return storeErrorResponse(c, error);
    }
  });

  app.post('/:id/steps', requireRole('operator'), async (c) => {
    const body = await parseBody(c, IncidentStepInput);
    if (body.error) return body.error;
    try {
      return c.json(view.record(await options.store.transitionIncident(c.req.param('id'), body.data, actorOf(c)), c.get('caller').role));
    } catch (error) {
      return storeErrorResponse(c, error);
    }
  });

  return app;
}
