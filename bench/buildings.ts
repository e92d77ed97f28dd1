import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGeoJson } from '../datasets/readers/geojson.ts';
import { writeSyntheticFootprints } from '../datasets/sample/syntheticFootprints.ts';

const wuyi = { west: 119.45, south: 28.52, east: 119.97, north: 29.05 };

/**
 * Footprints → 3D Tiles end to end (read, reproject, check, triangulate, write) through the
 * real CLI, in a child process so its peak memory is its own. Baseline in the same run: only
 * reading and parsing the same file. Usage: npm run bench -- buildings [--counts 100000,1000000]
 */
export async function benchBuildings({ counts = [100_000, 1_000_000] }: { counts?: number[] } = {}) {
  const rows = [];
  for (const count of counts) {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-buildings-'));
    try {
      const input = join(dir, 'footprints.geojson');
      await writeSyntheticFootprints(input, count, wuyi, 7);
      const inputBytes = (await stat(input)).size;

      const readStarted = performance.now();
      let features = 0;
      for await (const event of readGeoJson(input)) if (event.type === 'feature') features++;
      const readSeconds = (performance.now() - readStarted) / 1000;

      const run = await runImport(input, join(dir, 'data'));
      const summary = JSON.parse(run.report) as { imported: number; tiles: { tiles: number; rawBytes: number; gzipBytes: number } };
      rows.push({
        buildings: features,
        'input MB': +(inputBytes / 1e6).toFixed(0),
        'read only /s': Math.round(features / readSeconds),
        'end to end /s': Math.round(summary.imported / run.seconds),
        'vs bar 25,000/s': `${(summary.imported / run.seconds / 25_000).toFixed(2)}×`,
        tiles: summary.tiles.tiles,
        'raw B/bldg': Math.round(summary.tiles.rawBytes / summary.imported),
        'gzip B/bldg': Math.round(summary.tiles.gzipBytes / summary.imported),
        'peak MB': Math.round(run.maxRssKb / 1024),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  console.log('\nBuildings → 3D Tiles (synthetic footprints over Wuyi County, one CLI run each)');
  console.table(rows);
}

/** Runs the import CLI in a child that reports its own wall time and peak memory. */
async function runImport(input: string, dataDir: string): Promise<{ seconds: number; maxRssKb: number; report: string }> {
  const script = `
    const started = performance.now();
    process.argv = [process.argv[0], 'cli', 'import', 'buildings', ${JSON.stringify(input)}, '--layer-id', 'buildings'];
    process.on('exit', () => {
      const seconds = (performance.now() - started) / 1000;
      require('node:fs').writeFileSync(${JSON.stringify(join(dataDir, 'bench.json'))}, JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS }));
    });
    import('./datasets/cli.ts');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', '-e', script], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`import exited with ${code}`);
  const { readFile } = await import('node:fs/promises');
  const measured = JSON.parse(await readFile(join(dataDir, 'bench.json'), 'utf8')) as { seconds: number; maxRssKb: number };
  return { ...measured, report: await readFile(join(dataDir, 'buildings', 'import-report.json'), 'utf8') };
}
