import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeQuantizedMesh } from '../datasets/terrain/quantizedMesh.ts';
import { tileExtensions } from './terrain/quantizedMeshExtensions.ts';
import { createTestApp } from './testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const geojson = JSON.stringify({ type: 'FeatureCollection', features: [] });
const tile = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

beforeAll(async () => {
  t = await createTestApp();
  await t.put(join(t.dataDir, 'sample', 'plain.geojson'), geojson);
  await t.put(join(t.dataDir, 'vector', '0', '0', '0.pbf.gz'), gzipSync(tile));
  await t.put(join(t.dataDir, 'wuyi', '9', '9', '9.terrain.gz'), gzipSync(tile));
  await t.put(join(t.dataDir, 'wuyi', '0', '1', '0.terrain.gz'), gzipSync(terrainTile));
  await t.put(join(t.dataDir, 'both.json'), '{"a":1}');
  await t.put(join(t.dataDir, 'both.json.gz'), gzipSync('{"a":1}'));
  await t.put(join(t.dataDir, 'tiles', 'big.glb'), tile);
  await t.put(join(t.dataDir, '.env'), 'SECRET=1');
  await t.put(join(t.root, 'outside.txt'), 'outside the data folder');
  await symlink(join(t.root, 'outside.txt'), join(t.dataDir, 'escape.txt'));
  await t.put(join(t.viewerDir, 'index.html'), '<!doctype html><title>twin</title>');
  await t.put(join(t.viewerDir, 'lite.html'), '<!doctype html><title>twin lite</title>');
  await t.put(join(t.viewerDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  await t.put(join(t.cesiumDir, 'Assets', 'approximateTerrainHeights.json'), '{}');
});

/** A real quantized-mesh tile: two triangles over a flat level-0 tile, with both extensions. */
const terrainTile = encodeQuantizedMesh(
  {
    vertices: Uint16Array.from([0, 0, 2, 0, 0, 2, 2, 2]),
    triangles: Uint32Array.from([0, 2, 1, 1, 2, 3]),
    gridSize: 3,
    heights: new Float32Array(9),
    bounds: { west: 0, south: -90, east: 180, north: 90 },
  },
  { available: [[{ startX: 2, startY: 0, endX: 3, endY: 1 }]] },
);

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

describe('api', () => {
  it('reports health', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', layers: t.catalog.layers.length });
  });

  it('serves the catalog with CORS', async () => {
    const response = await get('/api/layers', { Origin: 'http://other.example' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const catalog = (await response.json()) as { layers: { id: string }[] };
    expect(catalog.layers.map((layer) => layer.id)).toEqual(t.catalog.layers.map((layer) => layer.id));
  });

  it('answers unknown paths with a JSON 404', async () => {
    for (const path of ['/api/nothing', '/nothing', '/data/missing.json']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});

describe('data folder', () => {
  it('serves files with content type, ETag, Cache-Control and CORS', async () => {
    const response = await get('/data/sample/plain.geojson', { Origin: 'http://gis.example' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json');
    expect(response.headers.get('etag')).toMatch(/^".+"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-length')).toBe(String(geojson.length));
    expect(await response.text()).toBe(geojson);
  });

  it('answers CORS preflights for data files', async () => {
    const response = await t.app.request('/data/tiles/big.glb', {
      method: 'OPTIONS',
      headers: { Origin: 'http://gis.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'range' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('ignores the query string when finding the file', async () => {
    const response = await get('/data/sample/plain.geojson?v=2#top');
    expect(await response.text()).toBe(geojson);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/data/sample/plain.geojson');
    const again = await get('/data/sample/plain.geojson', { 'If-None-Match': first.headers.get('etag')! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves byte ranges', async () => {
    const response = await get('/data/tiles/big.glb', { Range: 'bytes=100-199' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(response.headers.get('content-type')).toBe('model/gltf-binary');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(tile.subarray(100, 200));

    const suffix = await get('/data/tiles/big.glb', { Range: 'bytes=-10' });
    expect(suffix.headers.get('content-range')).toBe('bytes 990-999/1000');

    const beyond = await get('/data/tiles/big.glb', { Range: 'bytes=5000-' });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */1000');
  });

  it('ignores a range whose If-Range names an older version', async () => {
    const response = await get('/data/tiles/big.glb', { Range: 'bytes=0-9', 'If-Range': '"old"' });
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(1000);
  });

  it('sends a pre-gzipped file as Content-Encoding: gzip', async () => {
    const response = await get('/data/vector/0/0/0.pbf', { 'Accept-Encoding': 'gzip, deflate' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toBe('application/x-protobuf');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(gzipSync(tile)));
  });

  it('decompresses for a client that does not accept gzip', async () => {
    const response = await get('/data/vector/0/0/0.pbf');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(tile);
  });

  it('prefers the gzip sibling only when the client accepts it', async () => {
    const gzipped = await get('/data/both.json', { 'Accept-Encoding': 'gzip' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const plain = await get('/data/both.json');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual({ a: 1 });
    expect(plain.headers.get('etag')).not.toBe(gzipped.headers.get('etag'));
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await t.app.request('/data/tiles/big.glb', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('1000');
    expect(await response.text()).toBe('');
  });
});

describe('terrain tiles', () => {
  const cesiumAccept = (extensions: string) =>
    `application/vnd.quantized-mesh${extensions ? `;extensions=${extensions}` : ''},application/octet-stream;q=0.9,*/*;q=0.01`;
  const fetchTile = async (extensions: string) => {
    const response = await get('/data/wuyi/0/1/0.terrain', { Accept: cesiumAccept(extensions), 'Accept-Encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toBe('application/vnd.quantized-mesh');
    return { response, body: new Uint8Array(gunzipSync(new Uint8Array(await response.arrayBuffer()))) };
  };

  it('sends the stored tile to a client that asks for all its extensions', async () => {
    const { body } = await fetchTile('octvertexnormals-metadata');
    expect(body).toEqual(terrainTile);
  });

  it('leaves out the extensions a client did not ask for', async () => {
    expect(tileExtensions((await fetchTile('octvertexnormals')).body)).toEqual(['octvertexnormals']);
    expect(tileExtensions((await fetchTile('metadata')).body)).toEqual(['metadata']);
    const { body, response } = await fetchTile('');
    expect(tileExtensions(body)).toEqual([]);
    expect(body).toEqual(terrainTile.subarray(0, body.length));
    expect(response.headers.get('vary')).toContain('Accept');
    const again = await get('/data/wuyi/0/1/0.terrain', { Accept: cesiumAccept(''), 'If-None-Match': response.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('serves a tile it cannot parse as it is stored', async () => {
    const response = await get('/data/wuyi/9/9/9.terrain', { Accept: cesiumAccept(''), 'Accept-Encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(new Uint8Array(gunzipSync(new Uint8Array(await response.arrayBuffer())))).toEqual(tile);
  });

  it('answers a missing tile with a JSON 404', async () => {
    expect((await get('/data/wuyi/5/1/0.terrain')).status).toBe(404);
  });
});

describe('paths that try to leave the data folder', () => {
  const attempts: [string, number[]][] = [
    ['/data/..%2f..%2fetc%2fpasswd', [400, 404]],
    ['/data/sample/..%2F..%2Foutside.txt', [400, 404]],
    ['/data/%2e%2e/outside.txt', [400, 404]],
    ['/data/..%5coutside.txt', [400, 404]],
    ['/data/%2e%2e%5c%2e%2e%5coutside.txt', [400, 404]],
    ['/data/sample%00.geojson', [400]],
    ['/data/%E0%A4%A', [400, 404]],
    ['/data/escape.txt', [404]],
    ['/data/.env', [404]],
    ['/data/../outside.txt', [404]],
  ];
  for (const [path, statuses] of attempts) {
    it(`refuses ${path}`, async () => {
      const response = await get(path);
      expect(statuses).toContain(response.status);
      const body = await response.text();
      expect(body).not.toContain('outside the data folder');
      expect(body).not.toContain('SECRET');
      expect(JSON.parse(body)).toHaveProperty('error.code');
    });
  }
});

describe('viewer and Cesium assets', () => {
  it('serves the viewer page without caching it', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>twin</title>');
  });

  it('serves the lite page at /lite, also without caching it', async () => {
    const response = await get('/lite?view=119.8,28.9,900,0,-45&embed');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>twin lite</title>');
  });

  it("answers a browser's wrong link with the viewer's page (which says what is missing) as a 404, and a program's with JSON", async () => {
    const browser = await t.app.request('/no-such-page?lang=en', { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(browser.status).toBe(404);
    expect(browser.headers.get('content-type')).toMatch(/text\/html/);
    expect(await browser.text()).toContain('<title>twin</title>');
    const program = await get('/no-such-page');
    expect(program.status).toBe(404);
    expect(await program.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('says how to build the viewer when it is missing', async () => {
    const bare = await createTestApp();
    const response = await bare.app.request('/');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'viewer_not_built', message: expect.stringContaining('npm run build') } });
  });

  it('caches fingerprinted assets for a year', async () => {
    const response = await get('/assets/index-abc123.js');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toMatch(/text\/javascript/);
  });

  it("serves Cesium's static assets under /cesium/", async () => {
    const response = await get('/cesium/Assets/approximateTerrainHeights.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  });
});
