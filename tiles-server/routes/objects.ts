import { Hono } from 'hono';
import { z } from 'zod';
import type { BoundObject, Catalog, Role } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';
import type { ObjectIndex, SpatialObject } from '../objects/objectIndex.ts';
import { RecordView, canReadRecords } from '../records/recordAccess.ts';
import type { TwinStore } from '../store/twinStore.ts';
import { LonLat } from './lonLat.ts';
import { parseQuery } from './validation.ts';

/** An object as the API returns it, without its records. */
export function describeObject(object: SpatialObject) {
  return {
    oid: object.oid,
    layerId: object.layerId,
    properties: object.properties,
    bbox: object.bbox,
    position: { lon: object.position[0], lat: object.position[1] },
    geometry: object.geometry ? (JSON.parse(object.geometry) as unknown) : null,
  };
}

/**
 * `GET /api/objects/{oid}`: an object with every record bound to it (incidents, monitoring points,
 * lifecycle records of its resource code); `GET /api/objects?at=lon,lat`: the same for the
 * smallest object there (204 when there is none). Only objects of layers the caller may read are found.
 */
export function objectRoutes(options: { catalog: Catalog; store: TwinStore; objects: ObjectIndex }): Hono<TwinEnv> {
  const view = new RecordView(options.catalog, options.objects);
  const withRecords = async (object: SpatialObject, role: Role): Promise<BoundObject> => {
    const code = object.properties.resourceCode;
    const bound = await options.store.recordsBoundTo(object.oid, typeof code === 'string' && code !== '' ? code : undefined);
    return {
      ...describeObject(object),
      records: {
        incidents: canReadRecords(options.catalog, 'incidents', role) ? bound.incidents : [],
        monitoringPoints: canReadRecords(options.catalog, 'monitoring-points', role) ? bound.monitoringPoints : [],
        lifecycle: bound.lifecycle.map((record) => view.lifecycleRecord(record, role)),
      },
    };
  };

  return new Hono<TwinEnv>()
    .get('/', async (c) => {
      const query = parseQuery(c, z.object({ at: LonLat }));
      if (query.error) return query.error;
      const [lon, lat] = query.data.at;
      const object = options.objects.containing(lon, lat, c.get('caller').role);
      // Nothing there is an answer, not an error: a click on open ground outside every area is no fault of the client.
      if (!object) return c.body(null, 204);
      return c.json(await withRecords(object, c.get('caller').role));
    })
    .get('/:oid', async (c) => {
      const object = options.objects.get(c.req.param('oid'), c.get('caller').role);
      if (!object) return jsonError(c, 404, 'not_found', `No object "${c.req.param('oid')}"`);
      return c.json(await withRecords(object, c.get('caller').role));
    });
}
