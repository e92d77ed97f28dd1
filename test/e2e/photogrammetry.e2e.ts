import { describe, expect, it } from 'vitest';
import { type SampleBuilding, importSeatPhotogrammetry } from '../support/seatPhotogrammetry.ts';
import { saveScreenshot } from './support/browser.ts';
import { ringContains } from './support/layerData.ts';
import { PagePixels, type ScreenPoint, colourDistance, projectOnGlobe } from './support/screenSamples.ts';
import { twinSuite } from './support/twinSuite.ts';
import { waitForScene } from './support/twinPage.ts';

/** The county seat's blocks around this point get a contractor's mesh: one surface, no buildings in it. */
const centre = { lon: 119.8125, lat: 28.8745 };
const COUNT = 30;
let buildings: SampleBuilding[] = [];
let groundHeight = 0;

const twin = twinSuite({
  prepare: async (dataDir) => {
    ({ buildings, ground: groundHeight } = await importSeatPhotogrammetry(dataDir, { centre, count: COUNT, minSide: 10, layerId: 'photo' }));
  },
});

/**
 * Whether the straight line from the camera to a roof point passes through another building's
 * prism (inside its footprint, below its roof): then that roof is hidden there, and a click
 * rightly finds the building in front.
 */
function hiddenBehindAnother(camera: { lon: number; lat: number; height: number }, target: SampleBuilding, roofHeight: number): boolean {
  for (let i = 1; i < 400; i++) {
    const t = i / 400;
    const lon = camera.lon + (target.lon - camera.lon) * t;
    const lat = camera.lat + (target.lat - camera.lat) * t;
    const height = camera.height + (roofHeight - camera.height) * t;
    if (buildings.some((other) => other !== target && height < other.base + other.height + 0.5 && ringContains(other.ring, lon, lat))) return true;
  }
  return false;
}

