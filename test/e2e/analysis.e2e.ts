import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Analysis, FloodResult, HeightLimitResult } from '../../layers/index.ts';
import { saveScreenshot } from './support/browser.ts';
import { layerRows } from './support/layerData.ts';
import { PagePixels, colourDistance, projectOnGlobe, terrainHeights } from './support/screenSamples.ts';
import { twinSuite } from './support/twinSuite.ts';
import { groundPointOnScreen, urlParams, waitForScene } from './support/twinPage.ts';

const run = promisify(execFile);
const token = 'e2e-operator-token-0123456789';
const twin = twinSuite({ env: { TWIN_TOKENS: `planning-office:operator:${token}` } });

const analyse = async (kind: string, params: object) => {
  const response = await fetch(`${twin.server.url}/api/analyses`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind, params }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Analysis;
};

/** The sample DEM's cells in a window, as GDAL lists them: [lon, lat, height] of each centre. */
async function demCells([west, south, east, north]: number[]): Promise<[number, number, number][]> {
  const dem = join(twin.server.dataDir, 'sample', 'source', 'wuyi-dem.tif');
  const { stdout } = await run('gdal_translate', ['-q', '-of', 'XYZ', '-projwin', String(west), String(north), String(east), String(south), dem, '/vsistdout/'], { maxBuffer: 1 << 26 });
  return stdout.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
}

const blue = ([r, g, b]: readonly [number, number, number]) => b > r + 40 && b > g + 10;
const red = ([r, g, b]: readonly [number, number, number]) => r > 110 && r > 1.8 * g && r > 1.8 * b;
const share = (flags: boolean[]) => flags.filter(Boolean).length / flags.length;

/**
 * A flood kept once for the file's tests, with its oracle: DEM cells inside the drawn polygon
 * (the test's own even-odd test) well under its level and well above it, and a top-down view
 * close to where the water is deepest (terrain drawn from far is coarser than a metre).
 */
let floodCase: Promise<{ flood: Analysis; waterLevel: number; wet: [number, number, number][]; dry: [number, number, number][]; view: string }> | undefined;
function keptFlood() {
  floodCase ??= (async () => {
    const valley = [[119.76, 28.86], [119.85, 28.855], [119.86, 28.91], [119.77, 28.915], [119.76, 28.86]];
    const flood = await analyse('flood', { polygon: { type: 'Polygon', coordinates: [valley] }, rise: 8 });
    const { waterLevel } = flood.result as FloodResult;
    // The oracle: DEM cells inside the drawn polygon (the test's own even-odd test), well under the level or well above it.
    const inside = (lon: number, lat: number) => {
      let crossings = 0;
      for (let i = 0; i + 1 < valley.length; i++) {
        const [[x1, y1], [x2, y2]] = [valley[i]!, valley[i + 1]!];
        if (y1! > lat !== y2! > lat && lon < x1! + ((lat - y1!) / (y2! - y1!)) * (x2! - x1!)) crossings++;
      }
      return crossings % 2 === 1;
    };
    const cells = (await demCells([119.76, 28.85, 119.86, 28.92])).filter(([lon, lat]) => inside(lon, lat));
    const wet = cells.filter(([, , h]) => h < waterLevel - 3);
    const dry = cells.filter(([, , h]) => h > waterLevel + 15);
    expect(wet.length).toBeGreaterThan(20);
    expect(dry.length).toBeGreaterThan(20);
    const [lon, lat] = [0, 1].map((k) => wet.reduce((sum, cell) => sum + cell[k]!, 0) / wet.length);
    const view = `layers=terrain,relief-basemap&view=${lon!.toFixed(5)},${(lat! + 0.01).toFixed(5)},5000,0,-89`;
    return { flood, waterLevel, wet, dry, view };
  })();
  return floodCase;
}

/**
 * The same view without a kept analysis and then with it, opened by its link, as pixels: what the
 * analysis draws is what changed. `settleMs` lets its drawing finish (the water rises for 2.5 s).
 */
async function drawnOverView(id: string, view: string, settleMs: number, screenshot: string) {
  const page = await twin.openPage({ width: 1600, height: 900 });
  await page.goto(`${twin.server.url}/?${view}`);
  await waitForScene(page);
  const before = await PagePixels.of(page);
  await page.goto(`${twin.server.url}/?analysis=${id}&${view}`);
  await waitForScene(page);
  await page.locator(`.analysis-result[data-analysis-id="${id}"]`).waitFor();
  await page.waitForTimeout(settleMs);
  await saveScreenshot(page, screenshot);
  return { page, before, after: await PagePixels.of(page) };
}

