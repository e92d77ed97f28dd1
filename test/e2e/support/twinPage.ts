import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { changedPixelShare, screenshotGlobe } from './canvasPixels.ts';

export { framesDrawn, waitForScene } from '../../support/twinScene.ts';

export const urlParams = (page: Page) => new URL(page.url()).searchParams;

/** Polls screenshots of the globe until at least 0.2 % of its pixels differ from `before`. */
export async function waitForPixelsToChange(page: Page, before: Buffer): Promise<Buffer> {
  let after = before;
  await expect
    .poll(async () => changedPixelShare(before, (after = await screenshotGlobe(page))), { timeout: 15_000 })
    .toBeGreaterThan(0.002);
  return after;
}

/** Where a point on the ground is drawn now, in page pixels (through the page API); undefined when off screen. */
export async function groundPointOnScreen(page: Page, lon: number, lat: number): Promise<[number, number] | undefined> {
  return page.evaluate(async ({ lon, lat }) => {
    const [ground] = await window.wuyiTwin!.terrainHeights([[lon, lat]]);
    return window.wuyiTwin!.screenPosition(lon, lat, ground ?? 0);
  }, { lon, lat });
}
