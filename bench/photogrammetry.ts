import { projectOnGlobe } from '../test/e2e/support/screenSamples.ts';
import { startTwinServer } from '../test/e2e/support/twinServer.ts';
import { launchBrowser } from '../test/support/chromium.ts';
import { type SampleBuilding, importSeatPhotogrammetry } from '../test/support/seatPhotogrammetry.ts';
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
  let nearest: SampleBuilding[] = [];
  let ground = 0;
  const server = await startTwinServer(async (dataDir) => {
    ({ buildings: nearest, ground } = await importSeatPhotogrammetry(dataDir, { centre: CENTRE, count, layerId: 'photo' }));
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
