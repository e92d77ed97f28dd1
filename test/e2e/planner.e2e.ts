import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.ts';
import { twinSuite } from './support/twinSuite.ts';
import { changedPixelShare, screenshotGlobe } from './support/canvasPixels.ts';
import { groundPointOnScreen, urlParams, waitForPixelsToChange, waitForScene } from './support/twinPage.ts';

const twin = twinSuite();

const getJson = async <T,>(path: string) => (await (await fetch(`${twin.server.url}${path}`)).json()) as T;

/** A resource code of the sample with lifecycle records, found through the API as a planner's system would. */
async function codeWithLifecycle(): Promise<{ code: string; oid: string; lon: number; lat: number; stages: number }> {
  const { codes } = await getJson<{ codes: { resourceCode: string; oid: string; position: { lon: number; lat: number } }[] }>('/api/codes?prefix=330723001-0701&limit=200');
  for (const candidate of codes) {
    const found = await getJson<{ lifecycle: unknown[] }>(`/api/codes/${candidate.resourceCode}`);
    if (found.lifecycle.length > 1) return { code: candidate.resourceCode, oid: candidate.oid, ...candidate.position, stages: found.lifecycle.length };
  }
  throw new Error('The sample has no resource code with lifecycle records of class 0701 in 330723001');
}

