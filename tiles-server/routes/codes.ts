import { Hono } from 'hono';
import { z } from 'zod';
import { type Catalog, LifecycleInput } from '../../layers/index.ts';
import { requireRole } from '../auth/authenticate.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { RecordView } from '../records/recordAccess.ts';
import type { TwinStore } from '../store/twinStore.ts';
import { describeObject } from './objects.ts';
import { actorOf } from './storeErrors.ts';
import { parseBody, parseQuery } from './validation.ts';


const PrefixQuery = z.object({
  prefix: z.string().trim().min(3, 'must be at least 3 characters').max(64),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

/**
 * Natural-resource codes (资源码): a code's parcel(s) and its lifecycle records (planning, land
 * supply, approval, supervision), prefix search over codes, and new lifecycle records.
 */
export function codeRoutes(options: { catalog: Catalog; store: TwinStore; objects: ObjectIndex }): Hono<TwinEnv> {
  const app = new Hono<TwinEnv>();
  const view = new RecordView(options.catalog, options.objects);

  app.get('/', (c) => {
    const query = parseQuery(c, PrefixQuery);
    if (query.error) return query.error;
    const found = options.objects.withResourceCode(query.data.prefix, query.data.limit, c.get('caller').role);
    return c.json({
      prefix: query.data.prefix,
      codes: found.map((object) => ({ resourceCode: object.properties.resourceCode, oid: object.oid, layerId: object.layerId, position: { lon: object.position[0], lat: object.position[1] } })),
    });
  });

  app.get('/:code', async (c) => {
    const code = c.req.param('code');
    const objects = options.objects.withExactResourceCode(code, c.get('caller').role);
    if (objects.length === 0) return jsonError(c, 404, 'not_found', `No object has the resource code "${code}"`);
    const role = c.get('caller').role;
    const lifecycle = (await options.store.lifecycle(code)).map((record) => view.lifecycleRecord(record, role));
    return c.json({ resourceCode: code, objects: objects.map(describeObject), lifecycle });
  });

  app.post('/:code/lifecycle', requireRole('operator'), async (c) => {
    const code = c.req.param('code');
    const [object] = options.objects.withExactResourceCode(code, c.get('caller').role);
    if (!object) return jsonError(c, 404, 'not_found', `No object has the resource code "${code}"`);
    const body = await parseBody(c, LifecycleInput);
    if (body.error) return body.error;
    const [record] = await options.store.addLifecycleRecords([{ ...body.data, resourceCode: code, oid: object.oid }], actorOf(c));
    return c.json(record, 201);
  });

  return app;
}
