import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { Agent, get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NginxServer, startNginx } from '../../tiles-server/testing/nginxServer.ts';
import { type PostgresServer, startPostgres } from '../../tiles-server/testing/postgresServer.ts';
import { type ServerProcess, runServer } from '../../tiles-server/testServerProcess.ts';
import { EventStreamReader } from '../support/eventStream.ts';
import { closeOfflinePage, launchBrowser, offlinePage, saveScreenshot } from './support/browser.ts';
import { pixelStats, screenshotGlobe } from './support/canvasPixels.ts';
import { waitForScene } from './support/twinPage.ts';
import { sampleData } from '../support/sampleData.ts';

/**
 * The scale-out deployment as README "部署 · Deployment" lays it out: nginx with
 * deploy/nginx/twin.conf in front of two twin servers sharing one PostgreSQL, over the built
 * sample. The oracle for every data file is the twin's own answer and the bytes on disk.
 */
const TOKENS = { viewer: 'viewer-token-0123456789', operator: 'operator-token-0123456789', admin: 'admin-token-0123456789' };
const ROLES = ['anonymous', 'viewer', 'admin', 'stranger'] as const;
type Role = (typeof ROLES)[number];
const credentials = (role: Role): Record<string, string> =>
  role === 'anonymous' ? {} : { Authorization: `Bearer ${role === 'stranger' ? 'unknown-token-0123456789' : TOKENS[role]}` };

const agent = new Agent({ keepAlive: true, maxSockets: 16 });
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
/** A GET on a real socket, the body as sent (fetch would decompress it). */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpGet({ hostname, port, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.setTimeout(5000, () => req.destroy(new Error(`GET ${path} took over 5 s`)));
    req.on('error', reject);
  });
}

let dataDir: string;
let dir: string;
let postgres: PostgresServer;
let nginx: NginxServer;
const twins: ServerProcess[] = [];
let twinUrls: string[];

/** A copy of `layer` in the sample as another layer, at `access`. */
async function copyLayer(layer: string, id: string, access: string): Promise<void> {
  const from = join(dataDir, 'sample', layer);
  await cp(from, join(dataDir, 'sample', id), { recursive: true });
  const entryPath = join(dataDir, 'sample', id, 'catalog-entry.json');
  const entry = (await readFile(entryPath, 'utf8')).replaceAll(`/data/sample/${layer}/`, `/data/sample/${id}/`);
  await writeFile(entryPath, JSON.stringify({ ...JSON.parse(entry), id, access }));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-deploy-'));
  // The sample with layers that are not public, and a link from a public folder into a restricted one.
  dataDir = join(dir, 'data');
  await cp(await sampleData(), dataDir, { recursive: true });
  await copyLayer('buildings', 'key-buildings', 'restricted');
  await copyLayer('landuse', 'landuse-internal', 'internal');
  await symlink('../key-buildings/tileset.json', join(dataDir, 'sample', 'terrain', 'leak.json'));
  postgres = await startPostgres();
  const storeUrl = await postgres.createDatabase();
  const publicFiles = join(dir, 'nginx-public-files.conf');
  const env = {
    DATA_DIR: dataDir,
    STORE_URL: storeUrl,
    NGINX_PUBLIC_FILES: publicFiles,
    TWIN_TOKENS: Object.entries(TOKENS).map(([role, token]) => `${role}-user:${role}:${token}`).join(','),
  };
  // One after the other: both would import the sample's records into the new database at once.
  twins.push(runServer(env));
  twinUrls = [await twins[0]!.listening()];
  twins.push(runServer(env));
  twinUrls.push(await twins[1]!.listening());
  nginx = await startNginx({ upstreams: twinUrls.map((url) => new URL(url).host), dataDir, publicFiles });
}, 180_000);

afterAll(async () => {
  for (const twin of twins) {
    twin.child.kill('SIGCONT');
    twin.child.kill('SIGTERM');
    await twin.exited;
  }
  await nginx?.stop();
  await postgres?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  agent.destroy();
});

