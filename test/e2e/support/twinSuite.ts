import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeOfflinePage, launchBrowser, offlinePage } from './browser.ts';
import { type TwinServer, startTwinServer } from './twinServer.ts';

export interface TwinSuite {
  server: TwinServer;
  browser: Browser;
  /** A fresh offline page (no request may leave the twin server); checked and closed after the test. */
  openPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** The context of the page the running test opened, for more tabs. */
  context(): BrowserContext;
}

/**
 * The hooks every browser test file needs: one twin server (over a copy of the sample, which
 * `prepare` may add to, with `env` settings) and one browser for the file, and per test an
 * offline page that fails the test on any request to another host or any page error.
 */
export function twinSuite(options: { prepare?: (dataDir: string) => Promise<void>; env?: Record<string, string> } = {}): TwinSuite {
  let session: Awaited<ReturnType<typeof offlinePage>> | undefined;
  const suite = {
    async openPage(viewport?: { width: number; height: number }) {
      session = await offlinePage(suite.browser, suite.server.url, viewport);
      return session.page;
    },
    context() {
      if (!session) throw new Error('No page is open');
      return session.context;
    },
  } as TwinSuite;
  beforeAll(async () => {
    suite.server = await startTwinServer(options.prepare, options.env);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  afterEach(async () => {
    const ending = session;
    session = undefined;
    if (ending) await closeOfflinePage(ending);
  });
  return suite;
}