describe('photogrammetry, building by building (单体化)', () => {
  it('opens the building under a click on the mesh, seen at a slant, and tints that building’s part of the mesh', async () => {
    const page = await twin.openPage({ width: 1600, height: 1000 });
    // Looking north at a slant: a click's ray meets the mesh at a roof and would meet the ground metres behind it.
    await page.goto(`${twin.server.url}/?layers=terrain,photo&view=${centre.lon},${centre.lat - 0.0035},${groundHeight + 420},0,-48`);
    await waitForScene(page);
    await saveScreenshot(page, 'photogrammetry-seat');
    const camera = (await page.evaluate(() => window.wuyiTwin!.camera()))!;
    const roofs = await projectOnGlobe(page, buildings.map((b) => [b.lon, b.lat, b.base + b.height]));
    const visible = buildings.map((b, i) => ({ building: b, at: roofs[i] })).filter((entry): entry is { building: SampleBuilding; at: ScreenPoint } => entry.at !== null && !hiddenBehindAnother(camera, entry.building, entry.building.base + entry.building.height));
    expect(visible.length, 'roofs in sight').toBeGreaterThanOrEqual(20);

    const panel = page.locator('.object-info');
    let opened = 0;
    const misses: string[] = [];
    for (const { building, at } of visible) {
      await page.mouse.click(at[0], at[1]);
      const oid = await expect
        .poll(() => panel.getAttribute('data-oid').catch(() => null), { timeout: 5000 })
        .toBe(building.oid)
        .then(
          () => building.oid,
          async () => panel.getAttribute('data-oid').catch(() => null),
        );
      if (oid === building.oid) opened++;
      else misses.push(`${building.oid} opened ${oid}`);
    }
    expect(opened / visible.length, `misses: ${misses.join('; ')}`).toBeGreaterThanOrEqual(0.95);

    // The last one selected: its roof tinted by the selection, a roof of another not.
    const [selected, other] = [visible.at(-1)!, visible.find((entry) => entry.building !== visible.at(-1)!.building)!];
    await page.locator('.object-info .close, .object-info button[aria-label]').first().click().catch(() => undefined);
    await waitForScene(page);
    const before = await PagePixels.of(page);
    await page.mouse.click(selected.at[0], selected.at[1]);
    await expect.poll(() => panel.getAttribute('data-oid')).toBe(selected.building.oid);
    await waitForScene(page);
    const after = await PagePixels.of(page);
    await saveScreenshot(page, 'photogrammetry-selected');
    const redder = (pixels: PagePixels, [x, y]: ScreenPoint) => {
      const [red, , blue] = pixels.at(x, y);
      return red - blue;
    };
    expect(redder(after, selected.at) - redder(before, selected.at), 'the selected roof tinted').toBeGreaterThan(40);
    expect(colourDistance(after.at(...other.at), before.at(...other.at)), 'another roof as it was').toBeLessThan(30);
  }, 300_000);

  it('in the lite viewer too: draws the mesh where it is placed, and a click on it opens the building under it', async () => {
    const page = await twin.openPage({ width: 1600, height: 1000 });
    await page.goto(`${twin.server.url}/lite?layers=terrain,photo&view=${centre.lon},${centre.lat - 0.0035},${groundHeight + 420},0,-48`);
    await page.waitForSelector('.app.lite[data-tiles-loaded=true]', { timeout: 150_000 });
    await saveScreenshot(page, 'photogrammetry-lite');
    const camera = (await page.evaluate(() => window.wuyiTwin!.camera()))!;
    const roofs = await page.evaluate((points) => points.map(([lon, lat, height]) => window.wuyiTwin!.screenPosition(lon!, lat!, height!)), buildings.map((b) => [b.lon, b.lat, b.base + b.height]));
    const canvas = (await page.locator('.lite-view canvas').boundingBox())!;
    const inView = ([x, y]: ScreenPoint) => x > canvas.x + 20 && x < canvas.x + canvas.width - 20 && y > canvas.y + 20 && y < canvas.y + canvas.height - 20;
    const visible = buildings
      .map((b, i) => ({ building: b, at: roofs[i] ?? null }))
      .filter((entry): entry is { building: SampleBuilding; at: ScreenPoint } => entry.at !== null && inView(entry.at) && !hiddenBehindAnother(camera, entry.building, entry.building.base + entry.building.height))
      .slice(0, 12);
    expect(visible.length, 'roofs in sight').toBeGreaterThanOrEqual(8);
    const panel = page.locator('.object-info');
    let opened = 0;
    for (const { building, at } of visible) {
      await page.mouse.click(at[0], at[1]);
      await expect.poll(() => panel.getAttribute('data-oid').catch(() => null), { timeout: 5000 }).toBe(building.oid).then(() => opened++, () => undefined);
    }
    expect(opened / visible.length).toBeGreaterThanOrEqual(0.9);
  }, 300_000);

  it('tints the building under the cursor on the mesh, and only that one, moving with the cursor', async () => {
    const page = await twin.openPage({ width: 1600, height: 1000 });
    await page.goto(`${twin.server.url}/?layers=terrain,photo&view=${centre.lon},${centre.lat},${groundHeight + 500},0,-90`);
    await waitForScene(page);
    const roofs = await projectOnGlobe(page, buildings.map((b) => [b.lon, b.lat, b.base + b.height]));
    const [first, second] = buildings.map((building, i) => ({ building, at: roofs[i] })).filter((entry): entry is { building: SampleBuilding; at: ScreenPoint } => entry.at !== null);
    const before = await PagePixels.of(page);
    // Yellow over the mesh's grey: red and green up, blue down.
    const yellower = (pixels: PagePixels, [x, y]: ScreenPoint) => {
      const [red, green, blue] = pixels.at(x, y);
      return (red + green) / 2 - blue;
    };
    const tintOf = async (entry: { at: ScreenPoint }) => yellower(await PagePixels.of(page), entry.at) - yellower(before, entry.at);
    await page.mouse.move(first!.at[0], first!.at[1]);
    await expect.poll(() => tintOf(first!), { timeout: 10_000 }).toBeGreaterThan(30);
    expect(await tintOf(second!), 'another building as it was').toBeLessThan(10);
    await page.mouse.move(second!.at[0], second!.at[1], { steps: 5 });
    await expect.poll(() => tintOf(second!), { timeout: 10_000 }).toBeGreaterThan(30);
    expect(await tintOf(first!), 'the building left behind as it was').toBeLessThan(10);
    await saveScreenshot(page, 'photogrammetry-hover');
  }, 120_000);
});
