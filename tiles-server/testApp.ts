import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCatalog } from '../layers/index.ts';
import { createApp } from './app.ts';

/** An app over a throw-away data folder, viewer folder and Cesium folder, for route tests. */
export async function createTestApp() {
  const root = await mkdtemp(join(tmpdir(), 'wuyi-twin-server-'));
  const dirs = { dataDir: join(root, 'data'), viewerDir: join(root, 'dist'), cesiumDir: join(root, 'cesium') };
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
  const catalogText = await readFile(new URL('../layers/catalogs/wuyi.json', import.meta.url), 'utf8');
  const catalog = parseCatalog(JSON.parse(catalogText), 'wuyi.json');
  const app = createApp({ ...dirs, catalog, version: 'test' });
  const put = async (path: string, content: string | Uint8Array) => {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, content);
  };
  return { app, root, ...dirs, catalog, put };
}
