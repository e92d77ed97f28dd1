import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runServer } from './testServerProcess.ts';

describe('server process', () => {
  it('refuses to start with a broken catalog, naming the layer and the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-catalog-'));
    const catalog = JSON.parse(await readFile('layers/catalogs/wuyi.json', 'utf8'));
    const index = catalog.layers.findIndex((layer: { id: string }) => layer.id === 'rivers');
    catalog.layers[index].metadata.licence = '';
    const path = join(dir, 'catalog.json');
    await writeFile(path, JSON.stringify(catalog));
    const server = runServer({ CATALOG: path });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(`Invalid layer catalog ${path}`);
    expect(server.output()).toContain(`layer "rivers" (layers[${index}]), field "metadata.licence"`);
  });

  it('refuses a malformed PORT', async () => {
    const server = runServer({ PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT must be an integer');
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const server = runServer({ DATA_DIR: await mkdtemp(join(tmpdir(), 'wuyi-twin-data-')) });
    await expect.poll(server.output, { timeout: 20_000 }).toMatch(/Listening on http:\/\/localhost:\d+/);
    const port = /localhost:(\d+)/.exec(server.output())![1];
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM received, closing');
  }, 30_000);

  it('starts with a broken layer entry in the data folder, leaving that layer out and saying so in the log and in health', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-data-'));
    await mkdir(join(dataDir, 'dltb'));
    await writeFile(join(dataDir, 'dltb', 'catalog-entry.json'), '{"id": "dltb", "kind": "thematic"');
    const server = runServer({ DATA_DIR: dataDir });
    const base = await server.listening();
    expect(server.output()).toContain(`Left out the layer of ${join(dataDir, 'dltb', 'catalog-entry.json')}:\n  - not valid JSON`);
    const health = (await (await fetch(`${base}/api/health`)).json()) as { skippedLayers: { entry: string; problems: string[] }[] };
    expect(health.skippedLayers.map(({ entry }) => entry)).toEqual(['dltb/catalog-entry.json']);
    // The folder's own path stays on the server: health names the entry inside the data folder only.
    expect(JSON.stringify(health)).not.toContain(dataDir);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 30_000);

  it('serves a layer imported while it runs within seconds, stores records imported meanwhile, serves a replaced layer as replaced and forgets a removed one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-reload-'));
    const dataDir = join(dir, 'data');
    const square = (west: number, south: number) => [[[west, south], [west + 0.001, south], [west + 0.001, south + 0.001], [west, south + 0.001], [west, south]]];
    const parcels = [0, 1].map((i) => ({
      type: 'Feature',
      properties: { BSM: `R${i}`, DLBM: '0101', DLMC: '水田', TBMJ: 1000 },
      geometry: { type: 'Polygon', coordinates: square(119.8 + i * 0.002, 28.9) },
    }));
    await writeFile(join(dir, 'survey.geojson'), JSON.stringify({ type: 'FeatureCollection', features: parcels }));
    const server = runServer({ DATA_DIR: dataDir, CATALOG_POLL_MS: '200' });
    const base = await server.listening();
    const importLandUse = (...options: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'datasets/cli.ts', 'import', 'landuse', join(dir, 'survey.geojson'), ...options], { env: { ...process.env, DATA_DIR: dataDir } });
    const layers = async () => ((await (await fetch(`${base}/api/layers`)).json()) as { layers: { id: string; title: { zh: string } }[] }).layers;

    await importLandUse('--title', '变更调查');
    await expect.poll(async () => (await layers()).find((layer) => layer.id === 'survey')?.title.zh, { timeout: 10_000 }).toBe('变更调查');
    // Its parcels are objects at once, where the data puts them, and its files are served.
    const at = await (await fetch(`${base}/api/objects?at=119.8025,28.9005`)).json();
    expect(at).toMatchObject({ oid: 'parcel:survey:R1', layerId: 'survey' });
    expect((await fetch(`${base}/data/survey/parcels.geojson`)).status).toBe(200);

    // Records exported by a case system, imported while the server runs: stored once, bound to the parcel they lie in.
    await writeFile(join(dir, 'cases.csv'), '事件编号,事件类型,事件名称,状态,上报时间,经度,纬度\nC-1,违法用地,疑似未批先建,受理,2026-11-18 14:22,119.8025,28.9005\n');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'datasets/cli.ts', 'import', 'records', join(dir, 'cases.csv'), '--kind', 'incidents'], { env: { ...process.env, DATA_DIR: dataDir } });
    const incident = async () => ((await (await fetch(`${base}/api/incidents/C-1`)).json()) as { binding?: { oid: string }; reportedAt?: string });
    await expect.poll(async () => (await incident()).binding?.oid, { timeout: 10_000 }).toBe('parcel:survey:R1');
    expect((await incident()).reportedAt).toBe('2026-11-18T06:22:00.000Z');
    // The same case again in another export: it cannot be stored twice, which the log says, and the twin goes on.
    await writeFile(join(dir, 'cases-again.csv'), await readFile(join(dir, 'cases.csv')));
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'datasets/cli.ts', 'import', 'records', join(dir, 'cases-again.csv'), '--kind', 'incidents'], { env: { ...process.env, DATA_DIR: dataDir } });
    await expect.poll(server.output, { timeout: 10_000 }).toContain(`Could not store the records of ${join(dataDir, 'cases-again', 'records')}`);
    // A dataset removed by hand and imported again with other cases: the other cases are stored.
    await rm(join(dataDir, 'cases'), { recursive: true });
    await writeFile(join(dir, 'cases.csv'), '事件编号,事件类型,事件名称,状态,上报时间,经度,纬度\nC-2,违法用地,疑似私搭乱建,受理,2026-11-19 09:05,119.8025,28.9005\n');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'datasets/cli.ts', 'import', 'records', join(dir, 'cases.csv'), '--kind', 'incidents'], { env: { ...process.env, DATA_DIR: dataDir } });
    await expect.poll(async () => (await fetch(`${base}/api/incidents/C-2`)).status, { timeout: 10_000 }).toBe(200);

    // An event stream open across a reload ends, so that its client resumes under the new catalog's access levels.
    const stream = (await fetch(`${base}/api/events`)).body!.getReader();
    const ended = (async () => {
      for (;;) if ((await stream.read()).done) return true;
    })().catch(() => true);

    await importLandUse('--replace', '--title', '二〇二四年变更调查');
    await expect.poll(async () => (await layers()).find((layer) => layer.id === 'survey')?.title.zh, { timeout: 10_000 }).toBe('二〇二四年变更调查');
    expect(await Promise.race([ended, new Promise((resolve) => setTimeout(() => resolve(false), 5000))])).toBe(true);

    await rm(join(dataDir, 'survey'), { recursive: true });
    await expect.poll(async () => (await layers()).some((layer) => layer.id === 'survey'), { timeout: 10_000 }).toBe(false);
    expect((await fetch(`${base}/api/objects?at=119.8025,28.9005`)).status, "nothing there any more").toBe(204);
    expect(server.output()).toContain('Catalog reloaded');
    expect(server.output()).toContain('removed survey');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);
});
