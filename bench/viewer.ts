import { launchBrowser } from '../test/support/chromium.ts';
import { waitForScene } from '../test/support/twinScene.ts';
import { startTwinServer } from '../test/e2e/support/twinServer.ts';

const bar = 0.6;

/**
 * Frames per second of the default sample view with its default layers (relief base map,
 * terrain, buildings, boundaries, incidents, monitoring points) while the camera orbits, against
 * the same viewer with no layers at all (Cesium's globe with its bundled imagery, on the
 * ellipsoid), in one headless Chromium run, alternated to even out noise; and the time from
 * navigation to the first complete frame with buildings. Usage: npm run bench -- viewer [--seconds 10]
 */
export async function benchViewer({ seconds = 10 } = {}) {
  const server = await startTwinServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const firstFrames: number[] = [];
    const rates = { twin: [] as number[], bare: [] as number[] };
    for (let round = 0; round < 2; round++) {
      for (const kind of ['twin', 'bare'] as const) {
        const started = performance.now();
        await page.goto(`${server.url}/${kind === 'bare' ? '?layers=' : ''}`);
        await waitForScene(page);
        if (kind === 'twin') firstFrames.push(performance.now() - started);
        rates[kind].push(await page.evaluate((s) => window.wuyiTwin!.measureFrameRate(s), seconds));
      }
    }
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const ratio = mean(rates.twin) / mean(rates.bare);
    console.log(`\nViewer frame rate while orbiting, 1280×800, headless Chromium (WebGL on llvmpipe), 2 rounds of ${seconds} s each`);
    console.table([
      { page: 'bare globe (same viewer, no layers)', fps: mean(rates.bare).toFixed(1), rounds: rates.bare.map((r) => r.toFixed(1)).join(' / ') },
      {
        page: 'twin default view, default layers',
        fps: mean(rates.twin).toFixed(1),
        rounds: rates.twin.map((r) => r.toFixed(1)).join(' / '),
        'vs bare': `${ratio.toFixed(2)}×`,
        [`bar ≥ ${bar}×`]: ratio >= bar ? 'met' : 'NOT met',
      },
    ]);
    console.log(`Navigation → first complete frame with buildings: ${firstFrames.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} (first: cold caches)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
