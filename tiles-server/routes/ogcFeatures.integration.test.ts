import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testApp.ts';

// The first page of villages has whole-number areas and no remarks: a client that typed fields from it would truncate the later areas.
const villages = Array.from({ length: 25 }, (_, i) => ({
  type: 'Feature',
  id: `village:${330723001200 + i}`,
  properties: {
    oid: `village:${330723001200 + i}`,
    name: `测试村${i + 1}`,
    type: i % 5 === 0 ? '社区' : '村',
    area: i < 12 ? 1000 + i : 1000 + i + 0.25,
    ...(i >= 12 ? { remark: `备注${i}` } : {}),
  },
  geometry: { type: 'Point', coordinates: [119.7 + i * 0.01, 28.8 + i * 0.005] },
}));

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  await t.put(join(t.dataDir, 'sample', 'villages.geojson'), JSON.stringify({ type: 'FeatureCollection', features: villages }));
  await t.put(join(t.dataDir, 'sample', 'rivers.geojson'), JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', id: 'river:1', properties: { name: '武义江' }, geometry: { type: 'LineString', coordinates: [[119.86, 28.62], [119.77, 29.04]] } }],
  }));
});

const getJson = async (path: string) => {
  const response = await t.app.request(path);
  // biome-ignore lint/suspicious/noExplicitAny: OGC documents of every shape, read by path in the tests
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, any> };
};

