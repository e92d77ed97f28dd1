import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { buildSample, sampleIsCurrent } from '../datasets/sample/buildSample.ts';

/**
 * `npm start`: builds whatever is missing or out of date — the sample data, the viewer — and
 * then runs the twin server.
 */
const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.DATA_DIR || 'data');

if (!(await sampleIsCurrent(dataDir))) {
  console.log(`Building the Wuyi sample twin in ${dataDir} (once; about a minute)…`);
  const summary = await buildSample(dataDir, (step) => console.log(`  ${step}`));
  console.log(`  ${summary.buildings} buildings and ${summary.terrainTiles} terrain tiles in ${summary.seconds.toFixed(0)} s`);
}

const builtPage = join(root, 'dist', 'index.html');
const sources = ['viewer', 'layers', 'public'].map((dir) => join(root, dir));
if (!existsSync(builtPage) || newestChange(sources) > statSync(builtPage).mtimeMs) {
  console.log('Building the viewer…');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

await import('../tiles-server/main.ts');

function newestChange(dirs: string[]): number {
  let newest = 0;
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
