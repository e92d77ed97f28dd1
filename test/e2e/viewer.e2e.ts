import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../layers/index.ts';
import { saveScreenshot } from './support/browser.ts';
import { changedPixelShare, pixelStats, screenshotGlobe } from './support/canvasPixels.ts';
import { urlParams, waitForPixelsToChange, waitForScene } from './support/twinPage.ts';
import { twinSuite } from './support/twinSuite.ts';

const twin = twinSuite();
let catalog: Catalog;

beforeAll(async () => {
  catalog = (await (await fetch(`${twin.server.url}/api/layers`)).json()) as Catalog;
});

async function openTwin(path = '/'): Promise<Page> {
  const page = await twin.openPage();
  await page.goto(`${twin.server.url}${path}`);
  await waitForScene(page);
  return page;
}

describe('the twin in a browser with no internet', () => {
  it('renders the globe and lists the catalog in the layer tree, in Chinese', async () => {
    const page = await twin.openPage();
    await page.goto(twin.server.url);
    // Software WebGL, as here: the view is drawn at half resolution while its tiles load, at full once they have.
    const drawnWidth = () => page.locator('.cesium-widget canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width / canvas.clientWidth);
    await expect.poll(drawnWidth, { timeout: 30_000, interval: 50 }).toBe(0.5);
    await waitForScene(page);
    expect(await drawnWidth()).toBe(1);
    await saveScreenshot(page, 'default-view-zh');

    const { variance } = pixelStats(await screenshotGlobe(page));
    expect(variance, 'a blank canvas has no variance').toBeGreaterThan(30);

    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('.layer-tree h2').textContent()).toBe('图层');
    const titles = await page.locator('.layer-item .layer-title').allTextContents();
    expect(titles).toEqual(layersInTreeOrder().map((layer) => layer.title.zh));
    const groups = await page.locator('.layer-group h3').allTextContents();
    const groupsWithLayers = catalog.groups.filter((group) => catalog.layers.some((layer) => layer.group === group.id));
    expect(groups).toEqual(groupsWithLayers.map((group) => group.title.zh));

    const defaults = catalog.layers.filter((layer) => layer.visible).map((layer) => layer.id);
    expect(urlParams(page).get('layers')).toBe(defaults.join(','));

    // The layer tree and the incident board fold to their titles, out of the globe's way, and open again.
    for (const [panel, body] of [['.layer-tree', '.layer-item'], ['.incident-board', '.incident-list']] as const) {
      await page.locator(`${panel} .collapse-toggle`).click();
      expect(await page.locator(`${panel} ${body}`).count(), `${panel} folded`).toBe(0);
      await page.locator(`${panel} .collapse-toggle`).click();
      expect(await page.locator(`${panel} ${body}`).count(), `${panel} open`).toBeGreaterThan(0);
    }
  });

  it('shows a layer when it is toggled on, and keeps that in the URL', async () => {
    const page = await openTwin();
    const before = await screenshotGlobe(page);
    await page.locator('[data-layer-id=rivers] input').check();
    await page.waitForSelector('[data-layer-id=rivers][data-status=ready]');
    await waitForPixelsToChange(page, before);
    await saveScreenshot(page, 'rivers-on');
    expect(urlParams(page).get('layers')?.split(',')).toContain('rivers');
    expect(await page.locator('[data-layer-id=rivers] .legend').isVisible()).toBe(true);

    const withRivers = await screenshotGlobe(page);
    await page.locator('[data-layer-id=county-boundary] input').uncheck();
    await waitForPixelsToChange(page, withRivers);
    expect(urlParams(page).get('layers')?.split(',')).not.toContain('county-boundary');
  });

  it('reopens the same camera and layers from a copied link', async () => {
    const page = await openTwin();
    await page.locator('[data-layer-id=rivers] input').check();
    await page.locator('[data-layer-id=township-seats] input').uncheck();
    const initialView = urlParams(page).get('view');
    const box = (await page.locator('.cesium-widget canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
    await expect.poll(() => urlParams(page).get('view'), { timeout: 15_000 }).not.toBe(initialView);
    await waitForScene(page);
    const link = page.url();
    const view = urlParams(page).get('view');
    const before = await saveScreenshot(page, 'before-reload');

    await page.reload();
    await waitForScene(page);
    const after = await saveScreenshot(page, 'after-reload');
    expect(changedPixelShare(before, after), 'the reopened link shows the same picture').toBeLessThan(0.01);
    expect(page.url()).toBe(link);
    expect(urlParams(page).get('view')).toBe(view);
    expect(await page.locator('[data-layer-id=rivers] input').isChecked()).toBe(true);
    expect(await page.locator('[data-layer-id=township-seats] input').isChecked()).toBe(false);
  });

  it('credits its software and each layer’s source in an About panel, and shows no Cesium ion logo', async () => {
    const page = await openTwin();
    expect(await page.locator('.cesium-credit-logoContainer, .cesium-widget-credits, [title="Cesium ion"]').count()).toBe(0);
    await page.locator('.about-open').click();
    const panel = page.locator('.about-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('关于武义孪生');
    // Each layer the catalog gives this caller, with the licence its metadata states, and the globe's own imagery.
    const rows = await panel.locator('.about-data tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-layer-id'), tr.querySelector('.about-licence')?.textContent]));
    expect(rows).toEqual([...catalog.layers.map((layer) => [layer.id, layer.metadata.licence]), ['globe', '公有领域（随 CesiumJS 提供）']]);
    expect(await panel.locator('.about-software tr[data-package=cesium] .about-licence').textContent()).toBe('Apache-2.0');
    await page.locator('.language-switch').click();
    await expect.poll(() => panel.locator('h2').textContent()).toBe('About Wuyi Twin');
    expect(await panel.locator('.about-data tr th').allTextContents()).toEqual([...catalog.layers.map((layer) => layer.title.en), 'Globe base imagery']);
    await saveScreenshot(page, 'about-en');
    await panel.locator('.close').click();
    expect(await panel.count()).toBe(0);
  });

  it('switches the interface to English and keeps the choice in the URL', async () => {
    const page = await openTwin();
    await page.locator('.language-switch').click();
    await expect.poll(() => page.locator('.layer-tree h2').textContent()).toBe('Layers');
    expect(await page.locator('.layer-item .layer-title').allTextContents()).toEqual(layersInTreeOrder().map((layer) => layer.title.en));
    expect(urlParams(page).get('lang')).toBe('en');
    await page.reload();
    await waitForScene(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await saveScreenshot(page, 'default-view-en');
  });

  it('shows one banner while the server cannot be reached, which goes by itself when it answers again', async () => {
    const page = await twin.openPage();
    await page.goto(`${twin.server.url}/?layers=`);
    await page.waitForSelector('.app[data-catalog=loaded]');
    await page.route(`${twin.server.url}/api/**`, (route) => route.abort('connectionrefused'));
    await page.locator('.search-box input').fill('壶山');
    const banner = page.locator('.server-banner');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toBe('无法连接孪生服务，请稍后重试');
    expect(await page.locator('.search-hits .panel-error').textContent()).toBe('无法连接孪生服务，请稍后重试');
    await saveScreenshot(page, 'server-unreachable');
    await page.unroute(`${twin.server.url}/api/**`);
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('answers a wrong link with a page saying what is missing, in the language of the link, with the way back', async () => {
    const page = await twin.openPage();
    const answer = await page.goto(`${twin.server.url}/no-such-page`);
    expect(answer?.status()).toBe(404);
    const missing = page.locator('.not-found[data-missing=page]');
    expect(await missing.locator('h1').textContent()).toBe('找不到此页面');
    expect(await missing.locator('a').getAttribute('href')).toBe('/');

    await page.goto(`${twin.server.url}/present/no-such-storyboard?lang=en`);
    const storyboard = page.locator('.not-found[data-missing=storyboard]');
    await storyboard.waitFor({ timeout: 15_000 });
    expect(await storyboard.locator('h1').textContent()).toBe('There is no storyboard "no-such-storyboard"');
    await saveScreenshot(page, 'storyboard-missing-en');
    await storyboard.locator('a').click();
    await page.waitForSelector('.app[data-catalog=loaded]');
    expect(urlParams(page).get('lang')).toBe('en');
  });
});

/** The catalog's layers as the tree lists them: group by group. */
function layersInTreeOrder() {
  return catalog.groups.flatMap((group) => catalog.layers.filter((layer) => layer.group === group.id));
}