describe('OGC API – Features', () => {
  it('has a landing page linking conformance and collections, and declares Core and GeoJSON', async () => {
    const { body } = await getJson('/ogc');
    expect(body.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'service-desc', 'service-doc', 'conformance', 'data']);
    expect((await getJson('/ogc/conformance')).body.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson');
  });

  it('lists the readable vector layers whose data exists, with their extent in CRS84', async () => {
    const { body } = await getJson('/ogc/collections');
    expect(body.collections.map((c: { id: string }) => c.id)).toEqual(['villages', 'rivers']);
    expect(body.collections[0].extent.spatial.bbox[0]).toEqual([119.7, 28.8, 119.94, 28.92]);
  });

  it('pages items with limit, offset and next/prev links', async () => {
    const first = await getJson('/ogc/collections/villages/items?limit=10');
    expect(first.type).toBe('application/geo+json');
    expect(first.body).toMatchObject({ type: 'FeatureCollection', numberMatched: 25, numberReturned: 10 });
    const next = first.body.links.find((l: { rel: string }) => l.rel === 'next');
    expect(next.href).toMatch(/offset=10/);
    const last = await getJson('/ogc/collections/villages/items?limit=10&offset=20');
    expect(last.body.numberReturned).toBe(5);
    expect(last.body.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'prev']);
  });

  it('filters by bbox and by property', async () => {
    const inBox = await getJson('/ogc/collections/villages/items?bbox=119.695,28.795,119.735,28.82');
    expect(inBox.body.features.map((f: { id: string }) => f.id)).toEqual(['village:330723001200', 'village:330723001201', 'village:330723001202', 'village:330723001203']);
    const communities = await getJson(`/ogc/collections/villages/items?type=${encodeURIComponent('社区')}&limit=100`);
    expect(communities.body.numberMatched).toBe(5);
  });

  it('returns one item by id, and 404 for unknown ids and collections', async () => {
    const { body } = await getJson('/ogc/collections/villages/items/village:330723001203');
    expect(body.properties.name).toBe('测试村4');
    expect((await getJson('/ogc/collections/villages/items/nope')).status).toBe(404);
    expect((await getJson('/ogc/collections/secret-layer/items')).status).toBe(404);
  });

  it('refuses bad parameters with a 400 that names them', async () => {
    for (const [query, message] of [
      ['bbox=1,2,3', /"bbox" must be 4/],
      ['bbox=120,29,119,28', /minLon ≤ maxLon/],
      ['limit=0', /"limit"/],
      ['limit=100000', /"limit"/],
      ['offset=-1', /"offset"/],
      ['colour=red', /Unknown query parameter "colour": filter by one of area, name, oid, remark, type/],
    ] as const) {
      const { status, body } = await getJson(`/ogc/collections/villages/items?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.message).toMatch(message);
    }
  });

  it('describes each collection by a schema and queryables typed from all its features, and the API in OpenAPI 3.0', async () => {
    const collection = await getJson('/ogc/collections/villages');
    const linked = (rel: string) => collection.body.links.find((l: { rel: string }) => l.rel === rel)?.href as string;
    const schema = await t.app.request(new URL(linked('http://www.opengis.net/def/rel/ogc/1.0/schema')).pathname);
    expect(schema.headers.get('content-type')).toBe('application/schema+json');
    expect(((await schema.json()) as { properties: object }).properties).toEqual({
      area: { title: 'area', type: 'number' },
      name: { title: 'name', type: 'string' },
      oid: { title: 'oid', type: 'string' },
      remark: { title: 'remark', type: 'string' },
      type: { title: 'type', type: 'string' },
      geometry: { 'x-ogc-role': 'primary-geometry', format: 'geometry-point' },
    });
    const queryables = await getJson(new URL(linked('http://www.opengis.net/def/rel/ogc/1.0/queryables')).pathname);
    expect(Object.keys(queryables.body.properties)).toEqual(['area', 'name', 'oid', 'remark', 'type']);
    expect(queryables.body.additionalProperties).toBe(false);

    const api = await t.app.request('/ogc/api');
    expect(api.headers.get('content-type')).toBe('application/vnd.oai.openapi+json;version=3.0');
    const document = (await api.json()) as { openapi: string; paths: Record<string, { get: { parameters?: { name?: string }[] } }> };
    expect(document.openapi).toBe('3.0.3');
    expect(document.paths['/collections/villages/items']!.get.parameters!.map((p) => p.name).filter(Boolean)).toEqual(['area', 'name', 'oid', 'remark', 'type']);
    expect(Object.keys(document.paths).some((path) => path.includes('secret'))).toBe(false);
    const page = await t.app.request('/ogc/api.html');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('GET /collections/villages/items');
  });

  it('is read by GDAL (ogrinfo, the OAPIF driver)', async () => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    try {
      const run = (...args: string[]) => promisify(execFile)('ogrinfo', ['-ro', ...args], { timeout: 30_000 });
      const layers = await run(`OAPIF:http://127.0.0.1:${port}/ogc`);
      expect(layers.stdout).toMatch(/1: villages .*\(Point\)/);
      expect(layers.stdout).toMatch(/2: rivers .*\(Line String\)/);
      const items = await run('-al', '-q', `OAPIF:http://127.0.0.1:${port}/ogc`, 'villages');
      expect(items.stdout.match(/name \(String\) = 测试村\d+/g)).toHaveLength(25);
      // With default options GDAL types each field from the schema, not from the first page: no area is truncated, the remarks are there.
      const areas = [...items.stdout.matchAll(/area \(Real\) = ([\d.]+)/g)].map((m) => Number(m[1]));
      expect(areas).toEqual(villages.map((v) => v.properties.area));
      expect(items.stdout.match(/remark \(String\) = 备注\d+/g)).toHaveLength(13);
      // And it hands an equality filter on a queryable to the server.
      const filtered = await promisify(execFile)('ogrinfo', ['-ro', '-q', '-al', `OAPIF:http://127.0.0.1:${port}/ogc`, 'villages', '-where', "type = '社区'"], {
        timeout: 30_000,
        env: { ...process.env, CPL_DEBUG: 'ON' },
      });
      expect(filtered.stdout.match(/type \(String\) = 社区/g)).toHaveLength(5);
      expect(filtered.stderr).toContain(`/ogc/collections/villages/items?limit=`);
      expect(filtered.stderr).toMatch(/items\?limit=\d+&type=%E7%A4%BE%E5%8C%BA/);
    } finally {
      server.close();
    }
  });
});
