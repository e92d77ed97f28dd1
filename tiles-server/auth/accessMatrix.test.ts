import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLevel } from '../../layers/index.ts';
import { TEST_TOKENS, createTestApp, fixtureObject, testLayer, wuyiCatalogWith } from '../testApp.ts';

/**
 * Every road to a layer's content, for every role and access level, by every spelling of its
 * path: the caller reads it exactly when the level allows, and otherwise gets what it would get
 * for something that does not exist. The expectation is this table, written out, not the
 * server's own access function.
 */
const LEVELS: AccessLevel[] = ['public', 'internal', 'restricted'];
const ROLES = ['anonymous', 'viewer', 'operator', 'admin'] as const;
type MatrixRole = (typeof ROLES)[number];
const MAY_READ: Record<AccessLevel, MatrixRole[]> = {
  public: ['anonymous', 'viewer', 'operator', 'admin'],
  internal: ['viewer', 'operator', 'admin'],
  restricted: ['admin'],
};

const square = (west: number, south: number) => ({ type: 'Polygon', coordinates: [[[west, south], [west + 0.01, south], [west + 0.01, south + 0.01], [west, south + 0.01], [west, south]]] });
/** Each level's site sits apart, inside the county only, so a lookup by position finds it or the county. */
const siteOf = (level: AccessLevel, i: number) => ({ oid: `site-${level}:1`, name: `重点设施${level}`, code: `330723009-99${i}-00001`, west: 119.2 + i * 0.1, south: 28.2 });

const headers = (role: MatrixRole): Record<string, string> => (role === 'anonymous' ? {} : { Authorization: `Bearer ${TEST_TOKENS[role]}` });

/** A GET on a real socket with the path sent exactly as written (fetch would normalise it). */
function rawGet(url: string, path: string, role: MatrixRole, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = httpGet({ hostname, port, path, method, headers: headers(role) }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
  });
}

