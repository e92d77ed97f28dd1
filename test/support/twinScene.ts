import type { Page } from 'playwright-core';

/** Waits until every checked layer has loaded and the globe's and tilesets' tiles are in. */
export async function waitForScene(page: Page): Promise<void> {
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
  await page.waitForSelector('[data-tiles-loaded=true]', { timeout: 90_000 });
}
