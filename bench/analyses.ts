import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTwinServer } from '../test/e2e/support/twinServer.ts';
import { launchBrowser } from '../test/support/chromium.ts';
import { waitForScene } from '../test/support/twinScene.ts';

const OPERATOR_TOKEN = 'bench-operator-token-0123456789';
const ROUNDS = 5;
const bars = { flood: 1000, viewshed: 2000, frameRate: 0.6 };

/**
 * Analyses on the sample twin, end to end through `POST /api/analyses` (parse, compute, store,
 * answer): a flood over the whole county at the DEM's resolution (1,240 × 1,260 cells) and a
 * 5 km viewshed from the county seat, each against a two-point profile in the same run, which
 * costs a request and a stored record and next to no computing. Bars: flood < 1 s, viewshed < 2 s.
 * Then the viewer with the county's flood drawn (its water over the whole county) against the
 * same view without it, orbiting in headless Chromium: it stays interactive (bar ≥ 0.6×).
 * Usage: npm run bench -- analyses [--seconds 8]
 */
export async function benchAnalyses({ seconds = 8 } = {}) {
  const server = await startTwinServer(undefined, { TWIN_TOKENS: `bench:operator:${OPERATOR_TOKEN}` });
  try {
    const county = JSON.parse(await readFile(join(server.dataDir, 'sample', 'county-boundary.geojson'), 'utf8')).features[0].geometry;
    const requests = {
      baseline: { kind: 'profile', params: { line: [[119.81, 28.89], [119.82, 28.9]], samples: 2 } },
      flood: { kind: 'flood', params: { polygon: county, rise: 60 } },
      viewshed: { kind: 'viewshed', params: { observer: [119.81, 28.89], observerHeight: 30, radius: 5000 } },
    };
    const time = async (body: object) => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/analyses`, { method: 'POST', headers: { Authorization: `Bearer ${OPERATOR_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await response.json()) as { id?: string; result?: Record<string, unknown>; error?: unknown };
      if (response.status !== 201) throw new Error(`The analysis failed (${response.status}): ${JSON.stringify(answer.error)}`);
      return { ms: performance.now() - started, result: answer.result!, id: answer.id! };
    };
    // The first of each warms the server (reading the elevation grid and the buildings once).
    for (const body of Object.values(requests)) await time(body);
    const medians: Record<string, number> = {};
    const results: Record<string, Record<string, unknown>> = {};
    let floodId = '';
    for (const [name, body] of Object.entries(requests)) {
      const runs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const { ms, result, id } = await time(body);
        runs.push(ms);
        results[name] = result;
        if (name === 'flood') floodId = id;
      }
      medians[name] = runs.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
    }
    const rates = await frameRates(server.url, floodId, seconds);
    const flood = results.flood!;
    const viewshed = results.viewshed!;
    console.log(`Analyses on the sample twin, median of ${ROUNDS} each, end to end through POST /api/analyses`);
    console.log(`  two-point profile (baseline)   ${medians.baseline!.toFixed(1)} ms`);
    console.log(
      `  flood over the county          ${medians.flood!.toFixed(1)} ms (${(medians.flood! / medians.baseline!).toFixed(1)}× baseline; bar < ${bars.flood} ms: ${medians.flood! < bars.flood ? 'met' : 'NOT met'}) — ${flood.cells} cells, ${((flood.floodedArea as number) / 1e6).toFixed(1)} km² flooded`,
    );
    console.log(
      `  viewshed 5 km                  ${medians.viewshed!.toFixed(1)} ms (${(medians.viewshed! / medians.baseline!).toFixed(1)}× baseline; bar < ${bars.viewshed} ms: ${medians.viewshed! < bars.viewshed ? 'met' : 'NOT met'}) — ${((viewshed.fraction as number) * 100).toFixed(1)} % seen`,
    );
    const ratio = rates.flood / rates.bare;
    console.log(
      `  viewer orbiting the county, 1280×800: ${rates.flood.toFixed(1)} fps with the county's flood drawn against ${rates.bare.toFixed(1)} fps without (${ratio.toFixed(2)}×; bar ≥ ${bars.frameRate}: ${ratio >= bars.frameRate ? 'met' : 'NOT met'})`,
    );
  } finally {
    await server.stop();
  }
}

/** Mean frames per second over two rounds each, alternated, of the county view with a kept analysis drawn and without it. */
async function frameRates(url: string, analysisId: string, seconds: number): Promise<{ flood: number; bare: number }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const rates = { flood: [] as number[], bare: [] as number[] };
    for (let round = 0; round < 2; round++) {
      for (const kind of ['flood', 'bare'] as const) {
        await page.goto(`${url}/${kind === 'flood' ? `?analysis=${analysisId}` : ''}`);
        await waitForScene(page);
        if (kind === 'flood') await page.locator(`.analysis-result[data-analysis-id="${analysisId}"]`).waitFor();
        rates[kind].push(await page.evaluate((s) => window.wuyiTwin!.measureFrameRate(s), seconds));
      }
    }
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    return { flood: mean(rates.flood), bare: mean(rates.bare) };
  } finally {
    await browser.close();
  }
}
