import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDem } from '../../datasets/raster/dem.ts';
import { levelMaximumGeometricError } from '../../datasets/terrain/tilingScheme.ts';
import { saveScreenshot } from './support/browser.ts';
import { pixelStats, screenshotGlobe } from './support/canvasPixels.ts';
import { waitForScene } from './support/twinPage.ts';
import { twinSuite } from './support/twinSuite.ts';

const twin = twinSuite();

describe('the Wuyi sample twin', () => {
  it('opens on the county in 3D: relief base map, terrain and buildings, all from the twin server', async () => {
    const page = await twin.openPage();
    await page.goto(twin.server.url);
    await waitForScene(page);
    await saveScreenshot(page, 'wuyi-default-view');
    for (const id of ['terrain', 'relief-basemap', 'buildings']) {
      expect(await page.locator(`[data-layer-id=${id}]`).getAttribute('data-status'), id).toBe('ready');
    }
    expect(pixelStats(await screenshotGlobe(page)).variance).toBeGreaterThan(100);
  });

  it('stands on terrain whose heights match the DEM within the deepest level’s error bound', async () => {
    const page = await twin.openPage();
    await page.goto(twin.server.url);
    await waitForScene(page);
    const points: [number, number][] = [
      [119.815, 28.89], // county seat, in the Wuyi River valley
      [119.56, 28.6], // 牛头山 massif
      [119.7, 28.78], // Shuxi valley
      [119.9, 28.65], // south-eastern hills
    ];
    const heights = await page.evaluate((p) => window.wuyiTwin!.terrainHeights(p), points);
    const dem = await readDem(join(twin.server.dataDir, 'sample', 'source', 'wuyi-dem.tif'));
    const layer = JSON.parse(await readFile(join(twin.server.dataDir, 'sample', 'terrain', 'layer.json'), 'utf8')) as { maxzoom: number };
    const bound = levelMaximumGeometricError(layer.maxzoom);
    points.forEach(([lon, lat], i) => {
      expect(Math.abs(heights[i]! - dem.sample(lon, lat)!), `${lon}, ${lat}`).toBeLessThanOrEqual(bound + 1);
    });
    expect(heights[0]).toBeLessThan(150);
    expect(heights[1]).toBeGreaterThan(800);
  });
});