describe('nginx in front of two twin servers', () => {
  it('answers every data file of the sample, for every caller, as the twin does, with the bytes on disk', async () => {
    const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => `/data/${relative(dataDir, join(entry.parentPath, entry.name))}`);
    const paths = [...files, '/data/nothing-here.json', '/data/sample/terrain/nothing.terrain', '/data/../package.json', `/data/sample/buildings/${encodeURIComponent('catalog-entry.json')}`];
    const differences: string[] = [];
    let served = 0;
    const statuses = new Map<string, number>();
    for (const role of ROLES) {
      for (let i = 0; i < paths.length; i += 32) {
        await Promise.all(
          paths.slice(i, i + 32).map(async (path) => {
            const [proxied, twin, twinAnonymous] = await Promise.all([
              rawGet(nginx.url, path, credentials(role)),
              rawGet(twinUrls[0]!, path, credentials(role)),
              rawGet(twinUrls[1]!, path),
            ]);
            statuses.set(`${role} ${proxied.status}`, (statuses.get(`${role} ${proxied.status}`) ?? 0) + 1);
            // nginx serves public files without looking at credentials: an unknown token gets what
            // anonymous callers get there, never more; elsewhere the twin refuses it.
            const expected = role === 'stranger' && proxied.status !== 401 ? twinAnonymous : twin;
            if (proxied.status !== expected.status) return differences.push(`${role} ${path}: nginx ${proxied.status}, twin ${expected.status}`);
            if (proxied.status !== 200) return;
            const onDisk = await readFile(join(dataDir, decodeURIComponent(path.slice('/data/'.length))));
            if (!proxied.body.equals(onDisk)) differences.push(`${role} ${path}: nginx sent ${proxied.body.length} bytes, the file has ${onDisk.length}`);
            if (proxied.headers['content-type'] !== expected.headers['content-type']) differences.push(`${role} ${path}: nginx says ${proxied.headers['content-type']}, the twin ${expected.headers['content-type']}`);
            served += 1;
          }),
        );
      }
    }
    expect(differences).toEqual([]);
    // The sample holds files of every access level: each role is refused something and served something.
    expect(served).toBeGreaterThan(files.length);
    for (const role of ['anonymous', 'viewer'] as const) expect(statuses.get(`${role} 404`)).toBeGreaterThan(100);
    expect(statuses.get('stranger 401')).toBeGreaterThan(4);
  }, 180_000);

  it('serves a compressed file as stored, with the caching and CORS headers the twin gives', async () => {
    const gz = (await readdir(dataDir, { recursive: true })).find((path) => path.endsWith('.arrow.gz'))!;
    const path = `/data/${gz.slice(0, -3)}`;
    const [proxied, twin] = await Promise.all([rawGet(nginx.url, path, { 'Accept-Encoding': 'gzip' }), rawGet(twinUrls[0]!, path, { 'Accept-Encoding': 'gzip' })]);
    expect(proxied.status).toBe(200);
    expect(proxied.headers['content-encoding']).toBe('gzip');
    expect(proxied.body.equals(await readFile(join(dataDir, gz)))).toBe(true);
    for (const header of ['content-encoding', 'cache-control', 'access-control-allow-origin', 'content-type']) expect([header, proxied.headers[header]]).toEqual([header, twin.headers[header]]);
  });

  it('lets the twin answer a data file\'s CORS preflight, as it does without nginx', async () => {
    const preflight = { method: 'OPTIONS', headers: { Origin: 'https://portal.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'Authorization' } };
    const [proxied, twin] = await Promise.all([fetch(`${nginx.url}/data/sample/roads.geojson`, preflight), fetch(`${twinUrls[0]}/data/sample/roads.geojson`, preflight)]);
    expect(proxied.status).toBe(twin.status);
    expect(proxied.status).toBeLessThan(300);
    for (const header of ['access-control-allow-origin', 'access-control-allow-headers', 'access-control-allow-methods', 'access-control-max-age']) {
      expect([header, proxied.headers.get(header)]).toEqual([header, twin.headers.get(header)]);
    }
  });

  it('serves public files itself while the twins are stopped, and closed files on a recent answer of theirs', async () => {
    // A file only some callers may read, as the twin says.
    let closedPath: string | undefined;
    for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
      const path = `/data/${relative(dataDir, join(entry.parentPath, entry.name))}`;
      if (!entry.isFile() || (await rawGet(twinUrls[0]!, path)).status !== 404) continue;
      if ((await rawGet(twinUrls[0]!, path, credentials('admin'))).status === 200) {
        closedPath = path;
        break;
      }
    }
    expect(closedPath).toBeDefined();
    const publicPath = '/data/sample/roads.geojson';
    expect((await rawGet(nginx.url, closedPath!, credentials('admin'))).status).toBe(200);
    for (const twin of twins) twin.child.kill('SIGSTOP');
    try {
      expect((await rawGet(nginx.url, publicPath)).status).toBe(200);
      expect((await rawGet(nginx.url, closedPath!, credentials('admin'))).status).toBe(200);
      expect((await rawGet(nginx.url, closedPath!)).status).toBe(404);
    } finally {
      for (const twin of twins) twin.child.kill('SIGCONT');
    }
  });

  it('streams an incident posted through nginx to a subscriber through nginx at once, whichever twin each reached', async () => {
    const streams = await Promise.all([0, 1, 2, 3].map(async () => new EventStreamReader(await fetch(`${nginx.url}/api/events`))));
    const posted = performance.now();
    const response = await fetch(`${nginx.url}/api/incidents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKENS.operator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: '道路积水', title: '经 nginx 上报', lon: 119.81, lat: 28.89 }),
    });
    expect(response.status).toBe(201);
    for (const stream of streams) await stream.waitFor(1, 5000);
    for (const stream of streams) expect(JSON.parse(stream.events[0]!.data).incident.title).toBe('经 nginx 上报');
    expect(Math.max(...streams.map((stream) => stream.events[0]!.receivedAt)) - posted).toBeLessThan(2000);
    await Promise.all(streams.map((stream) => stream.close()));
  });

  it('opens the twin through nginx, offline: the viewer, Cesium and the layers all come through it', async () => {
    const browser = await launchBrowser();
    try {
      const session = await offlinePage(browser, nginx.url);
      const failed: string[] = [];
      session.page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await session.page.goto(nginx.url);
      await waitForScene(session.page);
      await saveScreenshot(session.page, 'through-nginx');
      expect(pixelStats(await screenshotGlobe(session.page)).variance, 'a blank canvas has no variance').toBeGreaterThan(30);
      const catalog = (await (await fetch(`${nginx.url}/api/layers`)).json()) as { layers: { id: string }[] };
      const listed = await session.page.locator('.layer-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-layer-id')));
      expect(listed.sort()).toEqual(catalog.layers.map((layer) => layer.id).sort());
      expect(failed).toEqual([]);
      await closeOfflinePage(session);
    } finally {
      await browser.close();
    }
  });
});
