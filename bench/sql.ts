import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Page } from 'playwright-core';
import { startTwinServer } from '../test/e2e/support/twinServer.ts';
import { launchBrowser } from '../test/support/chromium.ts';
import { writeBenchLayerEntry } from './benchLayerEntry.ts';

const bar = 2000;

/**
 * A 1,000,000-row layer loaded into DuckDB-WASM and grouped, through the viewer's SQL console in
 * headless Chromium: the time from pressing Run to the result on screen (fetch, load into the
 * database, query, draw). DuckDB's own start-up (compiling its wasm) is measured first, apart.
 * Bar: load + query < 2 s. Usage: npm run bench -- sql [--counts 1000000]
 */
export async function benchSql({ counts = [1_000_000] } = {}) {
  const rows = counts[0]!;
  const server = await startTwinServer((dataDir) => writeRowsLayer(join(dataDir, 'bench'), rows));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/?layers=`);
    await page.getByRole('button', { name: 'SQL' }).click();
    const run = async (sql: string) => {
      await page.locator('.sql-console textarea').fill(sql);
      const started = Date.now();
      await page.locator('.sql-console button.run').click();
      await page.waitForSelector('.sql-console[data-phase=done], .sql-console[data-phase=failed]', { timeout: 120_000 });
      const elapsed = Date.now() - started;
      if (await page.locator('.sql-console[data-phase=failed]').count()) throw new Error(`Query failed: ${await page.locator('.sql-error').textContent()}`);
      return elapsed;
    };
    const startup = await run('SELECT 42');
    const loadAndQuery = await run('SELECT category, count(*) AS n, avg(height) AS mean_height FROM bench_rows GROUP BY category ORDER BY n DESC');
    const queryAgain = await run('SELECT category, count(*) AS n, max(height) AS top FROM bench_rows GROUP BY category ORDER BY n DESC');
    await run('SELECT * FROM bench_rows LIMIT 100');
    const scrollSmall = await medianScrollFrame(page);
    await run('SELECT * FROM bench_rows');
    const scrollAll = await medianScrollFrame(page);
    console.log(`\nSQL in the browser over a ${rows.toLocaleString()}-row layer (Arrow IPC from the twin server), headless Chromium`);
    console.table([
      { step: 'DuckDB-WASM start (first query)', ms: startup },
      { step: 'load the layer + GROUP BY (first use)', ms: loadAndQuery, [`bar < ${bar} ms`]: loadAndQuery < bar ? 'met' : 'NOT met' },
      { step: 'GROUP BY again (table loaded)', ms: queryAgain },
      { step: 'result grid, median frame while scrolling 100 rows', ms: scrollSmall.toFixed(1) },
      { step: `result grid, median frame while scrolling ${rows.toLocaleString()} rows`, ms: scrollAll.toFixed(1), 'vs 100 rows': `${(scrollAll / scrollSmall).toFixed(2)}×` },
    ]);
  } finally {
    await browser.close();
    await server.stop();
  }
}

/**
 * The median time from setting the result grid's scroll position to the next frame, over 120
 * steps from top to bottom (the globe keeps drawing behind, so this is a frame of the whole page).
 */
async function medianScrollFrame(page: Page): Promise<number> {
  return page.locator('.sql-console .result-grid').evaluate(async (element) => {
    const times: number[] = [];
    for (let step = 0; step < 120; step++) {
      const started = performance.now();
      element.scrollTop = (element.scrollHeight * step) / 119;
      await new Promise(requestAnimationFrame);
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[60]!;
  });
}

/** A layer of `rows` rows (category, height, position) with a table and its catalog entry. */
async function writeRowsLayer(dir: string, rows: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const categories = ['住宅', '商业', '工业', '办公', '教育', '医疗'];
  const table = tableFromArrays({
    id: Int32Array.from({ length: rows }, (_, i) => i),
    category: Array.from({ length: rows }, (_, i) => categories[(i * 7919) % categories.length]!),
    height: Float64Array.from({ length: rows }, (_, i) => 3 + ((i * 2654435761) % 9000) / 100),
    lon: Float64Array.from({ length: rows }, (_, i) => 119.45 + (i % 1000) * 0.0005),
    lat: Float64Array.from({ length: rows }, (_, i) => 28.52 + Math.floor(i / 1000) * 0.0005),
  });
  await writeFile(join(dir, 'rows.arrow'), tableToIPC(table, 'file'));
  await writeFile(join(dir, 'rows.geojson'), '{"type":"FeatureCollection","features":[]}');
  await writeBenchLayerEntry(dir, 'sql', {
    id: 'bench-rows',
    kind: 'vector',
    title: { zh: '百万行测试图层', en: 'Million-row test layer' },
    group: 'admin',
    source: { type: 'geojson', url: '/data/bench/rows.geojson' },
    table: { arrow: '/data/bench/rows.arrow', parquet: '/data/bench/rows.parquet' },
  });
}
