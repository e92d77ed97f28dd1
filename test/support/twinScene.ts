import type { Page } from 'playwright-core';

/** Waits until every checked layer has loaded and the globe's and tilesets' tiles are in. */
export async function waitForScene(page: Page): Promise<void> {
  await framesDrawn(page);
  await page.waitForSelector('[data-tiles-loaded=true]', { timeout: 90_000 });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.layer-item')].every((item) => {
        const checked = item.querySelector('input')?.checked;
        return !checked || item.getAttribute('data-status') === 'ready';
      }),
    undefined,
    { timeout: 60_000 },
  );
  await framesDrawn(page);
  await page.waitForSelector('[data-tiles-loaded=true]', { timeout: 90_000 });
}

/**
 * Two animation frames: Cesium draws in them, so the marker read next is of a frame drawn after
 * whatever came before (a layer switched on, a layer ready), not a stale one from before it.
 */
export function framesDrawn(page: Page): Promise<unknown> {
  return page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}
