import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeOfflinePage, launchBrowser, offlinePage, saveScreenshot } from './support/browser.ts';
import { type TwinServer, startTwinServer } from './support/twinServer.ts';
import { waitForScene } from './support/twinPage.ts';

let server: TwinServer;
let browser: Browser;
let session: Awaited<ReturnType<typeof offlinePage>>;

beforeAll(async () => {
  server = await startTwinServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => session && closeOfflinePage(session));

const getJson = async <T,>(path: string) => (await (await fetch(`${server.url}${path}`)).json()) as T;

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
  it('finds a parcel by its resource code, flies there, and a click on it shows its code and lifecycle', async () => {
    const target = await codeWithLifecycle();
    session = await offlinePage(browser, server.url);
    const { page } = session;
    await page.goto(`${server.url}/?layers=relief-basemap,terrain`);
    await waitForScene(page);

    await page.locator('.search-box input').fill(target.code);
    const hit = page.locator(`.search-hits button[data-oid="${target.oid}"]`);
    await hit.waitFor({ timeout: 10_000 });
    await hit.click();
    await page.waitForSelector(`.app[data-selected-oid="${target.oid}"]`);
    await page.waitForTimeout(2000); // the flight
    await waitForScene(page);
    await saveScreenshot(page, 'planner-search');

    const point = await page.evaluate(async ({ lon, lat }) => {
      const [ground] = await window.wuyiTwin!.terrainHeights([[lon, lat]]);
      return window.wuyiTwin!.screenPosition(lon, lat, ground ?? 0);
    }, target);
    expect(point, 'the parcel is on screen').toBeDefined();
    await page.mouse.click(point![0], point![1]);
    const panel = page.locator(`.object-info[data-oid="${target.oid}"]`);
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.locator('.property[data-key=resourceCode] dd').textContent()).toBe(target.code);
    await expect.poll(() => panel.locator('.bound-lifecycle li').count()).toBe(target.stages);
    await saveScreenshot(page, 'planner-parcel');
  }, 240_000);
});