describe('access matrix: layer content', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let server: Awaited<ReturnType<typeof t.listen>>;

  beforeAll(async () => {
    const layers = LEVELS.flatMap((level) => [
      testLayer({ id: `sites-${level}`, kind: 'vector', access: level, source: { type: 'geojson', url: `/data/m-${level}/sites.geojson` }, table: { arrow: `/data/m-${level}/sites.arrow`, parquet: `/data/m-${level}/sites.parquet` } }),
      testLayer({ id: `bldgs-${level}`, kind: 'buildings', group: 'buildings', access: level, source: { type: '3dtiles', url: `/data/b-${level}/tileset.json` } }),
    ]);
    const catalog = await wuyiCatalogWith(layers);
    const objects = LEVELS.map((level, i) => {
      const site = siteOf(level, i);
      return fixtureObject(site.oid, `sites-${level}`, square(site.west, site.south), { name: site.name, resourceCode: site.code }, level);
    });
    const county = fixtureObject('admin:330723', 'county-boundary', { type: 'Polygon', coordinates: [[[119, 28], [120, 28], [120, 29], [119, 29], [119, 28]]] }, { name: '武义县' });
    t = await createTestApp({ catalog, objects: [county, ...objects] });
    for (const [i, level] of LEVELS.entries()) {
      const site = siteOf(level, i);
      const feature = { type: 'Feature', id: site.oid, properties: { oid: site.oid, name: site.name }, geometry: square(site.west, site.south) };
      await t.put(join(t.dataDir, `m-${level}`, 'sites.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
      const table = tableFromArrays({ oid: [site.oid], name: [site.name], west: [site.west], south: [site.south], east: [site.west + 0.01], north: [site.south + 0.01], lon: [site.west + 0.005], lat: [site.south + 0.005] });
      await t.put(join(t.dataDir, `m-${level}`, 'sites.arrow'), tableToIPC(table, 'file'));
      await t.put(join(t.dataDir, `m-${level}`, 'sites.parquet'), 'PAR1');
      await t.put(join(t.dataDir, `b-${level}`, 'tileset.json'), '{"asset":{"version":"1.1"}}');
      await t.put(join(t.dataDir, `b-${level}`, 'tiles', '0.glb'), 'glTF');
      await t.store.addLifecycleRecords([{ resourceCode: site.code, oid: site.oid, stage: '规划', date: '2019-03-01', summary: site.name, department: '县自然资源和规划局' }], { name: 'admin-user', role: 'admin' });
      await t.store.saveStoryboard(
        { id: `tour-${level}`, title: { zh: '巡', en: 'Tour' }, scenes: [{ title: { zh: '巡', en: 'Tour' }, camera: { lon: 119.8, lat: 28.8, height: 900, heading: 0, pitch: -45 }, layers: [`sites-${level}`], durationSeconds: 5 }] },
        { name: 'admin-user', role: 'admin' },
      );
    }
    server = await t.listen();
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  /** File paths of a level's layers: each with the status a reader gets (an unreadable file is always a 404). */
  const fileVariants = (level: AccessLevel) => [
    { path: `/data/m-${level}/sites.geojson`, readable: 200 },
    { path: `/data/m-${level}/sites.arrow`, readable: 200 },
    { path: `/data/m-${level}/sites.parquet`, readable: 200 },
    { path: `/data/b-${level}/tileset.json`, readable: 200 },
    { path: `/data/b-${level}/tiles/0.glb`, readable: 200 },
    { path: `/data/b-${level}/tiles/%30.glb`, readable: 200 },
    { path: `/data/b-${level}/tiles/%30%2Eglb`, readable: 200 },
    { path: `/data/m-${level}/sites%2Egeojson`, readable: 200 },
    { path: `/data/b-${level}/tiles%2F0.glb`, readable: 400 },
    { path: `/data/b-${level}//tiles/0.glb`, readable: 200 },
    { path: `/data/b-${level}/tiles/0.glb?cache=1`, readable: 200 },
    { path: `/data/b-${level}/../b-${level}/tiles/0.glb`, readable: 404 },
    { path: `/data/b-${level}/tiles/../tiles/0.glb`, readable: 404 },
    { path: `/data/b-${level}/tiles/%2e%2e/tileset.json`, readable: 404 },
  ];

  for (const level of LEVELS) {
    for (const role of ROLES) {
      const readable = MAY_READ[level].includes(role);
      it(`${role} × ${level}: data files by every spelling, through the fast lane and the routes`, async () => {
        for (const { path, readable: status } of fileVariants(level)) {
          const expected = readable ? status : 404;
          expect((await rawGet(server.url, path, role)).status, `socket GET ${path}`).toBe(expected);
          expect((await rawGet(server.url, path, role, 'HEAD')).status, `socket HEAD ${path}`).toBe(expected);
          // Hono's router sees the path as a URL parser leaves it (dot segments resolved).
          const routed = new URL(path, 'http://twin').pathname + new URL(path, 'http://twin').search;
          const routedStatus = readable ? (routed === path ? status : (await rawGet(server.url, routed, role)).status) : 404;
          expect((await t.app.request(path, { headers: headers(role) })).status, `routes GET ${path}`).toBe(routedStatus);
          if (role !== 'anonymous') {
            const withQueryToken = `${path}${path.includes('?') ? '&' : '?'}access_token=${TEST_TOKENS[role]}`;
            expect((await rawGet(server.url, withQueryToken, 'anonymous')).status, `socket ${withQueryToken}`).toBe(expected);
          }
        }
      });

      it(`${role} × ${level}: collections, objects, codes, search, catalog and storyboards`, async () => {
        const site = siteOf(level, LEVELS.indexOf(level));
        const call = (path: string) => t.app.request(path, { headers: headers(role) });
        const status = readable ? 200 : 404;
        for (const path of [`/ogc/collections/sites-${level}`, `/ogc/collections/sites-${level}/items`, `/ogc/collections/sites-${level}/items/${encodeURIComponent(site.oid)}`, `/api/objects/${encodeURIComponent(site.oid)}`, `/api/codes/${site.code}`, `/api/storyboards/tour-${level}`]) {
          const response = await call(path);
          const text = await response.text();
          expect(response.status, path).toBe(status);
          if (!readable) expect(text, path).not.toContain(site.name);
        }
        const at = await (await call(`/api/objects?at=${site.west + 0.005},${site.south + 0.005}`)).json();
        expect(at.oid, 'object at its position').toBe(readable ? site.oid : 'admin:330723');
        const codes = await (await call(`/api/codes?prefix=${site.code.slice(0, 13)}`)).json();
        expect(codes.codes.map((c: { oid: string }) => c.oid), 'codes by prefix').toEqual(readable ? [site.oid] : []);
        const hits = (await (await call(`/api/search?q=${encodeURIComponent(site.name)}`)).json()).hits.map((hit: { oid: string }) => hit.oid);
        expect(hits.includes(site.oid), 'search').toBe(readable);
        const catalog = (await (await call('/api/layers')).json()).layers.map((layer: { id: string }) => layer.id);
        expect([catalog.includes(`sites-${level}`), catalog.includes(`bldgs-${level}`)], 'catalog').toEqual([readable, readable]);
        const collections = (await (await call('/ogc/collections')).json()).collections.map((c: { id: string }) => c.id);
        expect(collections.includes(`sites-${level}`), 'collections').toBe(readable);
        const storyboards = (await (await call('/api/storyboards')).json()).storyboards.map((s: { id: string }) => s.id);
        expect(storyboards.includes(`tour-${level}`), 'storyboards').toBe(readable);
        const lifecycle = tableFromIPC(new Uint8Array(await (await call('/api/records/lifecycle_records.arrow')).arrayBuffer())).getChild('resource_code')!.toArray();
        expect(lifecycle.includes(site.code), 'lifecycle records table').toBe(readable);
      });
    }
  }
});

describe('access matrix: records', () => {
  for (const level of LEVELS) {
    describe(`incidents and monitoring points at ${level}`, () => {
      let t: Awaited<ReturnType<typeof createTestApp>>;
      let incidentId: string;
      beforeAll(async () => {
        const catalog = await wuyiCatalogWith([
          testLayer({ id: 'incidents', kind: 'incidents', access: level, source: { type: 'api', url: '/api/incidents' } }),
          testLayer({ id: 'monitoring-points', kind: 'monitoring-points', access: level, source: { type: 'api', url: '/api/monitoring/points' } }),
        ]);
        t = await createTestApp({ catalog });
        incidentId = (await (await t.call('POST', '/api/incidents', { as: 'admin', body: { type: '设施损坏', title: '路灯损坏', lon: 119.8122, lat: 28.8122 } })).json()).id;
        await t.call('POST', '/api/monitoring/points', { as: 'admin', body: { points: [{ id: 'mp:gauge', kind: 'water-level', name: '熟溪水位站', unit: 'm', thresholds: { warning: 3.5, alarm: 4.5 }, lon: 119.818, lat: 28.818 }] } });
        await t.call('POST', '/api/monitoring/readings', { as: 'admin', body: { readings: [{ pointId: 'mp:gauge', at: '2026-07-01T08:00:00.000Z', value: 3.2 }] } });
      });
      afterAll(() => t.close());

      for (const role of ROLES) {
        it(`${role} × ${level}`, async () => {
          const readable = MAY_READ[level].includes(role);
          const call = (path: string) => t.app.request(path, { headers: headers(role) });
          for (const path of ['/api/incidents', `/api/incidents/${encodeURIComponent(incidentId)}`, '/api/monitoring/points', '/api/monitoring/points/mp:gauge', '/api/monitoring/points/mp:gauge/readings']) {
            const response = await call(path);
            expect(response.status, path).toBe(readable ? 200 : 404);
            if (!readable) expect(await response.text(), path).not.toContain('路灯损坏');
          }
          // A record table is refused as its JSON route is, in the same words.
          for (const [table, route] of [['incidents', '/api/incidents'], ['incident_steps', '/api/incidents'], ['monitoring_points', '/api/monitoring/points'], ['monitoring_readings', '/api/monitoring/points']] as const) {
            const [arrow, json] = [await call(`/api/records/${table}.arrow`), await call(route)];
            expect(arrow.status, table).toBe(readable ? 200 : 404);
            if (readable) expect(tableFromIPC(new Uint8Array(await arrow.arrayBuffer())).numRows, table).toBeGreaterThan(0);
            else expect(await arrow.json(), table).toEqual(await json.json());
          }
          const listed = (await (await call('/api/records')).json()).tables.map((table: { name: string }) => table.name);
          expect(listed, '/api/records').toEqual([...(readable ? ['incidents', 'incident_steps', 'monitoring_points', 'monitoring_readings'] : []), 'lifecycle_records']);
          const events = await call('/api/events');
          expect(events.status, '/api/events').toBe(readable ? 200 : 404);
          await events.body?.cancel();
          const dashboard = await (await call('/api/dashboard')).json();
          expect(['incidents' in dashboard, 'alarms' in dashboard], '/api/dashboard').toEqual([readable, readable]);
        });
      }
    });
  }
});
