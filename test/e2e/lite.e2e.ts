import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.ts';
import { changedPixelShare, countPixels } from './support/canvasPixels.ts';
import { twinSuite } from './support/twinSuite.ts';
import { framesDrawn } from './support/twinPage.ts';

const token = 'e2e-operator-token-0123456789';
const twin = twinSuite({ env: { TWIN_TOKENS: `duty-room:operator:${token}` } });

/** Looking north over the county seat from 900 m, as the commander's test does in the full viewer. */
const view = 'view=119.8156,28.8870,900,0,-40';

const canvas = (page: Page) => page.locator('.lite-view canvas');

async function openLite(page: Page, query: string): Promise<Buffer> {
  await page.goto(`${twin.server.url}/lite?${query}`);
  return drawn(page);
}

/** The canvas once the view is drawn complete. */
async function drawn(page: Page): Promise<Buffer> {
  // Draping 30,000 parcels into the terrain's imagery took 60–90 s on a busy 2-core machine.
  await page.waitForSelector('.app.lite[data-tiles-loaded=true]', { timeout: 150_000 });
  // Two more frames, so tiles that came in with the last one are drawn.
  await framesDrawn(page);
  return canvas(page).screenshot();
}

/** Share of pixels (0–1) not of the clear colour behind the globe (#dde7f0). */
function coveredShare(png: Buffer): number {
  const { width, height } = PNG.sync.read(png);
  const background = countPixels(png, (r, g, b) => Math.abs(r - 0xdd) < 6 && Math.abs(g - 0xe7) < 6 && Math.abs(b - 0xf0) < 6);
  return 1 - background / (width * height);
}

/** Where a point is drawn in the page now, through the lite viewer's page API. */
const onScreen = (page: Page, lon: number, lat: number, height: number) =>
  page.evaluate(({ lon, lat, height }) => window.wuyiTwin!.screenPosition(lon, lat, height), { lon, lat, height });

describe('lite viewer', () => {
  it('draws the buildings on the terrain, and a click on a building shows its properties and records', async () => {
    const page = await twin.openPage();
    // Software WebGL, as here: half resolution while the tiles load, full once they have, as the full viewer does.
    const drawnWidth = () => canvas(page).evaluate((element: HTMLCanvasElement) => element.width / element.clientWidth);
    const loading = page.goto(`${twin.server.url}/lite?${view}&layers=terrain`);
    await expect.poll(drawnWidth, { timeout: 30_000, interval: 50 }).toBe(0.5);
    await loading;
    const terrainOnly = await drawn(page);
    expect(await drawnWidth()).toBe(1);
    expect(coveredShare(terrainOnly), 'the terrain fills the view below the horizon').toBeGreaterThan(0.6);

    // The relief base map is draped on the terrain (asking for no tile outside its extent: a 404 would be a page error).
    const draped = await openLite(page, `${view}&layers=terrain,relief-basemap`);
    await saveScreenshot(page, 'lite-basemap');
    expect(changedPixelShare(terrainOnly, draped), 'the base map colours the terrain').toBeGreaterThan(0.3);

    // Land use by class and the roads are drawn into the terrain's imagery too.
    const landUse = await openLite(page, `${view}&layers=terrain,landuse,roads`);
    await saveScreenshot(page, 'lite-landuse');
    expect(changedPixelShare(terrainOnly, landUse), 'the land-use classes colour the terrain').toBeGreaterThan(0.3);

    const withBuildings = await openLite(page, `${view}&layers=terrain,buildings`);
    await saveScreenshot(page, 'lite-buildings');
    expect(changedPixelShare(terrainOnly, withBuildings), 'buildings change the picture').toBeGreaterThan(0.01);
    expect(await page.locator('.top-bar h1').textContent()).toBe('武义县数字孪生');

    const building = (await (await fetch(`${twin.server.url}/api/objects?at=119.8156,28.8955`)).json()) as {
      oid: string;
      position: { lon: number; lat: number };
      properties: { base: number; height: number };
    };
    expect(building.oid).toMatch(/^bldg:/);
    const roof = await onScreen(page, building.position.lon, building.position.lat, building.properties.base + building.properties.height);
    expect(roof, 'the building is in view').toBeDefined();
    await page.mouse.click(roof![0], roof![1]);
    const panel = page.locator('.object-info');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.getAttribute('data-oid')).toBe(building.oid);
    expect(await panel.locator('[data-key=height] dd').textContent()).toBe(String(building.properties.height));
    // Outlined in the selection colour (#ff3d00: strong red, some green, almost no blue).
    const outlined = (png: Buffer) => countPixels(png, (r, g, b) => r > 150 && g < 110 && b < 25 && r > 2.5 * g);
    await expect.poll(async () => outlined(await canvas(page).screenshot()) - outlined(withBuildings), { timeout: 5000 }).toBeGreaterThan(80);
    await saveScreenshot(page, 'lite-building-picked');
  }, 400_000);

  it('shows an incident reported on a building as a marker at once, and the building its record; no chrome when embedded', async () => {
    const page = await twin.openPage();
    await openLite(page, `${view}&layers=terrain,buildings,incidents&embed`);
    expect(await page.locator('.top-bar, .side-panel').count(), 'no chrome in embed mode').toBe(0);
    await page.waitForSelector('.app.lite[data-stream=live]');
    const markersBefore = Number(await page.locator('.app.lite').getAttribute('data-markers'));

    const building = (await (await fetch(`${twin.server.url}/api/objects?at=119.8156,28.8955`)).json()) as { oid: string; position: { lon: number; lat: number } };
    expect(building.oid).toMatch(/^bldg:/);
    const { lon, lat } = building.position;
    const [roof] = await page.evaluate((p) => window.wuyiTwin!.terrainHeights([p]), [lon, lat] as [number, number]);
    expect(roof, 'the building is loaded').toBeGreaterThan(0);
    const spot = (await onScreen(page, lon, lat, roof!))!;
    expect(spot, 'the building is in view').toBeDefined();
    const box = (await canvas(page).boundingBox())!;
    const clip = { x: spot[0] - 20, y: spot[1] - 20, width: 40, height: 40 };
    expect(clip.x > box.x && clip.y > box.y && clip.x + 40 < box.x + box.width && clip.y + 40 < box.y + box.height).toBe(true);
    // The colour of a newly reported (受理) incident, #e53935.
    const reported = (png: Buffer) => countPixels(png, (r, g, b) => r > 190 && g < 110 && b < 110);
    const before = reported(await page.screenshot({ clip }));

    const response = await fetch(`${twin.server.url}/api/incidents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: '设施损坏', title: '端到端测试：轻量版标记', oid: building.oid }),
    });
    expect(response.status).toBe(201);
    const incident = (await response.json()) as { id: string };
    await page.waitForSelector(`.app.lite[data-markers="${markersBefore + 1}"]`, { timeout: 5000 });
    await expect.poll(async () => reported(await page.screenshot({ clip })) - before, { timeout: 5000 }).toBeGreaterThan(40);
    await saveScreenshot(page, 'lite-incident-marker');

    // The marker does not stand in the way: a click on it reaches the building, which lists the incident.
    await page.mouse.click(spot[0], spot[1]);
    await page.waitForSelector(`.object-info[data-oid="${building.oid}"] .bound-incidents li[data-incident-id="${incident.id}"]`, { timeout: 10_000 });
    await saveScreenshot(page, 'lite-incident-bound');
  });
});