describe('analyses on the globe', () => {
  it('reopens a kept flood from its link and draws water where the DEM lies below its level, and none where it stands above', async () => {
    const { flood, waterLevel, wet, dry, view } = await keptFlood();

    // The same view without the analysis and with it: water is what the analysis adds.
    const { page, before, after } = await drawnOverView(flood.id, view, 3500, 'analysis-flood');
    expect(await page.locator('.analysis-result').textContent()).toContain(`${waterLevel.toFixed(1)} m`);
    const drawn = async (points: [number, number, number][]) =>
      (await projectOnGlobe(page, points)).flatMap((at) => (at ? [{ before: before.at(at[0], at[1]), after: after.at(at[0], at[1]) }] : []));
    const wetPixels = await drawn(wet.map(([lon, lat]) => [lon, lat, waterLevel]));
    const dryPixels = await drawn(dry.map(([lon, lat, h]) => [lon, lat, h]));
    expect(wetPixels.length).toBeGreaterThan(10);
    expect(dryPixels.length).toBeGreaterThan(10);
    // The base map draws its rivers blue: the water is what turns the rest of the flooded ground blue.
    expect(share(wetPixels.map(({ before }) => blue(before))), 'blue before the analysis').toBeLessThan(0.7);
    expect(share(wetPixels.map(({ after }) => blue(after))), 'ground under water is drawn as water').toBeGreaterThan(0.9);
    expect(share(dryPixels.map(({ before, after }) => blue(after) && colourDistance(before, after) > 30)), 'ground above the water is not').toBeLessThan(0.05);
  });

  it('plays a flood in a storyboard scene on the big screen: the water stands where the DEM lies below its level', async () => {
    const { flood, waterLevel, wet, view } = await keptFlood();
    const [lon, lat, height, heading, pitch] = new URLSearchParams(view).get('view')!.split(',').map(Number);
    const scene = { title: { zh: '洪水演练', en: 'Flood drill' }, camera: { lon, lat, height, heading, pitch }, layers: ['terrain', 'relief-basemap'], durationSeconds: 60, analysis: flood.id };
    const saved = await fetch(`${twin.server.url}/api/storyboards/flood-drill`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: { zh: '防汛演练', en: 'Flood drill' }, scenes: [scene] }),
    });
    expect(saved.status).toBe(200);
    const page = await twin.openPage({ width: 1920, height: 1080 });
    await page.goto(`${twin.server.url}/present/flood-drill?kiosk`);
    await page.locator(`[data-scene-analysis="${flood.id}"]`).waitFor({ state: 'attached', timeout: 30_000 });
    await waitForScene(page);
    await page.waitForTimeout(3500);
    await saveScreenshot(page, 'analysis-flood-storyboard');
    const pixels = await PagePixels.of(page);
    const drawn = (await projectOnGlobe(page, wet.map(([lon, lat]) => [lon, lat, waterLevel]))).flatMap((at) => (at ? [pixels.at(at[0], at[1])] : []));
    expect(drawn.length).toBeGreaterThan(10);
    expect(share(drawn.map(blue)), 'the scene shows the water').toBeGreaterThan(0.9);
  });

  it('cuts an excavation’s pit into the terrain: the floor shows at its level inside the polygon, the ground outside stays', async () => {
    const pit = [[119.7, 28.7], [119.705, 28.7], [119.705, 28.704], [119.7, 28.704], [119.7, 28.7]];
    const dig = await analyse('excavation', { polygon: { type: 'Polygon', coordinates: [pit] }, depth: 30 });
    const { floorLevel, lowestGround } = dig.result as Extract<Analysis, { kind: 'excavation' }>['result'];
    expect(floorLevel).toBeCloseTo(lowestGround - 30, 1);
    const view = 'layers=terrain,relief-basemap&view=119.7025,28.7032,2800,0,-89';
    const { page, before, after } = await drawnOverView(dig.id, view, 1000, 'analysis-excavation');
    // Points inside the pit at its floor, and outside it on the DEM's ground (GDAL's cells around it).
    const floor = Array.from({ length: 16 }, (_, i) => [119.7008 + (i % 4) * 0.0011, 28.7008 + Math.floor(i / 4) * 0.0008, floorLevel] as [number, number, number]);
    const around = (await demCells([119.695, 28.695, 119.71, 28.709])).filter(([lon, lat]) => lon < 119.699 || lon > 119.706 || lat < 28.699 || lat > 28.705);
    const changed = async (points: [number, number, number][]) =>
      (await projectOnGlobe(page, points)).flatMap((at) => (at ? [colourDistance(before.at(at[0], at[1]), after.at(at[0], at[1])) > 40] : []));
    const inside = await changed(floor);
    const outside = await changed(around.filter((_, i) => i % 5 === 0));
    expect(inside.length).toBeGreaterThan(8);
    expect(outside.length).toBeGreaterThan(20);
    expect(share(inside), 'the pit replaces the ground inside').toBeGreaterThan(0.9);
    expect(share(outside), 'the ground outside is as it was').toBeLessThan(0.1);
  });

  it('colours a viewshed’s ground green where its cells are seen and red where hidden, cell by cell as the result says', async () => {
    const shed = await analyse('viewshed', { observer: [119.72, 28.66], observerHeight: 10, radius: 2500 });
    const { raster, fraction } = shed.result as Extract<Analysis, { kind: 'viewshed' }>['result'];
    expect(fraction).toBeGreaterThan(0.05);
    expect(fraction).toBeLessThan(0.95);
    const view = 'layers=terrain,relief-basemap&view=119.72,28.667,9000,0,-89';
    const { page, before, after } = await drawnOverView(shed.id, view, 1000, 'analysis-viewshed');
    // Cells whose 3 × 3 neighbours all share their state (away from the edges between seen and hidden), at their centres on the ground.
    const cells = Buffer.from(raster.cells, 'base64');
    const state = (x: number, y: number) => cells[y * raster.width + x];
    const samples: { state: number; lon: number; lat: number }[] = [];
    for (let y = 1; y < raster.height - 1; y += 3) {
      for (let x = 1; x < raster.width - 1; x += 3) {
        const here = state(x, y)!;
        if (here === 0 || [-1, 0, 1].some((dy) => [-1, 0, 1].some((dx) => state(x + dx, y + dy) !== here))) continue;
        samples.push({ state: here, lon: raster.west + ((x + 0.5) / raster.width) * (raster.east - raster.west), lat: raster.north - ((y + 0.5) / raster.height) * (raster.north - raster.south) });
      }
    }
    const grounds = await terrainHeights(page, samples.map(({ lon, lat }) => [lon, lat]));
    const projected = await projectOnGlobe(page, samples.map(({ lon, lat }, i) => [lon, lat, grounds[i] ?? 0]));
    // Each pixel is the ground as it was, laid over at 55 % with green (#2e7d32, seen) or red (#e53935, hidden): which of the two it is nearer.
    const over = (base: readonly number[], colour: readonly number[]) => base.map((channel, k) => 0.45 * channel + 0.55 * colour[k]!);
    const drawnSeen = samples.flatMap(({ state: cell }, i) => {
      const at = projected[i];
      if (!at) return [];
      const [was, is] = [before.at(at[0], at[1]), after.at(at[0], at[1])];
      return [{ seen: cell === 2, drawnSeen: colourDistance(is, over(was, [46, 125, 50])) < colourDistance(is, over(was, [229, 57, 53])) }];
    });
    const seen = drawnSeen.filter((sample) => sample.seen);
    const hidden = drawnSeen.filter((sample) => !sample.seen);
    expect(seen.length).toBeGreaterThan(10);
    expect(hidden.length).toBeGreaterThan(10);
    expect(share(seen.map((sample) => sample.drawnSeen)), 'seen ground is drawn green').toBeGreaterThan(0.9);
    expect(share(hidden.map((sample) => !sample.drawnSeen)), 'hidden ground is drawn red').toBeGreaterThan(0.9);
  });

  it('draws a line of sight green up to what is in the way and red beyond it, where the result puts them', async () => {
    const sight = await analyse('line-of-sight', { from: [119.72, 28.66], to: [119.62, 28.6], fromHeight: 2 });
    const { from, to, obstruction } = sight.result as Extract<Analysis, { kind: 'line-of-sight' }>['result'];
    expect(obstruction).not.toBeNull();
    const { page, after } = await drawnOverView(sight.id, 'layers=terrain,relief-basemap&view=119.67,28.625,22000,0,-89', 500, 'analysis-line-of-sight');
    // Points along each stretch, away from its ends, at the heights of the straight line between them.
    const along = (a: { lon: number; lat: number; height: number }, b: { lon: number; lat: number; height: number }) =>
      Array.from({ length: 9 }, (_, i) => (i + 1) / 10).map((f) => [a.lon + (b.lon - a.lon) * f, a.lat + (b.lat - a.lat) * f, a.height + (b.height - a.height) * f] as [number, number, number]);
    const colours = async (points: [number, number, number][]) => (await projectOnGlobe(page, points)).flatMap((at) => (at ? [after.at(at[0], at[1])] : []));
    const seenStretch = await colours(along(from, obstruction!));
    const hiddenStretch = await colours(along(obstruction!, to));
    expect(seenStretch.length).toBeGreaterThan(4);
    expect(hiddenStretch.length).toBeGreaterThan(4);
    const green = ([r, g, b]: readonly number[]) => g! > r! + 30 && g! > b! + 30;
    expect(share(seenStretch.map(green)), 'up to the obstruction the line is green').toBeGreaterThan(0.7);
    expect(share(hiddenStretch.map(red)), 'beyond it the line is red').toBeGreaterThan(0.7);
  });

  it('draws the buildings over a height limit in red, and those under it not, as the building table says', async () => {
    const zone = [[119.805, 28.872], [119.825, 28.872], [119.825, 28.888], [119.805, 28.888], [119.805, 28.872]];
    const limit = await analyse('height-limit', { polygon: { type: 'Polygon', coordinates: [zone] }, limit: 30 });
    const { exceeding } = limit.result as HeightLimitResult;
    const over = new Set(exceeding.map((building) => building.oid));
    // The table's rows in the zone: the oracle of which roofs must be red.
    const rows = (await layerRows(twin.server.url, 'buildings')).filter((row) => row.lon > 119.807 && row.lon < 119.823 && row.lat > 28.874 && row.lat < 28.886);
    const tall = rows.filter((row) => Number(row.height) > 32);
    const low = rows.filter((row) => Number(row.height) < 28);
    expect(tall.length).toBeGreaterThan(5);
    expect(low.length).toBeGreaterThan(5);
    for (const row of tall) expect(over).toContain(row.oid);
    for (const row of low) expect(over).not.toContain(row.oid);

    const page = await twin.openPage({ width: 1600, height: 900 });
    await page.goto(`${twin.server.url}/?analysis=${limit.id}&layers=terrain,relief-basemap,buildings&view=119.815,28.88,1600,0,-89`);
    await waitForScene(page);
    await page.locator(`.analysis-result[data-analysis-id="${limit.id}"]`).waitFor();
    await page.waitForTimeout(1500);
    await saveScreenshot(page, 'analysis-height-limit');
    const pixels = await PagePixels.of(page);
    const roofs = async (buildings: typeof rows) =>
      (await projectOnGlobe(page, buildings.map((row) => [row.lon, row.lat, Number(row.base) + Number(row.height)]))).flatMap((at) => (at ? [pixels.at(at[0], at[1])] : []));
    const tallRoofs = await roofs(tall);
    const lowRoofs = await roofs(low);
    expect(tallRoofs.length).toBeGreaterThan(5);
    expect(share(tallRoofs.map(red)), 'roofs over the limit are red').toBeGreaterThan(0.8);
    expect(share(lowRoofs.map(red)), 'roofs under it are not').toBeLessThan(0.2);
  });

  it('draws a profile with the tool in English: the line the user clicked is the one kept, and the chart shows its heights', async () => {
    const page = await twin.openPage({ width: 1600, height: 900 });
    await page.goto(`${twin.server.url}/?lang=en&layers=terrain,relief-basemap&view=119.78,28.7,14000,0,-60`);
    await waitForScene(page);
    await page.getByRole('button', { name: 'Analysis' }).click();
    await page.getByRole('button', { name: 'Profile' }).click();
    const ends: [number, number][] = [[119.74, 28.76], [119.82, 28.78]];
    for (const [lon, lat] of ends) {
      const at = await groundPointOnScreen(page, lon, lat);
      expect(at, 'the end is on screen').toBeDefined();
      await page.mouse.click(at![0], at![1]);
    }
    await page.mouse.click(800, 600, { button: 'right' });
    await page.locator('.analysis-input[data-ready=true]').waitFor();
    await page.locator('form.token-prompt input[type=password]').fill(token);
    await page.locator('form.token-prompt button[type=submit]').click();
    await page.getByRole('button', { name: 'Run' }).click();
    const result = page.locator('.analysis-result[data-kind=profile]');
    await result.waitFor({ timeout: 15_000 });
    const id = (await result.getAttribute('data-analysis-id'))!;
    expect(urlParams(page).get('analysis')).toBe(id);
    expect(await result.textContent()).toMatch(/long, lowest [\d.]+ m, highest [\d.]+ m/);
    await saveScreenshot(page, 'analysis-profile-en');

    const kept = (await (await fetch(`${twin.server.url}/api/analyses/${id}`)).json()) as Extract<Analysis, { kind: 'profile' }>;
    expect(kept.createdBy).toBe('planning-office');
    expect(kept.params.line).toHaveLength(2);
    kept.params.line.forEach(([lon, lat], i) => {
      expect(Math.abs(lon - ends[i]![0])).toBeLessThan(0.002);
      expect(Math.abs(lat - ends[i]![1])).toBeLessThan(0.002);
    });
    expect(Number(await page.locator('.profile-chart').getAttribute('data-points'))).toBe(kept.result.points.length);
  });
});
