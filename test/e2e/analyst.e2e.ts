import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.ts';
import { twinSuite } from './support/twinSuite.ts';

const twin = twinSuite();

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

    await editor.fill('SELECT nothing FROM buildings');
    await console_.getByRole('button', { name: '运行' }).click();
    await page.waitForSelector('.sql-console[data-phase=failed]');
    expect(await console_.locator('.sql-error').textContent()).toMatch(/Binder Error.*nothing/s);

    await editor.fill('SELECT use, count(*) AS n, round(avg(height), 1) AS mean_height FROM buildings GROUP BY use ORDER BY n DESC');
    await console_.getByRole('button', { name: '运行' }).click();
    await page.waitForSelector('.sql-console[data-phase=done]');
    expect(await console_.locator('.result-grid').getAttribute('data-rows')).not.toBe('0');
    await saveScreenshot(page, 'analyst-sql');
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
    const csv = (await readFile(await csvDownload.path())).toString('utf8').trim().split('\r\n');
    expect(csv[0]).toBe('name,code,lon,lat');
    expect(csv).toHaveLength(26);
    const shown = await console_.locator('.result-grid tbody tr').first().locator('td').allTextContents();
    expect(csv[1]!.split(',').slice(0, 2)).toEqual(shown.slice(0, 2));

    const [geoDownload] = await Promise.all([page.waitForEvent('download'), console_.getByRole('button', { name: '导出 GeoJSON' }).click()]);
    const geojson = JSON.parse((await readFile(await geoDownload.path())).toString('utf8')) as { features: { properties: { code: string }; geometry: { type: string } }[] };
    expect(geojson.features).toHaveLength(25);
    expect(geojson.features[0]!.properties.code).toBe(shown[1]);
    expect(geojson.features[0]!.geometry.type).toBe('Point');
  }, 240_000);
});
