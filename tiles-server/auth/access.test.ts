import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_OBJECTS, TEST_TOKENS, createTestApp, fixtureObject, testLayer, wuyiCatalogWith } from '../testApp.ts';

const restrictedLayers = [
  testLayer({
    id: 'key-sites',
    kind: 'vector',
    access: 'restricted',
    source: { type: 'geojson', url: '/data/secret/key-sites.geojson' },
    table: { arrow: '/data/secret/key-sites.arrow', parquet: '/data/secret/key-sites.parquet' },
  }),
  testLayer({ id: 'key-buildings', kind: 'buildings', group: 'buildings', access: 'restricted', source: { type: '3dtiles', url: '/data/secret/buildings/tileset.json' } }),
  testLayer({ id: 'incidents', kind: 'incidents', access: 'internal', source: { type: 'api', url: '/api/incidents' } }),
  testLayer({ id: 'monitoring-points', kind: 'monitoring-points', access: 'internal', source: { type: 'api', url: '/api/monitoring/points' } }),
];

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  // The internal incidents and monitoring layers replace the Wuyi catalog's public ones.
  const catalog = await wuyiCatalogWith(restrictedLayers);
  const site = fixtureObject('site:1', 'key-sites', { type: 'Polygon', coordinates: [[[119.9, 28.9], [119.91, 28.9], [119.91, 28.91], [119.9, 28.91], [119.9, 28.9]]] }, { name: '武义水厂', resourceCode: '330723001-9999-00001' }, 'restricted');
  t = await createTestApp({ catalog, objects: [...FIXTURE_OBJECTS, site] });
  const feature = { type: 'Feature', id: 'site:1', properties: { oid: 'site:1', name: '武义水厂' }, geometry: JSON.parse(site.geometry!) };
  await t.put(join(t.dataDir, 'secret', 'key-sites.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
  const table = tableFromArrays({ oid: ['site:1'], name: ['武义水厂'], west: [119.9], south: [28.9], east: [119.91], north: [28.91], lon: [119.905], lat: [28.905] });
  await t.put(join(t.dataDir, 'secret', 'key-sites.arrow'), tableToIPC(table, 'file'));
  await t.put(join(t.dataDir, 'secret', 'buildings', 'tileset.json'), '{"asset":{"version":"1.1"}}');
  await t.put(join(t.dataDir, 'secret', 'buildings', 'tiles', '0.glb'), 'glb');
  await t.put(join(t.dataDir, 'tokens.json'), JSON.stringify({ tokens: [] }));
  await t.put(join(t.dataDir, 'sample', 'records', 'incidents.json'), '[]');
});
afterAll(() => t.close());

/** Every route by which a layer's content can be read. */
const restrictedRoutes = [
  '/data/secret/key-sites.geojson',
  '/data/secret/key-sites.arrow',
  '/data/secret/buildings/tileset.json',
  '/data/secret/buildings/tiles/0.glb',
  '/data/secret/buildings/tiles/%30.glb',
  '/ogc/collections/key-sites',
  '/ogc/collections/key-sites/items',
  '/ogc/collections/key-sites/items/site:1',
  '/api/objects/site:1',
  '/api/codes/330723001-9999-00001',
];

describe('access control', () => {
  it('hides a restricted layer from a viewer token by every route', async () => {
    for (const as of [undefined, 'viewer', 'operator'] as const) {
      for (const path of restrictedRoutes) {
        const response = await t.call('GET', path, as ? { as } : {});
        expect(response.status, `${as ?? 'anonymous'} ${path}`).toBe(404);
      }
      const layers = await (await t.call('GET', '/api/layers', as ? { as } : {})).json();
      expect(layers.layers.map((l: { id: string }) => l.id)).not.toContain('key-sites');
      const collections = await (await t.call('GET', '/ogc/collections', as ? { as } : {})).json();
      expect(collections.collections.map((c: { id: string }) => c.id)).not.toContain('key-sites');
      expect((await (await t.call('GET', '/api/search?q=武义水厂', as ? { as } : {})).json()).hits).toEqual([]);
      // The position lies in the county too: that is what they are shown.
      expect((await (await t.call('GET', '/api/objects?at=119.905,28.905', as ? { as } : {})).json()).oid).toBe('admin:330723');
      expect((await (await t.call('GET', '/api/codes?prefix=330723001-9999', as ? { as } : {})).json()).codes).toEqual([]);
    }
  });

  it('shows it to an admin token, by header or by access_token on a GET', async () => {
    for (const path of restrictedRoutes) expect((await t.call('GET', path, { as: 'admin' })).status, path).toBe(200);
    expect((await (await t.call('GET', '/api/objects?at=119.905,28.905', { as: 'admin' })).json()).oid).toBe('site:1');
    const restricted = await t.app.request(`/data/secret/key-sites.geojson?access_token=${TEST_TOKENS.admin}`);
    expect(restricted.status).toBe(200);
    // Shared caches must not hand a restricted file to the next user.
    expect(restricted.headers.get('cache-control')).toBe('private, max-age=300');
    expect((await (await t.call('GET', '/api/search?q=武义水厂', { as: 'admin' })).json()).hits).toHaveLength(1);
  });

  it('keeps internal incidents from anonymous visitors, event stream included', async () => {
    expect((await t.call('GET', '/api/incidents')).status).toBe(404);
    expect((await t.call('GET', '/api/events')).status).toBe(404);
    expect((await t.call('GET', '/api/monitoring/points')).status).toBe(404);
    expect((await t.call('GET', '/api/incidents', { as: 'viewer' })).status).toBe(200);
  });

  it('never serves files that no layer publishes: tokens, records, the store', async () => {
    for (const path of ['/data/tokens.json', '/data/sample/records/incidents.json', '/data/twin.duckdb']) {
      expect((await t.call('GET', path, { as: 'admin' })).status, path).toBe(404);
    }
  });

  it('refuses an unknown or malformed token instead of treating it as anonymous', async () => {
    expect((await t.call('GET', '/api/layers', { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect((await t.call('GET', '/api/layers', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } })).status).toBe(401);
    expect((await t.app.request('/api/layers?access_token=wrong')).status).toBe(401);
  });
});
