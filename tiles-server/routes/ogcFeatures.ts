import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { type Catalog, type LayerWith, type Role, catalogFor, hasCapability } from '../../layers/index.ts';

/** Layers drawn from a GeoJSON file: what OGC API – Features serves. */
type FeatureLayer = LayerWith<'features'>;
import type { TwinEnv } from '../auth/caller.ts';
import { type Feature, FeatureCollection, dataFileOf } from '../features/featureCollection.ts';
import { jsonError } from '../jsonError.ts';
import { apiPage, featureSchema, geoJsonFeatureSchema, openApiDocument, queryables } from './ogcSchemas.ts';
import { parseQuery } from './validation.ts';

const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters',
  'http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/schemas',
];
const OPENAPI_JSON = 'application/vnd.oai.openapi+json;version=3.0';
const SCHEMA_JSON = 'application/schema+json';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const RESERVED = new Set(['bbox', 'limit', 'offset', 'f', 'bbox-crs', 'crs', 'datetime']);

const ItemsQuery = z.object({
  bbox: z
    .string()
    .transform((value) => value.split(',').map(Number))
    .refine((n) => (n.length === 4 || n.length === 6) && n.every(Number.isFinite), 'must be 4 (or 6) comma-separated numbers: minLon,minLat,maxLon,maxLat')
    .transform((n) => (n.length === 6 ? [n[0]!, n[1]!, n[3]!, n[4]!] : n) as [number, number, number, number])
    .refine(([w, s, e, n]) => w <= e && s <= n, 'must have minLon ≤ maxLon and minLat ≤ maxLat')
    .optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(10),
  offset: z.coerce.number().int().min(0).default(0),
  f: z.enum(['json', 'geojson']).optional(),
  'bbox-crs': z.literal(CRS84).optional(),
});

/**
 * OGC API – Features Part 1 (Core, GeoJSON) over the vector layers the caller may read, so
 * QGIS, GDAL and ArcGIS read the twin's layers: landing page, conformance, collections, items
 * with bbox / limit / offset / property filters and next links, single items. WGS84 (CRS84).
 * Each collection has its schema (Part 5) and queryables (Part 3), typed from all its features,
 * and the API its OpenAPI 3.0 description (`/api`) and a page of it for people (`/api.html`).
 */
