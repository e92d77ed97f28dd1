import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.ts';
import { countPixels, screenshotGlobe } from './support/canvasPixels.ts';
import { twinSuite } from './support/twinSuite.ts';
import { groundPointOnScreen, waitForScene } from './support/twinPage.ts';

const token = 'e2e-operator-token-0123456789';

const twin = twinSuite({ env: { TWIN_TOKENS: `duty-room:operator:${token}` } });

/** Pixels in the highlight colour (#ff3d00 as lit: strong red, some green, almost no blue — unlike the red of alerts and status dots). */
const highlightPixels = (png: Buffer) => countPixels(png, (r, g, b) => r > 150 && g < 110 && b < 25 && r > 2.5 * g);

const report = (title: string) =>
  fetch(`${twin.server.url}/api/incidents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: '道路积水', title, lon: 119.8155, lat: 28.8956 }),
  }).then(async (response) => {
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  });

describe('commander: incidents live in 3D', () => {
  it('shows a reported incident on the board at once, and a click flies to its building and highlights it', async () => {
    const page = await twin.openPage();
    await page.goto(`${twin.server.url}/?layers=relief-basemap,terrain,buildings,incidents&view=119.8156,28.8870,900,0,-40`);
    await waitForScene(page);
    const { total } = (await (await fetch(`${twin.server.url}/api/incidents?limit=1`)).json()) as { total: number };
    await expect.poll(() => page.locator('.incident-list li').count()).toBe(total);
    await page.waitForSelector('.incident-board[data-stream=live]');

    const building = (await (await fetch(`${twin.server.url}/api/objects?at=119.8156,28.8955`)).json()) as { oid: string };
    expect(building.oid).toMatch(/^bldg:/);
    const posted = performance.now();
    const response = await fetch(`${twin.server.url}/api/incidents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: '设施损坏', title: '端到端测试：路灯损坏', oid: building.oid, floor: 3 }),
    });
    expect(response.status).toBe(201);
    const incident = (await response.json()) as { id: string; lon: number; lat: number };
    const alert = page.locator(`.incident-alert[data-incident-id="${incident.id}"]`);
    await alert.waitFor({ timeout: 5000 });
    const shownAfterMs = performance.now() - posted;
    console.log(`incident on screen ${shownAfterMs.toFixed(0)} ms after the POST was sent`);
    expect(shownAfterMs, 'the alert appears within a second').toBeLessThan(1000);
    expect(await page.locator('.incident-list li').first().getAttribute('data-incident-id')).toBe(incident.id);

    const before = highlightPixels(await screenshotGlobe(page));
    await page.locator(`.incident-list li[data-incident-id="${incident.id}"] button`).click();
    await page.waitForSelector(`.app[data-selected-oid="${building.oid}"]`);
    await page.waitForTimeout(2000); // the flight
    await waitForScene(page);
    await saveScreenshot(page, 'incident-selected');
    const after = highlightPixels(await screenshotGlobe(page));
    expect(after - before, 'the bound building is drawn in the highlight colour').toBeGreaterThan(300);

    // The detail lists what is near, and an operator assigns the case; every open viewer sees it.
    const other = await twin.context().newPage();
    await other.goto(`${twin.server.url}/?layers=incidents&view=119.8156,28.8870,9000,0,-60`);
    await other.waitForSelector(`.incident-list li[data-incident-id="${incident.id}"]`);
    const detail = page.locator(`.incident-detail[data-incident-id="${incident.id}"]`);
    await detail.waitFor();
    await expect.poll(() => detail.locator('.nearby-points li[data-point-id]').count()).toBeGreaterThan(0);
    await detail.locator('input[type=password]').fill(token);
    await detail.locator('form.token-prompt button[type=submit]').click();
    await detail.locator('.step-actions input').fill('县住房和城乡建设局');
    await detail.locator('button[data-step="交办"]').click();
    for (const viewer of [page, other]) {
      await expect.poll(() => viewer.locator(`.incident-list li[data-incident-id="${incident.id}"] .incident-meta`).textContent()).toContain('交办');
    }
    await expect.poll(() => detail.locator('.steps li').count()).toBe(2);
    await other.close();
    await saveScreenshot(page, 'incident-assigned');

    // Clicking the incident in 3D shows its building with everything bound to it.
    const point = await groundPointOnScreen(page, incident.lon, incident.lat);
    expect(point, 'the incident is on screen').toBeDefined();
    await page.mouse.click(point![0], point![1]);
    await page.waitForSelector(`.object-info[data-oid="${building.oid}"] .bound-incidents li[data-incident-id="${incident.id}"]`, { timeout: 10_000 });
    await saveScreenshot(page, 'incident-object-panel');
  }, 240_000);

  it('reconnects by itself after the server restarts and shows what was reported meanwhile', async () => {
    const page = await twin.openPage();
    await page.goto(`${twin.server.url}/?layers=incidents&view=119.8156,28.8870,9000,0,-60`);
    await page.waitForSelector('.incident-board[data-stream=live]', { timeout: 60_000 });
    const before = await report('重启前上报');
    await page.waitForSelector(`.incident-list li[data-incident-id="${before}"]`);

    await twin.server.restart();
    // Reported before the page's stream has found the new server: it must come as a replay.
    const during = await report('重启期间上报');
    await page.waitForSelector('.incident-board[data-stream=live]', { timeout: 30_000 });
    await page.waitForSelector(`.incident-list li[data-incident-id="${during}"]`, { timeout: 10_000 });
    expect(await page.locator(`.incident-list li[data-incident-id="${before}"]`).count()).toBe(1);
    await saveScreenshot(page, 'incidents-after-restart');
  }, 240_000);
});