describe('planner: resource codes on the one map', () => {
  it('finds a parcel by its resource code, flies there and opens it, and a click on it shows its code and lifecycle', async () => {
    const target = await codeWithLifecycle();
    const page = await twin.openPage();
    await page.goto(`${twin.server.url}/?layers=relief-basemap,terrain`);
    await waitForScene(page);

    await page.locator('.search-box input').fill(target.code);
    const hit = page.locator(`.search-hits button[data-oid="${target.oid}"]`);
    await hit.waitFor({ timeout: 10_000 });
    // Enter takes the first hit, as a click on it would: the twin flies there and opens its panel.
    expect(await page.locator('.search-hits button').first().getAttribute('data-oid')).toBe(target.oid);
    await page.locator('.search-box input').press('Enter');
    await page.waitForSelector(`.app[data-selected-oid="${target.oid}"]`);
    const opened = page.locator(`.object-info[data-oid="${target.oid}"]`);
    await opened.waitFor({ timeout: 10_000 });
    expect(await opened.locator('.property[data-key=resourceCode] dd').textContent()).toBe(target.code);
    await opened.locator('header button').click();
    await waitForScene(page);
    await saveScreenshot(page, 'planner-search');

    const point = await groundPointOnScreen(page, target.lon, target.lat);
    expect(point, 'the parcel is on screen').toBeDefined();
    await page.mouse.click(point![0], point![1]);
    const panel = page.locator(`.object-info[data-oid="${target.oid}"]`);
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.locator('.property[data-key=resourceCode] dd').textContent()).toBe(target.code);
    await expect.poll(() => panel.locator('.bound-lifecycle li').count()).toBe(target.stages);
    await saveScreenshot(page, 'planner-parcel');
  }, 240_000);

  it('measures a distance and an area on the terrain', async () => {
    const target = await codeWithLifecycle();
    const page = await twin.openPage();
    await page.goto(`${twin.server.url}/?layers=relief-basemap,terrain&view=${target.lon},${target.lat - 0.004},700,0,-50`);
    await waitForScene(page);
    const corners: [number, number][] = [
      [target.lon - 0.001, target.lat],
      [target.lon + 0.001, target.lat],
      [target.lon + 0.001, target.lat + 0.0015],
    ];
    const clickAll = async () => {
      for (const [lon, lat] of corners) {
        const point = await groundPointOnScreen(page, lon, lat);
        expect(point, `${lon},${lat} is on screen`).toBeDefined();
        await page.mouse.click(point![0], point![1]);
      }
      await page.mouse.click(640, 400, { button: 'right' });
    };
    const result = page.locator('.measure-result');
    const metres = (text: string | null) => {
      const [value, unit] = (text ?? '').split(' ');
      return Number(value) * (unit === 'km' ? 1000 : unit === 'ha' ? 10_000 : unit === 'km²' ? 1_000_000 : 1);
    };
    // Expected values from the corners alone (a sphere of the mean radius, flat enough at this size).
    const metresPerDegree = 6_371_008.8 * (Math.PI / 180);
    const dx = 0.001 * metresPerDegree * Math.cos((target.lat * Math.PI) / 180);
    const dy = 0.0015 * metresPerDegree;

    await page.getByRole('button', { name: '测距' }).click();
    await clickAll();
    await page.waitForSelector('.measure-result[data-finished=true][data-points="3"]');
    expect(metres(await result.textContent()) / (2 * dx + dy)).toBeCloseTo(1, 1);
    await saveScreenshot(page, 'planner-measure-distance');

    await page.getByRole('button', { name: '测面' }).click();
    await clickAll();
    await page.waitForSelector('.measure-result[data-finished=true][data-points="3"]');
    expect(metres(await result.textContent()) / ((2 * dx * dy) / 2)).toBeCloseTo(1, 1);
    await waitForScene(page);
    await saveScreenshot(page, 'planner-measure-area');
  }, 240_000);

  it('colours the parcels by land-use class, hides a class from the legend, and keeps the filter in the link', async () => {
    const page = await twin.openPage({ width: 1600, height: 900 });
    const view = 'view=119.8156,28.8700,6000,0,-60';
    await page.goto(`${twin.server.url}/?layers=terrain,landuse&${view}`);
    await waitForScene(page);
    const legend = page.locator('.layer-item[data-layer-id=landuse] .class-legend');
    expect(await legend.locator('li').count()).toBe(11);
    const before = await screenshotGlobe(page);
    await legend.locator('li[data-class="0701"] input').uncheck();
    // Urban residential land covers much of the county seat: hiding it changes a good part of the view.
    await waitForPixelsToChange(page, before);
    await expect.poll(() => urlParams(page).get('hide')).toBe('landuse:0701');
    await saveScreenshot(page, 'planner-landuse-filtered');

    await page.goto(`${twin.server.url}/?layers=terrain,landuse&hide=landuse:0701,landuse:0702&${view}`);
    await waitForScene(page);
    const reopened = page.locator('.layer-item[data-layer-id=landuse] .class-legend');
    expect(await reopened.locator('li[data-class="0701"] input').isChecked()).toBe(false);
    expect(await reopened.locator('li[data-class="0702"] input').isChecked()).toBe(false);
    expect(await reopened.locator('li[data-class="0101"] input').isChecked()).toBe(true);

    // The one map also reads as a flat map: the twin's own switch to 2D and back, kept in the link.
    const modeSwitch = page.locator('.scene-mode-switch');
    expect(await modeSwitch.textContent()).toBe('二维');
    await modeSwitch.click();
    await expect.poll(async () => (await page.evaluate(() => window.wuyiTwin!.camera()))?.pitch, { timeout: 15_000 }).toBeCloseTo(-90, 0);
    await expect.poll(() => urlParams(page).get('mode')).toBe('2d');
    await waitForScene(page);
    await saveScreenshot(page, 'planner-2d');
    // A copied link reopens the flat map.
    const flatLink = page.url();
    expect(await modeSwitch.textContent()).toBe('三维');
    await modeSwitch.click();
    await expect.poll(async () => (await page.evaluate(() => window.wuyiTwin!.camera()))?.pitch, { timeout: 15_000 }).toBeGreaterThan(-89);
    await expect.poll(() => urlParams(page).get('mode')).toBeNull();
    await page.goto(flatLink);
    await waitForScene(page);
    expect(await page.locator('.scene-mode-switch').textContent()).toBe('三维');
    expect((await page.evaluate(() => window.wuyiTwin!.camera()))?.pitch).toBeCloseTo(-90, 0);
  }, 240_000);

  it('compares the land use with the planning zones by swiping a divider across them', async () => {
    const page = await twin.openPage({ width: 1920, height: 1080 });
    await page.goto(`${twin.server.url}/?layers=terrain,landuse&view=119.70,28.55,26000,0,-60`);
    await waitForScene(page);
    const landUseOnly = await screenshotGlobe(page);
    const left = { fromX: 320, toX: 900 };
    const right = { fromX: 1020, toX: 1580 };

    await page.getByRole('button', { name: '卷帘' }).click();
    const panel = page.locator('.compare-panel');
    expect(await panel.locator('select[name=compare-left]').inputValue()).toBe('landuse');
    expect(await panel.locator('select[name=compare-right]').inputValue()).toBe('zoning');
    expect(await page.locator('.layer-item[data-layer-id=zoning] input[type=checkbox]').first().isChecked()).toBe(true);
    await waitForScene(page);
    const split = await screenshotGlobe(page);
    await saveScreenshot(page, 'planner-compare');
    expect(changedPixelShare(landUseOnly, split, left), 'left of the divider: still the land use').toBeLessThan(0.02);
    expect(changedPixelShare(landUseOnly, split, right), 'right of the divider: the planning zones').toBeGreaterThan(0.1);

    // Dragged to the right edge, the divider uncovers the land use on the right too.
    const handle = (await page.locator('.split-divider').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(1880, handle.y + handle.height / 2, { steps: 8 });
    await page.mouse.up();
    await waitForScene(page);
    expect(changedPixelShare(landUseOnly, await screenshotGlobe(page), right)).toBeLessThan(0.02);

    await panel.getByRole('button', { name: '结束对比' }).click();
    expect(await page.locator('.split-divider').count()).toBe(0);
  }, 240_000);
});
