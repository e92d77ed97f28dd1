import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

export { launchBrowser } from '../../support/chromium.ts';

/**
 * A page that records every request to a host other than `allowedOrigin` and aborts it, so a
 * test can assert the twin works with no internet at all.
 */
export async function offlinePage(browser: Browser, allowedOrigin: string, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${allowedOrigin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, context, foreignRequests, pageErrors };
}

/**
 * Ends a page's session after checking it stayed offline: no request to any host but the twin
 * server, and no uncaught error in the page.
 */
export async function closeOfflinePage(session: Awaited<ReturnType<typeof offlinePage>>): Promise<void> {
  try {
    expect(session.foreignRequests, 'requests to other hosts').toEqual([]);
    expect(session.pageErrors, 'errors in the page').toEqual([]);
  } finally {
    await session.context.close();
  }
}

export const screenshotDir = join(process.cwd(), 'test-results', 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  await mkdir(screenshotDir, { recursive: true });
  return page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}
