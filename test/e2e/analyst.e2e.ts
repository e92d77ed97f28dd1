import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.ts';
import { layerRows, polygonsOf } from './support/layerData.ts';
import { PagePixels, projectOnGlobe, terrainHeights } from './support/screenSamples.ts';
import { waitForScene } from './support/twinPage.ts';
import { twinSuite } from './support/twinSuite.ts';

const twin = twinSuite();

/**
 * The query highlight's yellow (#ffeb3b) in sun or shade: red and green alike, blue far below both;
 * unlike the white and grey of other buildings and the orange, red and pale yellow of the land use.
 */
const isYellow = (r: number, g: number, b: number) => r > 80 && g > 80 && Math.abs(r - g) < 0.25 * r && b < 0.5 * Math.min(r, g);

describe('analyst: SQL over the layers in the browser', () => {
  it('counts the buildings with DuckDB-WASM as the server counts them, and shows a broken query its error', async () => {
    const health = (await (await fetch(`${twin.server.url}/api/health`)).json()) as { objectsByLayer: Record<string, number> };
    const page = await twin.openPage();
    await page.goto(`${twin.server.url}/?layers=`);
    await page.getByRole('button', { name: 'SQL' }).click();
    const console_ = page.locator('.sql-console');
    const editor = console_.locator('textarea');

    await editor.fill('SELECT count(*) AS buildings, count(DISTINCT oid) AS oids FROM buildings');
    await console_.getByRole('button', { name: '运行' }).click();
    await page.waitForSelector('.sql-console[data-phase=done]', { timeout: 120_000 });
    const cells = await console_.locator('.result-grid tbody td').allTextContents();
    expect(cells.map(Number)).toEqual([health.objectsByLayer.buildings, health.objectsByLayer.buildings]);

    // The schema browser lists a table's columns.
    await console_.locator('li[data-table=villages] button.expand').click();
    await expect.poll(() => console_.locator('li[data-table=villages] .sql-columns li').allTextContents()).toContain('name VARCHAR');

    // A long query can be cancelled, and the console works on.
    await editor.fill('SELECT count(*) FROM range(10000000000) a WHERE a.range % 7 = 3');
    await console_.getByRole('button', { name: '运行' }).click();
    await page.waitForSelector('.sql-console[data-phase=running][data-step=query]');
    await console_.getByRole('button', { name: '取消' }).click();
    await page.waitForSelector('.sql-console[data-phase=cancelled]');

    await editor.fill('SELECT nothing FROM buildings');
    await console_.getByRole('button', { name: '运行' }).click();
    await page.waitForSelector('.sql-console[data-phase=failed]');
    expect(await console_.locator('.sql-error').textContent()).toMatch(/Binder Error.*nothing/s);

    // Records are tables too, as the data API shows them: incidents by status, and a join with their steps.
    const incidents = (await (await fetch(`${twin.server.url}/api/incidents?limit=500`)).json()) as { total: number; incidents: { id: string; status: string; steps?: unknown[] }[] };
    await editor.fill('SELECT status, count(*) AS n FROM incidents GROUP BY status ORDER BY status');
    await console_.getByRole('button', { name: '运行' }).click();
    await page.waitForSelector('.sql-console[data-phase=done]');
    const byStatus = new Map<string, number>();
    for (const incident of incidents.incidents) byStatus.set(incident.status, (byStatus.get(incident.status) ?? 0) + 1);
    const statusRows = await console_.locator('.result-grid tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
    expect(new Map(statusRows.map(([status, n]) => [status!, Number(n)]))).toEqual(byStatus);
    expect(incidents.total).toBe(incidents.incidents.length);
    const sampleIncident = incidents.incidents[0]!;
    const detail = (await (await fetch(`${twin.server.url}/api/incidents/${sampleIncident.id}`)).json()) as { steps: unknown[] };
    await editor.fill(`SELECT count(*) AS steps FROM incident_steps s JOIN incidents i ON s.incident_id = i.id WHERE i.id = '${sampleIncident.id}'`);
    await console_.getByRole('button', { name: '运行' }).click();
    await page.waitForSelector('.sql-console[data-phase=done]');
    expect(Number(await console_.locator('.result-grid tbody td').first().textContent())).toBe(detail.steps.length);

    await editor.fill('SELECT use, count(*) AS n, round(avg(height), 1) AS mean_height FROM buildings GROUP BY use ORDER BY n DESC');
    await console_.getByRole('button', { name: '运行' }).click();
    await page.waitForSelector('.sql-console[data-phase=done]');
    expect(await console_.locator('.result-grid').getAttribute('data-rows')).not.toBe('0');
    expect(await console_.locator('.result-chart svg rect').count()).toBe(Number(await console_.locator('.result-grid').getAttribute('data-rows')));
    await console_.getByRole('button', { name: '饼图' }).click();
    expect(await console_.locator('.result-chart svg path').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'analyst-sql');
  }, 240_000);

  it('highlights the buildings and the parcels a query returns in 3D, framed on screen', async () => {
    const page = await twin.openPage();
    await page.goto(`${twin.server.url}/?layers=relief-basemap,terrain,buildings&view=119.8156,28.8700,2500,0,-45`);
    await waitForScene(page);
    await page.getByRole('button', { name: 'SQL' }).click();
    const console_ = page.locator('.sql-console');
    // The tall buildings of a few blocks of the county seat.
    const blocks = (row: { lon: number; lat: number }) => row.lon >= 119.814 && row.lon <= 119.817 && row.lat >= 28.894 && row.lat <= 28.897;
    await console_.locator('textarea').fill('SELECT oid, lon, lat, height FROM buildings WHERE height >= 60 AND lon BETWEEN 119.814 AND 119.817 AND lat BETWEEN 28.894 AND 28.897');
    await console_.getByRole('button', { name: '运行' }).click();
    await page.waitForSelector('.sql-console[data-phase=done]', { timeout: 120_000 });
    await console_.getByRole('button', { name: '在三维中显示' }).click();
    await console_.getByRole('button', { name: '关闭' }).click();
    await waitForScene(page);
    await saveScreenshot(page, 'analyst-highlight');
    // The oracle is the layer's table: each tall building's roof, where the twin projects it, is drawn yellow
    // (a roof can hide only behind a taller building, itself yellow).
    const tall = (await layerRows(twin.server.url, 'buildings')).filter((row) => Number(row.height) >= 60 && blocks(row));
    const roofs = (await projectOnGlobe(page, tall.map((row) => [row.lon, row.lat, Number(row.base) + Number(row.height)]))).filter((roof) => roof !== null);
    expect(roofs.length, 'tall buildings framed on screen').toBeGreaterThanOrEqual(Math.min(10, tall.length));
    let pixels = await PagePixels.of(page);
    const yellowNear = ([x, y]: [number, number]) =>
      [-2, -1, 0, 1, 2].some((dx) => [-2, -1, 0, 1, 2].some((dy) => isYellow(...pixels.at(x + dx, y + dy))));
    expect(roofs.filter(yellowNear).length / roofs.length, 'tall buildings drawn in the highlight yellow').toBeGreaterThan(0.8);

    // Parcels, which no layer draws one by one: outlined from their geometry in the layer's table, and flown to.
    // (Buildings off: the outlines lie on the ground, under them.)
    await page.locator('[data-layer-id=buildings] input').uncheck();
    const township = '330723205';
    const parcels = (await layerRows(twin.server.url, 'landuse')).filter((row) => row.township === township && row.code === '0701');
    expect(parcels.length).toBeGreaterThanOrEqual(5);
    await page.getByRole('button', { name: 'SQL' }).click();
    await console_.locator('textarea').fill(`SELECT oid, className, area FROM landuse WHERE township = '${township}' AND code = '0701'`);
    await console_.getByRole('button', { name: '运行' }).click();
    await page.waitForSelector('.sql-console[data-phase=done]', { timeout: 120_000 });
    expect(await console_.locator('.result-grid').getAttribute('data-rows')).toBe(String(parcels.length));
    await console_.getByRole('button', { name: '在三维中显示' }).click();
    await console_.getByRole('button', { name: '关闭' }).click();
    await waitForScene(page);
    await saveScreenshot(page, 'analyst-highlight-parcels');
    const corners = parcels.flatMap((row) => polygonsOf(row).flatMap((polygon) => polygon[0]!));
    const heights = await terrainHeights(page, corners);
    const onScreen = await projectOnGlobe(page, corners.map(([lon, lat], i) => [lon, lat, heights[i] ?? 0]));
    expect(onScreen.filter((point) => point === null), 'the parcels framed on screen, clear of the panels').toEqual([]);
    // The oracle is the layer's geometry: the yellow line runs through each parcel's corners.
    pixels = await PagePixels.of(page);
    const outlined = onScreen.filter((point) => point && yellowNear(point)).length;
    expect(outlined / corners.length, 'parcel corners on the highlight line').toBeGreaterThan(0.8);
  }, 240_000);

  it('exports a result whose rows match, and a shared link reruns its query', async () => {
    const page = await twin.openPage();
    const sql = "SELECT name, code, lon, lat FROM villages WHERE name LIKE '%村%' ORDER BY code LIMIT 25";
    await page.goto(`${twin.server.url}/?layers=&sql=${encodeURIComponent(sql)}`);
    const console_ = page.locator('.sql-console');
    await page.waitForSelector('.sql-console[data-phase=done]', { timeout: 120_000 });
    expect(await console_.locator('textarea').inputValue()).toBe(sql);
    expect(await console_.locator('.result-grid').getAttribute('data-rows')).toBe('25');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), console_.getByRole('button', { name: '导出 CSV' }).click()]);
    const bytes = await readFile(await csvDownload.path());
    expect([...bytes.subarray(0, 3)], 'a UTF-8 byte-order mark, for Excel').toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(csv[0]).toBe('name,code,lon,lat');
    expect(csv).toHaveLength(26);
    const shown = await console_.locator('.result-grid tbody tr').first().locator('td').allTextContents();
    expect(csv[1]!.split(',').slice(0, 2)).toEqual(shown.slice(0, 2));

    const [geoDownload] = await Promise.all([page.waitForEvent('download'), console_.getByRole('button', { name: '导出 GeoJSON' }).click()]);
    const geojson = JSON.parse((await readFile(await geoDownload.path())).toString('utf8')) as { features: { properties: { code: string }; geometry: { type: string } }[] };
    expect(geojson.features).toHaveLength(25);
    expect(geojson.features[0]!.properties.code).toBe(shown[1]);
    expect(geojson.features[0]!.geometry.type).toBe('Point');

    // The console folds to its title, out of the globe's way, and opens again with its result.
    const height = (await console_.boundingBox())!.height;
    await console_.locator('.collapse-toggle').click();
    expect(await console_.locator('.sql-body').isVisible()).toBe(false);
    expect((await console_.boundingBox())!.height).toBeLessThan(height / 4);
    await console_.locator('.collapse-toggle').click();
    expect(await console_.locator('.result-grid').getAttribute('data-rows')).toBe('25');
  }, 240_000);

  it('scrolls a million-row result, drawing only the rows in view', async () => {
    const page = await twin.openPage();
    await page.goto(`${twin.server.url}/?layers=&sql=${encodeURIComponent('SELECT range AS n, range % 97 AS bucket FROM range(1000000)')}`);
    await page.waitForSelector('.sql-console[data-phase=done]', { timeout: 120_000 });
    const grid = page.locator('.sql-console .result-grid');
    expect(await grid.getAttribute('data-rows')).toBe('1000000');
    const drawn = () => grid.locator('tbody tr').count();
    expect(await drawn()).toBeLessThan(30);

    // Scroll to the end, as a wheel would, through the middle.
    const lastShown = () => grid.locator('tbody tr').last().locator('th').textContent();
    for (const share of [0.25, 0.5, 1]) {
      await grid.evaluate((element, at) => (element.scrollTop = element.scrollHeight * at), share);
      await expect.poll(async () => Number(await lastShown())).toBeGreaterThan(share * 999_000);
    }
    await expect.poll(lastShown).toBe('1000000');
    expect(await drawn()).toBeLessThan(30);
    const lastRow = grid.locator('tbody tr').last();
    expect(await lastRow.locator('td').allTextContents()).toEqual(['999999', String(999999 % 97)]);
  }, 240_000);
});
