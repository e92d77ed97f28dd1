import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { readDem } from '../../datasets/raster/dem.ts';
import { type Block, writeBoxTileset } from '../support/boxTileset.ts';
import { saveScreenshot } from './support/browser.ts';
import { PagePixels, type ScreenPoint, projectOnGlobe } from './support/screenSamples.ts';
import { runTwin } from './support/twinServer.ts';
import { twinSuite } from './support/twinSuite.ts';
import { waitForScene } from './support/twinPage.ts';

/** A contractor's blocks in its local frame (metres east and north of the origin, before the heading). */
const blocks: Block[] = [0, 1, 2, 3].map((i) => ({ x: i * 45, y: (i % 2) * 35, width: 28, depth: 22, height: 15 + i * 8 }));
const origin = { lon: 119.832, lat: 28.905 };
const heading = 30;
const MAGENTA: [number, number, number] = [230, 40, 200];
let groundHeight = 0;

// The delivery is imported as a user would: `import tileset` with its place on the ground, from the DEM.
const twin = twinSuite({
  prepare: async (dataDir) => {
    const delivery = join(await mkdtemp(join(tmpdir(), 'wuyi-twin-delivery-')), 'Oblique_2024');
    await writeBoxTileset(delivery, blocks, MAGENTA);
    const dem = await readDem(join(dataDir, 'sample', 'source', 'wuyi-dem.tif'));
    groundHeight = dem.sample(origin.lon, origin.lat)!;
    await runTwin(['import', 'tileset', delivery, '--place', `${origin.lon},${origin.lat},${groundHeight}`, '--heading', String(heading), '--layer-id', 'oblique'], dataDir);
  },
});

/** Local metres (x, y before the heading) to longitude and latitude, through a transverse Mercator at the origin. */
function toLonLat(x: number, y: number): [number, number] {
  const turn = (heading * Math.PI) / 180;
  const east = x * Math.cos(turn) + y * Math.sin(turn);
  const north = -x * Math.sin(turn) + y * Math.cos(turn);
  return proj4(`+proj=tmerc +lat_0=${origin.lat} +lon_0=${origin.lon} +k=1 +x_0=0 +y_0=0 +ellps=WGS84`, 'EPSG:4326', [east, north]) as [number, number];
}

describe('a delivered tileset in the viewer', () => {
  it('draws a placed local-frame delivery where its blocks are: each block’s roof on it, the gaps between them not', async () => {
    const page = await twin.openPage({ width: 1280, height: 800 });
    const [lon, lat] = toLonLat(80, 25);
    await page.goto(`${twin.server.url}/?layers=terrain,oblique&view=${lon},${lat},${groundHeight + 450},0,-90`);
    await waitForScene(page);
    await saveScreenshot(page, 'tileset-placed');
    // The oracle is the delivery's own geometry, placed by the import's options: roofs at the
    // ground's height plus each block's, gaps on the ground 3 m clear of the blocks beside them.
    const roofs = blocks.map((b) => [...toLonLat(b.x + b.width / 2, b.y + b.depth / 2), groundHeight + b.height] as [number, number, number]);
    const gaps = blocks.slice(1).map((b) => [...toLonLat(b.x - 8.5, b.y + b.depth / 2), groundHeight] as [number, number, number]);
    const projected = await projectOnGlobe(page, [...roofs, ...gaps]);
    expect(projected.every((point) => point !== null), 'every sample on screen').toBe(true);
    const pixels = await PagePixels.of(page);
    const isMesh = ([x, y]: ScreenPoint) => {
      const [red, green, blue] = pixels.at(x, y);
      return red > green + 50 && blue > green + 50;
    };
    const onScreen = projected as ScreenPoint[];
    expect(onScreen.slice(0, roofs.length).map(isMesh), 'a roof at each block').toEqual(roofs.map(() => true));
    expect(onScreen.slice(roofs.length).map(isMesh), 'ground between the blocks').toEqual(gaps.map(() => false));
  });
});
