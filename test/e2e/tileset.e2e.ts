import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { readDem } from '../../datasets/raster/dem.ts';
import { type Block, writeBoxTileset } from '../support/boxTileset.ts';
import { IMPLICIT_CELLS, IMPLICIT_LEVEL, IMPLICIT_SIZE, writeImplicitTileset } from '../support/implicitTileset.ts';
import { saveScreenshot } from './support/browser.ts';
import { PagePixels, type ScreenPoint, projectOnGlobe } from './support/screenSamples.ts';
import { runTwin } from './support/twinServer.ts';
import { twinSuite } from './support/twinSuite.ts';
import { waitForScene } from './support/twinPage.ts';

/** A contractor's blocks in its local frame (metres east and north of the origin, before the heading). */
const blocks: Block[] = [0, 1, 2, 3].map((i) => ({ x: i * 45, y: (i % 2) * 35, width: 28, depth: 22, height: 15 + i * 8 }));
const origin = { lon: 119.832, lat: 28.905 };
const heading = 30;
/** An implicit quadtree's blocks, one per deepest cell given, as the official 1.1 samples are tiled; placed without a heading. */
const cells = IMPLICIT_CELLS;
const implicitOrigin = { lon: 119.842, lat: 28.9 };
let implicitGround = 0;
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
    const implicit = join(dirname(delivery), 'Implicit_2024');
    await writeImplicitTileset(implicit, cells, MAGENTA);
    implicitGround = dem.sample(implicitOrigin.lon, implicitOrigin.lat)!;
    await runTwin(['import', 'tileset', implicit, '--place', `${implicitOrigin.lon},${implicitOrigin.lat},${implicitGround}`, '--layer-id', 'implicit'], dataDir);
  },
});

/** Local metres (x, y before the heading) to longitude and latitude, through a transverse Mercator at the origin. */
function toLonLat(x: number, y: number, at = origin, turned = heading): [number, number] {
  const turn = (turned * Math.PI) / 180;
  const east = x * Math.cos(turn) + y * Math.sin(turn);
  const north = -x * Math.sin(turn) + y * Math.cos(turn);
  return proj4(`+proj=tmerc +lat_0=${at.lat} +lon_0=${at.lon} +k=1 +x_0=0 +y_0=0 +ellps=WGS84`, 'EPSG:4326', [east, north]) as [number, number];
}

/**
 * Whether the deliveries' magenta (however lit) is drawn where each point projects: every point
 * must be on screen, read from one screenshot.
 */
async function meshDrawnAt(page: Page, points: [number, number, number][]): Promise<boolean[]> {
  const projected = await projectOnGlobe(page, points);
  expect(projected.every((point) => point !== null), 'every sample on screen').toBe(true);
  const pixels = await PagePixels.of(page);
  return (projected as ScreenPoint[]).map(([x, y]) => {
    const [red, green, blue] = pixels.at(x, y);
    return red > green + 50 && blue > green + 50;
  });
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
    const drawn = await meshDrawnAt(page, [...roofs, ...gaps]);
    expect(drawn.slice(0, roofs.length), 'a roof at each block').toEqual(roofs.map(() => true));
    expect(drawn.slice(roofs.length), 'ground between the blocks').toEqual(gaps.map(() => false));
  });

  it('loads a 1.1 tileset with implicit tiling and draws every content its subtrees make available, and nothing in the cells they leave empty', async () => {
    const page = await twin.openPage({ width: 1280, height: 800 });
    const place = (x: number, y: number) => toLonLat(x, y, implicitOrigin, 0);
    const [lon, lat] = place(IMPLICIT_SIZE / 2, IMPLICIT_SIZE / 2);
    await page.goto(`${twin.server.url}/?layers=terrain,implicit&view=${lon},${lat},${implicitGround + 600},0,-90`);
    await waitForScene(page);
    await saveScreenshot(page, 'tileset-implicit');
    const cell = IMPLICIT_SIZE / 2 ** IMPLICIT_LEVEL;
    const full = new Set(cells.map(({ x, y }) => `${x},${y}`));
    const empty = [0, 1, 2, 3].flatMap((x) => [0, 1, 2, 3].map((y) => ({ x, y }))).filter(({ x, y }) => !full.has(`${x},${y}`));
    const roofs = cells.map(({ x, y, height }) => [...place((x + 0.5) * cell, (y + 0.5) * cell), implicitGround + height] as [number, number, number]);
    const grounds = empty.map(({ x, y }) => [...place((x + 0.5) * cell, (y + 0.5) * cell), implicitGround] as [number, number, number]);
    const drawn = await meshDrawnAt(page, [...roofs, ...grounds]);
    expect(drawn.slice(0, roofs.length), 'a block in each cell with content').toEqual(roofs.map(() => true));
    expect(drawn.slice(roofs.length), 'nothing in the empty cells').toEqual(grounds.map(() => false));
  });
});
