import { type Server, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKENS, createTestApp, testLayer, wuyiCatalogWith } from './testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let server: Server;
let port: number;

beforeAll(async () => {
  const layer = (id: string, access: string, folder: string) => testLayer({ id, kind: 'imagery', access, source: { type: 'xyz', url: `/data/${folder}/{z}/{x}/{y}.png` } });
  t = await createTestApp({ catalog: await wuyiCatalogWith([layer('open-files', 'public', 'pub'), layer('secret-tiles', 'restricted', 'secret')]) });
  await t.put(join(t.dataDir, 'secret', 'tiles', '0.glb'), 'restricted tile');
  await t.put(join(t.dataDir, 'pub', 'tiles', 'a.glb'), new Uint8Array(5000).map((_, i) => i % 251));
  await t.put(join(t.dataDir, 'pub', 'both.json'), '{"a":1}');
  await t.put(join(t.dataDir, 'pub', 'both.json.gz'), gzipSync('{"a":1}'));
  server = createServer(t.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** A raw answer of the Node server: bytes exactly as sent, no decompression. */
function rawGet(path: string, method: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const compared = ['content-type', 'content-length', 'content-encoding', 'content-range', 'etag', 'cache-control', 'access-control-allow-origin', 'vary'];

describe('data fast lane', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['/data/pub/tiles/a.glb', 'GET', {}],
    ['/data/pub/tiles/a.glb', 'HEAD', {}],
    ['/data/pub/tiles/a.glb', 'GET', { Range: 'bytes=100-199' }],
    ['/data/pub/tiles/a.glb', 'GET', { Range: 'bytes=9000-' }],
    ['/data/pub/both.json', 'GET', { 'Accept-Encoding': 'gzip' }],
    ['/data/pub/both.json', 'GET', {}],
    ['/data/pub/missing.glb', 'GET', {}],
    ['/data/..%2f..%2fetc%2fpasswd', 'GET', {}],
    ['/data/pub/tiles/a.glb', 'GET', { Authorization: 'Bearer unknown-token-0123456789' }],
    [`/data/pub/tiles/a.glb?access_token=${TEST_TOKENS.viewer}`, 'GET', {}],
    [`/data/secret/tiles/0.glb?access_token=${TEST_TOKENS.admin}`, 'GET', {}],
  ];
  for (const [path, method, headers] of cases) {
    it(`answers ${method} ${path} ${JSON.stringify(headers)} as the Hono route does`, async () => {
      const lane = await rawGet(path, method, headers);
      const hono = await t.app.request(path, { method, headers });
      expect(lane.status).toBe(hono.status);
      if (lane.status >= 400 && lane.status !== 416) {
        // Errors are the same JSON; only Content-Length differs (Hono leaves it to the adapter).
        expect(JSON.parse(lane.body.toString())).toEqual(await hono.json());
        expect(lane.headers['content-type']).toMatch(/^application\/json/);
        return;
      }
      for (const name of compared) expect(lane.headers[name], name).toBe(hono.headers.get(name) ?? undefined);
      expect(lane.body.equals(Buffer.from(await hono.arrayBuffer()))).toBe(true);
    });
  }

  it('keeps files of layers that are not public out of shared caches', async () => {
    expect((await rawGet(`/data/secret/tiles/0.glb?access_token=${TEST_TOKENS.admin}`, 'GET', {})).headers['cache-control']).toBe('private, max-age=300');
    expect((await rawGet('/data/pub/tiles/a.glb', 'GET', {})).headers['cache-control']).toBe('public, max-age=300');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await rawGet('/data/pub/tiles/a.glb', 'GET', {});
    expect((await rawGet('/data/pub/tiles/a.glb', 'GET', { 'If-None-Match': first.headers.etag! })).status).toBe(304);
  });

  it('leaves everything else to the Hono app', async () => {
    const health = await rawGet('/api/health', 'GET', {});
    expect(JSON.parse(health.body.toString()).status).toBe('ok');
  });
});
