import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
