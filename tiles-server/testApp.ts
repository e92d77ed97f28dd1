import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Catalog, type LayerDefinition, parseCatalog, polygonsOf } from '../layers/index.ts';
import { createTwin } from './app.ts';
import type { StreamLimits } from './events/subscriberStream.ts';
import { readTokens } from './auth/tokens.ts';
import { ObjectIndex, type SpatialObject } from './objects/objectIndex.ts';
import { inject } from 'vitest';
import { createDatabase } from './testing/postgresServer.ts';
import { openDuckDbStore } from './store/duckdb/duckDbStore.ts';
import { openPostgresStore } from './store/postgres/postgresStore.ts';

/** Tokens of the test app, one per role, in TWIN_TOKENS form. */
export const TEST_TOKENS = { viewer: 'viewer-token-0123456789', operator: 'operator-token-0123456789', admin: 'admin-token-0123456789' };

/**
 * A catalog layer for tests: `fields` give what the test is about (id, kind, source, access…);
 * the rest is what the schema requires of every layer.
 */
export function testLayer(fields: { id: string; kind: string; source: object } & Record<string, unknown>) {
  return {
    title: { zh: fields.id, en: fields.id },
    group: 'admin',
    visible: false,
    access: 'public',
    metadata: {
      department: { zh: '测试', en: 'Tests' },
      sourceSystem: 'tests',
      updateFrequency: 'static',
      originalCrs: 'EPSG:4326',
      licence: 'CC0',
      synthetic: true,
    },
    ...fields,
  };
}

/** A catalog layer that publishes the whole test data folder, for the file-serving tests. */
export const FIXTURE_FILES_LAYER = testLayer({ id: 'fixture-files', kind: 'imagery', group: 'basemap', source: { type: 'xyz', url: '/data/{z}/{x}/{y}.png' } });

export const square = (west: number, south: number, size: number) => ({
  type: 'Polygon',
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});

/** A county around a township around a parcel around a building, for binding tests. */
export function fixtureObject(oid: string, layerId: string, geometry: { type: string; coordinates: number[][][] }, properties: Record<string, unknown> = {}, access: LayerDefinition['access'] = 'public'): SpatialObject {
  const ring = geometry.coordinates[0]!;
  const lons = ring.map(([lon]) => lon!);
  const lats = ring.map(([, lat]) => lat!);
  const bbox: [number, number, number, number] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  return { oid, layerId, access, properties: { oid, ...properties }, bbox, position: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2], geometry: JSON.stringify(geometry), polygons: polygonsOf(geometry) };
}

export const FIXTURE_OBJECTS: SpatialObject[] = [
  fixtureObject('admin:330723', 'county-boundary', square(119.0, 28.0, 1.0), { name: '武义县', code: '330723' }),
  fixtureObject('admin:330723001', 'townships', square(119.8, 28.8, 0.1), { name: '白洋街道', code: '330723001' }),
  fixtureObject('parcel:330723-000001', 'landuse', square(119.81, 28.81, 0.01), { resourceCode: '330723001-0701-00001', code: '0701' }),
  fixtureObject('bldg:330723-000001', 'buildings', square(119.812, 28.812, 0.0005), { name: '县政府', height: 30 }),
];

/** An app over a throw-away data folder (or the one given, read only), store, viewer folder and Cesium folder, for route tests. */
export async function createTestApp(
  options: { catalog?: Catalog; objects?: SpatialObject[] | ObjectIndex; dataDir?: string; maxBodyBytes?: number; streamLimits?: Partial<StreamLimits> } = {},
) {
  const root = await mkdtemp(join(tmpdir(), 'wuyi-twin-server-'));
  const dirs = { dataDir: options.dataDir ?? join(root, 'data'), viewerDir: join(root, 'dist'), cesiumDir: join(root, 'cesium') };
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
  const catalog = options.catalog ?? (await wuyiCatalogWith([FIXTURE_FILES_LAYER]));
  // The `postgres` test project runs the route tests again over a PostgreSQL store, the same behaviour asked of both.
  const store =
    process.env.TWIN_TEST_STORE === 'postgres'
      ? await openPostgresStore(await createDatabase(inject('postgresAdminUrl')), { adminCode: '330723' })
      : await openDuckDbStore(join(root, 'twin.duckdb'), { adminCode: '330723' });
  const objects = options.objects instanceof ObjectIndex ? options.objects : new ObjectIndex(options.objects ?? FIXTURE_OBJECTS);
  const tokens = readTokens({ TWIN_TOKENS: Object.entries(TEST_TOKENS).map(([role, token]) => `${role}-user:${role}:${token}`).join(',') }, dirs.dataDir);
  const { app, listener } = createTwin({
    ...dirs,
    catalog,
    version: 'test',
    store,
    objects,
    tokens,
    streamLimits: { heartbeatMs: 200, ...options.streamLimits },
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });
  const put = async (path: string, content: string | Uint8Array) => {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, content);
  };
  /** A request as a holder of `as` (a role's test token) would send it; `body` is sent as JSON. */
  const call = (method: string, path: string, init: { as?: keyof typeof TEST_TOKENS; body?: unknown; headers?: Record<string, string> } = {}) =>
    app.request(path, {
      method,
      headers: {
        ...(init.as ? { Authorization: `Bearer ${TEST_TOKENS[init.as]}` } : {}),
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
    });
  /** The app on a real Node server on a free port of 127.0.0.1, for what only a socket shows (bodies without a length, stalled readers). */
  const listen = async () => {
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  };
  return { app, listener, root, ...dirs, catalog, store, objects, put, call, listen, close: () => store.close() };
}

/** The Wuyi catalog with extra layers (replacing those of the same id), validated. */
export async function wuyiCatalogWith(layers: { id: string }[]): Promise<Catalog> {
  const raw = JSON.parse(await readFile(new URL('../layers/catalogs/wuyi.json', import.meta.url), 'utf8'));
  const replaced = new Set(layers.map((layer) => layer.id));
  return parseCatalog({ ...raw, layers: [...raw.layers.filter((layer: { id: string }) => !replaced.has(layer.id)), ...layers] }, 'wuyi.json + test layers');
}
