import { gzipSync } from 'node:zlib';
import { startTwinServer } from '../test/e2e/support/twinServer.ts';
import { launchBrowser } from '../test/support/chromium.ts';
import { waitForScene } from '../test/support/twinScene.ts';

const bars = { jsShare: 0.25, frameRate: 2 };

/** What both viewers show: the catalog's opening view, with the layers the lite viewer draws. */
const layers = 'layers=terrain,buildings,incidents,monitoring-points';

/**
 * The lite viewer (three.js) against the full viewer (Cesium) on the same view and layers, in one
 * headless Chromium run: the bytes of JavaScript each page loads (its own modules and any
 * workers, as sent and gzipped) and its frame rate while the camera orbits, alternated over two
 * rounds to even out noise. Bars: the lite page loads ≤ 25 % of the full viewer's JavaScript and
 * draws ≥ 2× its frames. Usage: npm run bench -- lite [--seconds 10]
 */
export async function benchLite({ seconds = 10 } = {}) {
  const server = await startTwinServer();
  const browser = await launchBrowser();
  try {
    const pages = { full: `${server.url}/?${layers}`, lite: `${server.url}/lite?${layers}&embed` };
    const js = { full: { bytes: 0, gzip: 0 }, lite: { bytes: 0, gzip: 0 } };
    const rates = { full: [] as number[], lite: [] as number[] };
    for (let round = 0; round < 2; round++) {
      for (const kind of ['full', 'lite'] as const) {
        // A fresh context each time, so no script comes from the cache and every byte is counted.
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const scripts = new Set<string>();
        context.on('response', (response) => {
          if (response.ok() && /javascript/.test(response.headers()['content-type'] ?? '')) scripts.add(response.url());
        });
        const page = await context.newPage();
        await page.goto(pages[kind]);
        await waitForScene(page);
        rates[kind].push(await page.evaluate((s) => window.wuyiTwin!.measureFrameRate(s), seconds));
        if (round === 0) js[kind] = await sizes(scripts);
        await context.close();
      }
    }
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const jsShare = js.lite.gzip / js.full.gzip;
    const fpsRatio = mean(rates.lite) / mean(rates.full);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
    console.log(`\nLite viewer (three.js) against the full viewer (Cesium), catalog view, ${layers}, 1280×800, headless Chromium (WebGL on llvmpipe), 2 rounds of ${seconds} s`);
    console.table([
      { page: 'full viewer /', 'JS loaded': kb(js.full.bytes), 'JS gzip': kb(js.full.gzip), fps: mean(rates.full).toFixed(1), rounds: rates.full.map((r) => r.toFixed(1)).join(' / ') },
      {
        page: 'lite viewer /lite',
        'JS loaded': kb(js.lite.bytes),
        'JS gzip': kb(js.lite.gzip),
        fps: mean(rates.lite).toFixed(1),
        rounds: rates.lite.map((r) => r.toFixed(1)).join(' / '),
        'JS vs full (gzip)': `${(jsShare * 100).toFixed(1)} % (${((js.lite.bytes / js.full.bytes) * 100).toFixed(1)} % raw)`,
        [`bar ≤ ${bars.jsShare * 100} %`]: jsShare <= bars.jsShare ? 'met' : 'NOT met',
        'fps vs full': `${fpsRatio.toFixed(2)}×`,
        [`bar ≥ ${bars.frameRate}×`]: fpsRatio >= bars.frameRate ? 'met' : 'NOT met',
      },
    ]);
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Bytes of the scripts a page loaded, fetched again here as the server sends them. */
async function sizes(urls: Set<string>): Promise<{ bytes: number; gzip: number }> {
  const loaded = await Promise.all([...urls].map(async (url) => Buffer.from(await (await fetch(url)).arrayBuffer())));
  return {
    bytes: loaded.reduce((sum, body) => sum + body.length, 0),
    gzip: loaded.reduce((sum, body) => sum + gzipSync(body).length, 0),
  };
}
