import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testApp.ts';

const villages = Array.from({ length: 25 }, (_, i) => ({
  type: 'Feature',
  id: `village:${330723001200 + i}`,
  properties: { oid: `village:${330723001200 + i}`, name: `测试村${i + 1}`, type: i % 5 === 0 ? '社区' : '村' },
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
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, any> };
};

describe('OGC API – Features', () => {
  it('has a landing page linking conformance and collections, and declares Core and GeoJSON', async () => {
    const { body } = await getJson('/ogc');
    expect(body.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'conformance', 'data']);
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
      ['colour=red', /Unknown query parameter "colour": filter by one of name, oid, type/],
    ] as const) {
      const { status, body } = await getJson(`/ogc/collections/villages/items?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.message).toMatch(message);
    }
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
    } finally {
      server.close();
    }
  });
});
