import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeOfflinePage, launchBrowser, offlinePage, saveScreenshot } from './support/browser.ts';
import { changedPixelShare, screenshotGlobe } from './support/canvasPixels.ts';
import { type TwinServer, runTwin, startTwinServer } from './support/twinServer.ts';
import { waitForScene } from './support/twinPage.ts';

const fixture = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'delaware-buildings.geojson');

let server: TwinServer;
let browser: Browser;
let session: Awaited<ReturnType<typeof offlinePage>>;
let target: { oid: string; height: number; lon: number; lat: number };

beforeAll(async () => {
  // The same command a user runs; it writes the tileset and the layer's catalog entry.
  server = await startTwinServer(async (dataDir) => {
    await runTwin(['import', 'buildings', fixture, '--max-features', '60', '--out', join(dataDir, 'delaware'), '--layer-id', 'delaware'], dataDir);
  });
  browser = await launchBrowser();
  const source = JSON.parse(await readFile(fixture, 'utf8')) as {
    features: { id: number; properties: { height: number }; geometry: { coordinates: number[][][] } }[];
  };
  const feature = source.features[0]!;
  const ring = feature.geometry.coordinates[0]!.slice(0, -1);
  target = {
    oid: `bldg:${feature.id}`,
    height: feature.properties.height,
    lon: ring.reduce((sum, [lon]) => sum + lon!, 0) / ring.length,
    lat: ring.reduce((sum, [, lat]) => sum + lat!, 0) / ring.length,
  };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// Every test runs with no internet: nothing may be asked of any host but the twin server.
afterEach(() => closeOfflinePage(session));

describe('buildings in the viewer', () => {
  it('shows the imported buildings and, on a click, the properties of the one clicked', async () => {
    session = await offlinePage(browser, server.url);
    const { page } = session;
    const overhead = `view=${target.lon},${target.lat},160,0,-90`;

    await page.goto(`${server.url}/?${overhead}&layers=`);
    await waitForScene(page);
    const without = await screenshotGlobe(page);

    await page.goto(`${server.url}/?${overhead}&layers=delaware`);
    await waitForScene(page);
    const withBuildings = await screenshotGlobe(page);
    expect(changedPixelShare(without, withBuildings), 'buildings change the picture').toBeGreaterThan(0.02);

    const box = (await page.locator('.cesium-widget canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const panel = page.locator('.object-info');
    await panel.waitFor();
    expect(await panel.getAttribute('data-oid')).toBe(target.oid);
    expect(await panel.locator('[data-key=height] dd').textContent()).toBe(target.height.toFixed(1));
    await saveScreenshot(page, 'building-picked');
  });
});
