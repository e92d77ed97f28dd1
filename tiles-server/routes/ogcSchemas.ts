import type { FeatureCollection } from '../features/featureCollection.ts';

/** JSON Schema's draft of OGC API – Features Part 5 (Schemas) and Part 3 (queryables). */
const JSON_SCHEMA = 'https://json-schema.org/draft/2020-12/schema';

/** What a layer's schema and queryables say of it. */
interface Described {
  id: string;
  title: string;
  features: FeatureCollection;
}

const geometryFormat = (type: string | undefined) => (type ? `geometry-${type.toLowerCase()}` : 'geometry-any');

const propertySchemas = (features: FeatureCollection) =>
  Object.fromEntries(features.properties.map((name) => [name, { title: name, type: features.propertyTypes.get(name) }]));

/**
 * The logical schema of a collection's features (Part 5): every property with the type its
 * values have across the whole layer, and the geometry.
 */
export function featureSchema(collection: Described, url: string) {
  return {
    $schema: JSON_SCHEMA,
    $id: url,
    type: 'object',
    title: collection.title,
    properties: {
      ...propertySchemas(collection.features),
      geometry: { 'x-ogc-role': 'primary-geometry', format: geometryFormat(collection.features.geometryType) },
    },
  };
}

/**
 * The same as the schema of a GeoJSON feature, which the collection's `describedby` link names:
 * what GDAL's OAPIF driver (and QGIS through it) reads each field's type from, instead of
 * guessing it from the first page of features.
 */
export function geoJsonFeatureSchema(collection: Described, url: string) {
  return {
    $schema: JSON_SCHEMA,
    $id: url,
    title: collection.title,
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string' },
      geometry: { type: ['object', 'null'] },
      properties: { type: 'object', properties: propertySchemas(collection.features) },
    },
  };
}

/** The properties a client may filter items by (Part 3): each one, by equality, as a query parameter. */
export function queryables(collection: Described, url: string) {
  return {
    $schema: JSON_SCHEMA,
    $id: url,
    type: 'object',
    title: collection.title,
    properties: propertySchemas(collection.features),
    additionalProperties: false,
  };
}

/**
 * The OpenAPI 3.0 description of the API as the caller sees it: the landing page, conformance,
 * collections and, for each readable collection, its items with the query parameters it takes.
 */
export function openApiDocument(base: string, title: string, collections: readonly Described[]) {
  const json = (description: string, type = 'application/json') => ({ description, content: { [type]: { schema: { type: 'object' } } } });
  const errors = { '400': json('A parameter is malformed; the answer names it'), '404': json('No such collection or feature') };
  const paths: Record<string, unknown> = {
    '/': { get: { summary: 'Landing page', operationId: 'getLandingPage', responses: { '200': json('Links to the API description, conformance and collections') } } },
    '/conformance': { get: { summary: 'Conformance classes', operationId: 'getConformance', responses: { '200': json('The classes the API conforms to') } } },
    '/collections': { get: { summary: 'Collections', operationId: 'getCollections', responses: { '200': json('The collections the caller may read') } } },
  };
  for (const { id, title: name, features } of collections) {
    const collectionPath = `/collections/${id}`;
    paths[collectionPath] = { get: { summary: name, operationId: `describe-${id}`, responses: { '200': json(`The collection ${id}`), ...errors } } };
    paths[`${collectionPath}/queryables`] = { get: { summary: `Queryables of ${id}`, operationId: `queryables-${id}`, responses: { '200': json('A JSON Schema', 'application/schema+json') } } };
    paths[`${collectionPath}/schema`] = { get: { summary: `Schema of ${id}`, operationId: `schema-${id}`, responses: { '200': json('A JSON Schema', 'application/schema+json') } } };
    paths[`${collectionPath}/feature-schema`] = { get: { summary: `Schema of a GeoJSON feature of ${id}`, operationId: `feature-schema-${id}`, responses: { '200': json('A JSON Schema', 'application/schema+json') } } };
    paths[`${collectionPath}/items`] = {
      get: {
        summary: `Features of ${name}`,
        operationId: `items-${id}`,
        parameters: [
          { $ref: '#/components/parameters/bbox' },
          { $ref: '#/components/parameters/limit' },
          { $ref: '#/components/parameters/offset' },
          ...features.properties.map((property) => ({ name: property, in: 'query', required: false, description: `Features whose ${property} equals this`, schema: { type: features.propertyTypes.get(property) }, style: 'form', explode: false })),
        ],
        responses: { '200': json('A page of features', 'application/geo+json'), ...errors },
      },
    };
    paths[`${collectionPath}/items/{featureId}`] = {
      get: {
        summary: `One feature of ${name}`,
        operationId: `item-${id}`,
        parameters: [{ name: 'featureId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': json('The feature', 'application/geo+json'), ...errors },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title, version: '1.0.0', description: 'OGC API – Features (Part 1 Core, GeoJSON) over the layers the caller may read' },
    servers: [{ url: base }],
    paths,
    components: {
      parameters: {
        bbox: { name: 'bbox', in: 'query', required: false, description: 'minLon,minLat,maxLon,maxLat in CRS84', schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } }, style: 'form', explode: false },
        limit: { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 10_000, default: 10 }, style: 'form', explode: false },
        offset: { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 }, style: 'form', explode: false },
      },
    },
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The API description for a person: each path and its parameters, on one page that needs nothing from the internet. */
export function apiPage(document: ReturnType<typeof openApiDocument>): string {
  const rows = Object.entries(document.paths).map(([path, operations]) => {
    const get = (operations as { get: { summary: string; parameters?: { name?: string; $ref?: string; schema?: { type?: string } }[] } }).get;
    const parameters = (get.parameters ?? []).map((p) => (p.$ref ? p.$ref.split('/').pop()! : `${p.name} (${p.schema?.type})`));
    return `<tr><td><a href="${escapeHtml(document.servers[0]!.url + path)}"><code>GET ${escapeHtml(path)}</code></a></td><td>${escapeHtml(get.summary)}</td><td>${escapeHtml(parameters.join(', '))}</td></tr>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2em;max-width:70em}td{padding:.2em .8em;vertical-align:top;border-bottom:1px solid #ddd}</style></head>
<body><h1>${escapeHtml(document.info.title)}</h1><p>${escapeHtml(document.info.description)}. The machine-readable description: <a href="api">OpenAPI 3.0</a>.</p>
<table><tr><th>Path</th><th>What</th><th>Parameters</th></tr>${rows.join('')}</table></body></html>`;
}