export function ogcFeatureRoutes(options: { catalog: Catalog; dataDir: string; prefix: string }): Hono<TwinEnv> {
  const app = new Hono<TwinEnv>();
  const loaded = new Map<string, Promise<FeatureCollection>>();
  const vectorLayers = (role: Role) =>
    catalogFor(role, options.catalog).layers.filter((layer) => hasCapability(layer, 'features'));
  /** A readable layer with its features; undefined when there is none or its data cannot be read (then tried again next time). */
  const collection = async (c: Context<TwinEnv>, id: string) => {
    const layer = vectorLayers(c.get('caller').role).find((l) => l.id === id);
    if (!layer) return undefined;
    let loading = loaded.get(id);
    if (!loading) {
      loading = FeatureCollection.load(dataFileOf(options.dataDir, layer.source.url));
      loading.catch(() => loaded.delete(id));
      loaded.set(id, loading);
    }
    const features = await loading.catch(() => undefined);
    return features && { layer, features };
  };
  const base = (c: Context) => `${new URL(c.req.url).origin}${options.prefix}`;
  const describe = async (c: Context, layer: FeatureLayer, features: FeatureCollection) => ({
    id: layer.id,
    title: layer.title.zh,
    description: layer.description?.zh ?? layer.title.en,
    itemType: 'feature',
    crs: [CRS84],
    ...(features.extent ? { extent: { spatial: { bbox: [features.extent], crs: CRS84 } } } : {}),
    links: [
      { href: `${base(c)}/collections/${layer.id}`, rel: 'self', type: 'application/json', title: 'This collection' },
      { href: `${base(c)}/collections/${layer.id}/items`, rel: 'items', type: 'application/geo+json', title: layer.title.en },
      { href: `${base(c)}/collections/${layer.id}/schema`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/schema', type: SCHEMA_JSON, title: 'Schema of the features' },
      { href: `${base(c)}/collections/${layer.id}/queryables`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables', type: SCHEMA_JSON, title: 'Queryables' },
      // Relation types compare case-insensitively (RFC 8288), but GDAL before 3.7 matches "describedBy" and
      // "queryables" exactly: the links are given in its spelling too, so the GDAL of Debian 12 reads the types.
      { href: `${base(c)}/collections/${layer.id}/feature-schema`, rel: 'describedby', type: SCHEMA_JSON, title: 'Schema of a GeoJSON feature' },
      { href: `${base(c)}/collections/${layer.id}/feature-schema`, rel: 'describedBy', type: SCHEMA_JSON, title: 'Schema of a GeoJSON feature' },
      { href: `${base(c)}/collections/${layer.id}/queryables`, rel: 'queryables', type: SCHEMA_JSON, title: 'Queryables' },
    ],
  });
  /** The readable collections whose data can be read, for the API description. */
  const readableCollections = async (c: Context<TwinEnv>) => {
    const found = [];
    for (const layer of vectorLayers(c.get('caller').role)) {
      const loaded = await collection(c, layer.id);
      if (loaded) found.push({ id: layer.id, title: layer.title.zh, features: loaded.features });
    }
    return found;
  };
  const apiDocument = async (c: Context<TwinEnv>) => openApiDocument(base(c), `${options.catalog.title.en} · OGC API – Features`, await readableCollections(c));

  app.get('/', (c) =>
    c.json({
      title: `${options.catalog.title.zh} · OGC API – Features`,
      description: `${options.catalog.title.en}: the twin's vector layers`,
      links: [
        { href: `${base(c)}`, rel: 'self', type: 'application/json', title: 'This document' },
        { href: `${base(c)}/api`, rel: 'service-desc', type: OPENAPI_JSON, title: 'The API description (OpenAPI 3.0)' },
        { href: `${base(c)}/api.html`, rel: 'service-doc', type: 'text/html', title: 'The API description for people' },
        { href: `${base(c)}/conformance`, rel: 'conformance', type: 'application/json', title: 'Conformance classes' },
        { href: `${base(c)}/collections`, rel: 'data', type: 'application/json', title: 'Collections' },
      ],
    }),
  );

  app.get('/conformance', (c) => c.json({ conformsTo: CONFORMANCE }));
  app.get('/api', async (c) => c.body(JSON.stringify(await apiDocument(c)), 200, { 'Content-Type': OPENAPI_JSON }));
  app.get('/api.html', async (c) => c.html(apiPage(await apiDocument(c))));

  app.get('/collections', async (c) => {
    const collections = [];
    for (const layer of vectorLayers(c.get('caller').role)) {
      const found = await collection(c, layer.id);
      if (found) collections.push(await describe(c, layer, found.features));
    }
    return c.json({ links: [{ href: `${base(c)}/collections`, rel: 'self', type: 'application/json' }], collections });
  });

  app.get('/collections/:id', async (c) => {
    const found = await collection(c, c.req.param('id'));
    if (!found) return jsonError(c, 404, 'not_found', `No collection "${c.req.param('id')}"`);
    return c.json(await describe(c, found.layer, found.features));
  });

  for (const [path, describeBy] of [['schema', featureSchema], ['feature-schema', geoJsonFeatureSchema], ['queryables', queryables]] as const) {
    app.get(`/collections/:id/${path}`, async (c) => {
      const found = await collection(c, c.req.param('id'));
      if (!found) return jsonError(c, 404, 'not_found', `No collection "${c.req.param('id')}"`);
      const url = `${base(c)}/collections/${found.layer.id}/${path}`;
      const body = describeBy({ id: found.layer.id, title: found.layer.title.zh, features: found.features }, url);
      return c.body(JSON.stringify(body), 200, { 'Content-Type': SCHEMA_JSON });
    });
  }

  app.get('/collections/:id/items', async (c) => {
    const found = await collection(c, c.req.param('id'));
    if (!found) return jsonError(c, 404, 'not_found', `No collection "${c.req.param('id')}"`);
    const { features } = found;
    const params = c.req.query();
    const parsed = parseQuery(c, ItemsQuery);
    if (parsed.error) return parsed.error;
    const filters: Record<string, string> = {};
    for (const [key, value] of Object.entries(params)) {
      if (RESERVED.has(key)) continue;
      if (!features.properties.includes(key)) {
        return jsonError(c, 400, 'invalid_parameter', `Unknown query parameter "${key}": filter by one of ${features.properties.join(', ')}`);
      }
      filters[key] = value;
    }
    const { bbox, limit, offset } = parsed.data;
    const matched = features.query(bbox, filters);
    const page = matched.slice(offset, offset + limit);
    const itemsUrl = (newOffset: number) => {
      const query = new URLSearchParams(params);
      query.set('offset', String(newOffset));
      query.set('limit', String(limit));
      return `${base(c)}/collections/${found.layer.id}/items?${query}`;
    };
    const links = [{ href: itemsUrl(offset), rel: 'self', type: 'application/geo+json' }];
    if (offset + limit < matched.length) links.push({ href: itemsUrl(offset + limit), rel: 'next', type: 'application/geo+json' });
    if (offset > 0) links.push({ href: itemsUrl(Math.max(0, offset - limit)), rel: 'prev', type: 'application/geo+json' });
    return geoJson(c, {
      type: 'FeatureCollection',
      features: page,
      numberMatched: matched.length,
      numberReturned: page.length,
      timeStamp: new Date().toISOString(),
      links,
    });
  });

  app.get('/collections/:id/items/:featureId', async (c) => {
    const found = await collection(c, c.req.param('id'));
    if (!found) return jsonError(c, 404, 'not_found', `No collection "${c.req.param('id')}"`);
    const feature = found.features.byId(c.req.param('featureId'));
    if (!feature) return jsonError(c, 404, 'not_found', `No feature "${c.req.param('featureId')}" in "${found.layer.id}"`);
    return geoJson(c, {
      ...feature,
      links: [
        { href: `${base(c)}/collections/${found.layer.id}/items/${encodeURIComponent(feature.id)}`, rel: 'self', type: 'application/geo+json' },
        { href: `${base(c)}/collections/${found.layer.id}`, rel: 'collection', type: 'application/json' },
      ],
    });
  });

  return app;
}

function geoJson(c: Context, body: object | Feature): Response {
  return c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/geo+json' });
}
