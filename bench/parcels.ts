import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hexColor } from '../datasets/landuse/landUseClasses.ts';
import { landUseClasses } from '../datasets/sample/landUseClasses.ts';
import { startTwinServer } from '../test/e2e/support/twinServer.ts';
import { launchBrowser } from '../test/support/chromium.ts';
import { waitForScene } from '../test/support/twinScene.ts';
import { writeBenchLayerEntry } from './benchLayerEntry.ts';

/** The county, where the parcels are laid out. */
const AREA = { west: 119.45, south: 28.55, east: 120.05, north: 29.05 };
const VIEW = 'view=119.75,28.45,45000,0,-50';

/**
 * A thematic layer of many parcels (default 120,000) over the county, in headless Chromium: the
 * time from navigation to the first complete frame with every parcel drawn, and the frame rate
 * while the camera orbits, against the same view with terrain alone, alternated in one run.
 * Usage: npm run bench -- parcels [--counts 120000] [--seconds 10]
 */
export async function benchParcels({ counts = [120_000], seconds = 10 } = {}) {
  const parcels = counts[0]!;
  const server = await startTwinServer((dataDir) => writeParcelLayer(join(dataDir, 'bench-parcels'), parcels));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const rates = { parcels: [] as number[], bare: [] as number[] };
    const firstFrames: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const kind of ['parcels', 'bare'] as const) {
        const started = performance.now();
        await page.goto(`${server.url}/?layers=terrain${kind === 'parcels' ? ',bench-parcels' : ''}&${VIEW}`);
        await waitForScene(page);
        if (kind === 'parcels') firstFrames.push(performance.now() - started);
        rates[kind].push(await page.evaluate((s) => window.wuyiTwin!.measureFrameRate(s), seconds));
      }
    }
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    console.log(`\n${parcels.toLocaleString()} land-use parcels drawn as imagery in the browser, county view, 1280×800, headless Chromium (llvmpipe)`);
    console.table([
      { page: 'terrain alone', fps: mean(rates.bare).toFixed(1), rounds: rates.bare.map((r) => r.toFixed(1)).join(' / ') },
      {
        page: `terrain + ${parcels.toLocaleString()} parcels`,
        fps: mean(rates.parcels).toFixed(1),
        rounds: rates.parcels.map((r) => r.toFixed(1)).join(' / '),
        'vs terrain alone': `${(mean(rates.parcels) / mean(rates.bare)).toFixed(2)}×`,
      },
    ]);
    console.log(`Navigation → every parcel drawn: ${firstFrames.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} (first: cold caches)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** A grid of `count` jittered quadrilateral parcels over the county, each of a land-use class, with its catalog entry. */
async function writeParcelLayer(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const columns = Math.ceil(Math.sqrt(count * ((AREA.east - AREA.west) / (AREA.north - AREA.south))));
  const rows = Math.ceil(count / columns);
  const width = (AREA.east - AREA.west) / columns;
  const height = (AREA.north - AREA.south) / rows;
  const jitter = (i: number, k: number) => ((((i * 2654435761 + k * 40503) >>> 0) % 1000) / 1000 - 0.5) * 0.3;
  const features = Array.from({ length: count }, (_, i) => {
    const west = AREA.west + (i % columns) * width;
    const south = AREA.south + Math.floor(i / columns) * height;
    const ring = [
      [west + jitter(i, 1) * width, south + jitter(i, 2) * height],
      [west + width * (1 + jitter(i, 3)), south + jitter(i, 4) * height],
      [west + width * (1 + jitter(i, 5)), south + height * (1 + jitter(i, 6))],
      [west + jitter(i, 7) * width, south + height * (1 + jitter(i, 8))],
    ];
    const cls = landUseClasses[(i * 7919) % landUseClasses.length]!;
    return { type: 'Feature', properties: { code: cls.code }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } };
  });
  await writeFile(join(dir, 'parcels.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  await writeBenchLayerEntry(dir, 'parcels', {
    id: 'bench-parcels',
    kind: 'thematic',
    title: { zh: '地块压力测试', en: 'Parcel stress test' },
    group: 'planning',
    source: { type: 'geojson', url: '/data/bench-parcels/parcels.geojson' },
    classify: { field: 'code', classes: landUseClasses.map((c) => ({ value: c.code, color: hexColor(c.color), label: { zh: c.zh, en: c.en } })) },
    style: { opacity: 0.85, outline: '#5d4a3699' },
  });
}
