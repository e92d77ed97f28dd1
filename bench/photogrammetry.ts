import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readDem } from '../datasets/raster/dem.ts';
import { projectOnGlobe } from '../test/e2e/support/screenSamples.ts';
import { runTwin, startTwinServer } from '../test/e2e/support/twinServer.ts';
import { launchBrowser } from '../test/support/chromium.ts';
import { type Footprint, writeFootprintTileset } from '../test/support/footprintTileset.ts';
import { waitForScene } from '../test/support/twinScene.ts';

const CENTRE = { lon: 119.8125, lat: 28.8745 };

/**
 * The county seat as a contractor's photogrammetry mesh (the sample's buildings nearest its
 * centre, default 3,000, as one b3dm surface), in headless Chromium: the frame rate while the
 * camera orbits with the mesh alone, against the same view with a building selected on it, so
 * that its footprint classifies the mesh (单体化), alternated in one run.
 * Usage: npm run bench -- photogrammetry [--counts 3000] [--seconds 10]
 */
export async function benchPhotogrammetry({ counts = [3000], seconds = 10 } = {}) {
  const count = counts[0]!;
  let nearest: (Footprint & { lon: number; lat: number })[] = [];
  let ground = 0;
  const server = await startTwinServer(async (dataDir) => {
    const table = tableFromIPC(await readFile(join(dataDir, 'sample', 'buildings', 'attributes.arrow')));
    const rows = table.toArray().map((row) => row.toJSON() as { lon: number; lat: number; base: number; height: number; geometry: string });
    const metres = (row: { lon: number; lat: number }) => Math.hypot((row.lon - CENTRE.lon) * 97_500, (row.lat - CENTRE.lat) * 111_000);
    nearest = rows
      .filter((row) => JSON.parse(row.geometry).type === 'Polygon')
      .sort((a, b) => metres(a) - metres(b))
      .slice(0, count)
      .map((row) => ({ lon: row.lon, lat: row.lat, ring: JSON.parse(row.geometry).coordinates[0], base: row.base, height: row.height }));
    ground = (await readDem(join(dataDir, 'sample', 'source', 'wuyi-dem.tif'))).sample(CENTRE.lon, CENTRE.lat)!;
    const delivery = join(await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-photo-')), 'Seat_Oblique');
    await writeFootprintTileset(delivery, nearest, { ...CENTRE, height: ground }, [178, 170, 158]);
    await runTwin(['import', 'tileset', delivery, '--place', `${CENTRE.lon},${CENTRE.lat},${ground}`, '--layer-id', 'photo'], dataDir);
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const rates = { alone: [] as number[], classified: [] as number[] };
    for (let round = 0; round < 2; round++) {
      for (const kind of ['alone', 'classified'] as const) {
        await page.goto(`${server.url}/?layers=terrain,photo&view=${CENTRE.lon},${CENTRE.lat - 0.006},${ground + 700},0,-40`);
        await waitForScene(page);
        if (kind === 'classified') {
          const [roof] = await projectOnGlobe(page, [[nearest[0]!.lon, nearest[0]!.lat, nearest[0]!.base + nearest[0]!.height]]);
          if (!roof) throw new Error('The building to select is not on screen');
          await page.mouse.click(roof[0], roof[1]);
          await page.waitForSelector('.object-info[data-oid^="bldg:"]');
          await waitForScene(page);
        }
        rates[kind].push(await page.evaluate((s) => window.wuyiTwin!.measureFrameRate(s), seconds));
      }
    }
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    console.log(`\nThe county seat as photogrammetry (${nearest.length.toLocaleString()} buildings in one mesh), 1280×800, headless Chromium (llvmpipe), orbiting ${seconds} s`);
    console.table([
      { page: 'photogrammetry alone', fps: mean(rates.alone).toFixed(1), rounds: rates.alone.map((r) => r.toFixed(1)).join(' / ') },
      {
        page: 'with a building selected (its footprint classifying the mesh)',
        fps: mean(rates.classified).toFixed(1),
        rounds: rates.classified.map((r) => r.toFixed(1)).join(' / '),
        'vs alone': `${(mean(rates.classified) / mean(rates.alone)).toFixed(2)}×`,
        'bar ≥ 0.7×': mean(rates.classified) / mean(rates.alone) >= 0.7 ? 'met' : 'NOT met',
      },
    ]);
  } finally {
    await browser.close();
    await server.stop();
  }
}
