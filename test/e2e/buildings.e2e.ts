import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.ts';
import { changedPixelShare, screenshotGlobe } from './support/canvasPixels.ts';
import { runTwin } from './support/twinServer.ts';
import { twinSuite } from './support/twinSuite.ts';
import { waitForScene } from './support/twinPage.ts';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'delaware-buildings.geojson');

// The same command a user runs; it writes the tileset and the layer's catalog entry.
const twin = twinSuite({
  prepare: async (dataDir) => {
    await runTwin(['import', 'buildings', fixture, '--max-features', '60', '--layer-id', 'delaware'], dataDir);
  },
});
let target: { oid: string; height: number; lon: number; lat: number };

beforeAll(async () => {
  const source = JSON.parse(await readFile(fixture, 'utf8')) as {
    features: { id: number; properties: { height: number }; geometry: { coordinates: number[][][] } }[];
  };
  const feature = source.features[0]!;
  const ring = feature.geometry.coordinates[0]!.slice(0, -1);
  target = {
    oid: `bldg:delaware:${feature.id}`,
    height: feature.properties.height,
    lon: ring.reduce((sum, [lon]) => sum + lon!, 0) / ring.length,
    lat: ring.reduce((sum, [, lat]) => sum + lat!, 0) / ring.length,
  };
});

describe('buildings in the viewer', () => {
  it('shows the imported buildings and, on a click, the properties of the one clicked', async () => {
    const page = await twin.openPage();
    const overhead = `view=${target.lon},${target.lat},160,0,-90`;

    await page.goto(`${twin.server.url}/?${overhead}&layers=`);
    await waitForScene(page);
    const without = await screenshotGlobe(page);

    await page.goto(`${twin.server.url}/?${overhead}&layers=delaware`);
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
