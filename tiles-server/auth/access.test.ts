import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_ENTRY_FILE } from '../../layers/index.ts';
import { EventStreamReader } from '../../test/support/eventStream.ts';
import { LayerFiles } from './layerFiles.ts';
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
  testLayer({ id: 'open-tiles', kind: 'imagery', group: 'basemap', source: { type: 'xyz', url: '/data/open/{z}/{x}/{y}.png' } }),
  // Two layers over one file, at two levels (as zoning shares the land-use file).
  testLayer({ id: 'parcels-public', kind: 'vector', source: { type: 'geojson', url: '/data/shared/parcels.geojson' } }),
  testLayer({ id: 'parcels-internal', kind: 'vector', access: 'internal', source: { type: 'geojson', url: '/data/shared/parcels.geojson' } }),
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
  await t.put(join(t.dataDir, 'open', '0', '0', '0.png'), 'png');
  await t.put(join(t.dataDir, 'open', CATALOG_ENTRY_FILE), '{}');
  await t.put(join(t.dataDir, 'open', 'import-report.json'), '{"input":"/home/gis/source.shp"}');
  await t.put(join(t.dataDir, 'shared', 'parcels.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [] }));
  // Links inside a public folder: to a restricted file, to the tokens, to a file of the folder itself.
  await symlink(join(t.dataDir, 'secret', 'key-sites.geojson'), join(t.dataDir, 'open', '0', '0', '1.png'));
  await symlink(join(t.dataDir, 'tokens.json'), join(t.dataDir, 'open', '0', '0', '2.png'));
  await symlink(join(t.dataDir, 'open', '0', '0', '0.png'), join(t.dataDir, 'open', '0', '0', '3.png'));
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

describe('files reached through links, shared by layers, or written by the pipeline', () => {
  it('serves a link only to a file published as openly as the link itself', async () => {
    expect((await t.call('GET', '/data/open/0/0/3.png')).status).toBe(200);
    for (const as of [undefined, 'admin'] as const) {
      expect((await t.call('GET', '/data/open/0/0/1.png', as ? { as } : {})).status, `${as}: a link to a restricted file`).toBe(404);
      expect((await t.call('GET', '/data/open/0/0/2.png', as ? { as } : {})).status, `${as}: a link to the tokens`).toBe(404);
    }
  });

  it('serves a file two layers publish at the stricter of their levels, and says so', async () => {
    expect((await t.call('GET', '/data/shared/parcels.geojson')).status).toBe(404);
    expect((await t.call('GET', '/data/shared/parcels.geojson', { as: 'viewer' })).status).toBe(200);
    expect(new LayerFiles(t.catalog).sharedAtDifferentLevels()).toEqual([
      'Layers "parcels-public" (public) and "parcels-internal" (internal) both publish /data/shared/parcels.geojson: it is served as internal to both',
    ]);
  });

  it("never serves the pipeline's catalog entry and import report from a layer's folder", async () => {
    for (const name of [CATALOG_ENTRY_FILE, 'import-report.json']) {
      expect((await t.call('GET', `/data/open/${name}`, { as: 'admin' })).status, name).toBe(404);
    }
    expect((await t.call('GET', '/data/open/0/0/0.png')).status).toBe(200);
  });
});

describe('lookups made as the caller', () => {
  const at = { lon: 119.905, lat: 28.905 };
  const report = { type: '设施损坏', title: '水厂围墙破损' };
  const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

  it('neither binds to nor reveals an object the caller may not read, answering as for an unknown one', async () => {
    const restricted = await t.call('POST', '/api/incidents', { as: 'operator', body: { ...report, oid: 'site:1' } });
    const unknown = await t.call('POST', '/api/incidents', { as: 'operator', body: { ...report, oid: 'site:2' } });
    expect([restricted.status, unknown.status]).toEqual([400, 400]);
    expect((await message(restricted)).replace('site:1', 'X')).toBe((await message(unknown)).replace('site:2', 'X'));

    const byPosition = await (await t.call('POST', '/api/incidents', { as: 'operator', body: { ...report, ...at } })).json();
    expect(byPosition.binding).toEqual({ oid: 'admin:330723', method: 'position', layerId: 'county-boundary' });

    const point = { id: 'mp:site', kind: 'water-level', name: '水厂水位', unit: 'm', ...at };
    expect((await t.call('POST', '/api/monitoring/points', { as: 'operator', body: { points: [{ ...point, oid: 'site:1' }] } })).status).toBe(400);
    await t.call('POST', '/api/monitoring/points', { as: 'operator', body: { points: [point] } });
    expect((await (await t.call('GET', '/api/monitoring/points/mp:site', { as: 'admin' })).json()).binding.oid).toBe('admin:330723');

    const lifecycle = { stage: '监管', date: '2026-11-30', summary: '巡查', department: '县自然资源局' };
    const restrictedCode = await t.call('POST', '/api/codes/330723001-9999-00001/lifecycle', { as: 'operator', body: lifecycle });
    const unknownCode = await t.call('POST', '/api/codes/330723001-9999-00002/lifecycle', { as: 'operator', body: lifecycle });
    expect([restrictedCode.status, unknownCode.status]).toEqual([404, 404]);
    expect((await message(restrictedCode)).replace('00001', 'X')).toBe((await message(unknownCode)).replace('00002', 'X'));
  });

  it('shows records an admin bound to a restricted object without their binding to everyone else', async () => {
    const live = new EventStreamReader(await t.call('GET', '/api/events', { as: 'viewer' }));
    const adminLive = new EventStreamReader(await t.call('GET', '/api/events', { as: 'admin' }));
    const created = await (await t.call('POST', '/api/incidents', { as: 'admin', body: { ...report, oid: 'site:1' } })).json();
    expect(created.binding.oid).toBe('site:1');
    await t.call('POST', '/api/monitoring/points', { as: 'admin', body: { points: [{ id: 'mp:secret', kind: 'camera', name: '水厂视频', unit: '', ...at, oid: 'site:1' }] } });

    for (const as of ['viewer', 'operator'] as const) {
      expect(await (await t.call('GET', '/api/incidents?oid=site:1', { as })).json(), as).toMatchObject({ total: 0, incidents: [] });
      const listed = (await (await t.call('GET', '/api/incidents', { as })).json()).incidents.find((incident: { id: string }) => incident.id === created.id);
      expect(listed.binding, as).toEqual({ oid: null, method: 'none', layerId: null });
      expect((await (await t.call('GET', `/api/incidents/${encodeURIComponent(created.id)}`, { as })).json()).binding.oid, as).toBeNull();
      expect((await (await t.call('GET', '/api/monitoring/points/mp:secret', { as })).json()).binding.oid, as).toBeNull();
      const points = (await (await t.call('GET', '/api/monitoring/points', { as })).json()).points;
      expect(JSON.stringify(points), as).not.toContain('site:1');
    }
    expect((await (await t.call('GET', '/api/incidents?oid=site:1', { as: 'admin' })).json()).total).toBe(1);

    await live.waitFor(1);
    await adminLive.waitFor(1);
    expect(JSON.parse(live.events[0]!.data).incident.binding.oid).toBeNull();
    expect(JSON.parse(adminLive.events[0]!.data).incident.binding.oid).toBe('site:1');
    await live.close();
    await adminLive.close();
  });

  it('hides a storyboard showing a restricted layer from those who may not read it', async () => {
    const scene = { title: { zh: '水厂', en: 'Waterworks' }, camera: { lon: 119.905, lat: 28.905, height: 800, heading: 0, pitch: -45 }, layers: ['key-sites'], durationSeconds: 5 };
    await t.store.saveStoryboard({ id: 'key-sites-tour', title: { zh: '重点设施', en: 'Key sites' }, scenes: [scene] }, { name: 'admin-user', role: 'admin' });
    for (const as of [undefined, 'viewer', 'operator'] as const) {
      const listed = (await (await t.call('GET', '/api/storyboards', as ? { as } : {})).json()).storyboards.map((s: { id: string }) => s.id);
      expect(listed, as).not.toContain('key-sites-tour');
      expect((await t.call('GET', '/api/storyboards/key-sites-tour', as ? { as } : {})).status, as).toBe(404);
    }
    expect((await t.call('DELETE', '/api/storyboards/key-sites-tour', { as: 'operator' })).status).toBe(404);
    expect((await t.call('POST', '/api/storyboards/key-sites-tour/scenes', { as: 'operator', body: scene })).status).toBe(404);
    expect((await t.call('GET', '/api/storyboards/key-sites-tour', { as: 'admin' })).status).toBe(200);
  });
});
