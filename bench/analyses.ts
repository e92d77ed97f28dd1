import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTwinServer } from '../test/e2e/support/twinServer.ts';

const OPERATOR_TOKEN = 'bench-operator-token-0123456789';
const ROUNDS = 5;
const bars = { flood: 1000, viewshed: 2000 };

/**
 * Analyses on the sample twin, end to end through `POST /api/analyses` (parse, compute, store,
 * answer): a flood over the whole county at the DEM's resolution (1,240 × 1,260 cells) and a
 * 5 km viewshed from the county seat, each against a two-point profile in the same run, which
 * costs a request and a stored record and next to no computing. Bars: flood < 1 s, viewshed < 2 s.
 * Usage: npm run bench -- analyses
 */
export async function benchAnalyses() {
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
      const answer = (await response.json()) as { result?: Record<string, unknown>; error?: unknown };
      if (response.status !== 201) throw new Error(`The analysis failed (${response.status}): ${JSON.stringify(answer.error)}`);
      return { ms: performance.now() - started, result: answer.result! };
    };
    // The first of each warms the server (reading the elevation grid and the buildings once).
    for (const body of Object.values(requests)) await time(body);
    const medians: Record<string, number> = {};
    const results: Record<string, Record<string, unknown>> = {};
    for (const [name, body] of Object.entries(requests)) {
      const runs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const { ms, result } = await time(body);
        runs.push(ms);
        results[name] = result;
      }
      medians[name] = runs.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
    }
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
  } finally {
    await server.stop();
  }
}
