import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.ts';
import { countPixels, screenshotGlobe } from './support/canvasPixels.ts';
import { PagePixels, colourDistance, projectOnGlobe, terrainHeights } from './support/screenSamples.ts';
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
  it('reports an incident on the building clicked, shows it on every board at once, and a click on it flies there and highlights the building', async () => {
    const page = await twin.openPage();
    // Every tone the page starts, to hear the chime without speakers.
    await page.addInitScript(`{
      window.tonesStarted = 0;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args) { window.tonesStarted++; return start.apply(this, args); };
    }`);
    await page.goto(`${twin.server.url}/?layers=relief-basemap,terrain,buildings,incidents&view=119.8156,28.8870,900,0,-40`);
    await waitForScene(page);
    const { total } = (await (await fetch(`${twin.server.url}/api/incidents?limit=1`)).json()) as { total: number };
    await expect.poll(() => page.locator('.incident-list li').count()).toBe(total);
    await page.waitForSelector('.incident-board[data-stream=live]');

    const building = (await (await fetch(`${twin.server.url}/api/objects?at=119.8156,28.8955`)).json()) as { oid: string; properties: { base: number; height: number; floors: number } };
    expect(building.oid).toMatch(/^bldg:/);
    expect(building.properties.floors).toBeGreaterThanOrEqual(3);
    const before = highlightPixels(await screenshotGlobe(page));

    // The commander clicks the building's roof, and reports from its panel.
    const roof = await page.evaluate(({ height }) => window.wuyiTwin!.screenPosition(119.8156, 28.8955, height), { height: building.properties.base + building.properties.height });
    expect(roof, 'the roof is on screen').toBeDefined();
    await page.mouse.click(roof![0], roof![1]);
    const panel = page.locator(`.object-info[data-oid="${building.oid}"]`);
    await panel.waitFor({ timeout: 10_000 });
    await panel.locator('.report-incident-open').click();
    await panel.locator('form.token-prompt input[type=password]').fill(token);
    await panel.locator('form.token-prompt button[type=submit]').click();
    const form = panel.locator('form.report-incident');
    await form.locator('select').first().selectOption('设施损坏');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[role=alert]').textContent(), { message: 'a report without a title is refused in the form' }).toBe('请填写事件标题');
    await form.locator('input').fill('端到端测试：路灯损坏');
    await form.locator('select').nth(1).selectOption('3');
    await saveScreenshot(page, 'incident-report-form');
    // Timed from the page's POST: the click's own wait for a steady element is the browser's, not the twin's.
    let posted = 0;
    page.on('request', (request) => request.method() === 'POST' && request.url().endsWith('/api/incidents') && (posted = performance.now()));
    await form.locator('button[type=submit]').click();
    const alert = page.locator('.incident-alert').first();
    await alert.waitFor({ timeout: 5000 });
    const shownAfterMs = performance.now() - posted;
    console.log(`incident on screen ${shownAfterMs.toFixed(0)} ms after the page posted the report`);
    expect(shownAfterMs, 'the alert appears within a second').toBeLessThan(1000);
    const reportedId = (await alert.getAttribute('data-incident-id'))!;
    // What the server stored is what was asked for, on that building.
    const incident = (await (await fetch(`${twin.server.url}/api/incidents/${encodeURIComponent(reportedId)}`)).json()) as {
      id: string; type: string; title: string; floor: number; lon: number; lat: number; binding: { oid: string };
    };
    expect(incident).toMatchObject({ type: '设施损坏', title: '端到端测试：路灯损坏', floor: 3, binding: { oid: building.oid } });
    expect(await page.locator('.incident-list li').first().getAttribute('data-incident-id')).toBe(incident.id);
    // The tab that reported it has it open: read, not counted.
    await page.waitForSelector(`.incident-detail[data-incident-id="${incident.id}"]`);
    expect(await page.locator('.unread-count').count()).toBe(0);

    await page.locator(`.incident-list li[data-incident-id="${incident.id}"] button`).click();
    await page.waitForSelector(`.app[data-selected-oid="${building.oid}"]`);
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
    // The token given for the report serves the whole session.
    await detail.locator('.step-actions input').fill('县住房和城乡建设局');
    await detail.locator('button[data-step="交办"]').click();
    for (const viewer of [page, other]) {
      await expect.poll(() => viewer.locator(`.incident-list li[data-incident-id="${incident.id}"] .incident-meta`).textContent()).toContain('交办');
    }
    await expect.poll(() => detail.locator('.steps li').count()).toBe(2);
    await saveScreenshot(page, 'incident-assigned');

    // Clicking the incident in 3D shows its building with everything bound to it.
    const point = await groundPointOnScreen(page, incident.lon, incident.lat);
    expect(point, 'the incident is on screen').toBeDefined();
    await page.mouse.click(point![0], point![1]);
    await page.waitForSelector(`.object-info[data-oid="${building.oid}"] .bound-incidents li[data-incident-id="${incident.id}"]`, { timeout: 10_000 });
    await saveScreenshot(page, 'incident-object-panel');

    // Another duty room reports one: counted unread on the boards, with a chime where it is on, until it is opened.
    await page.locator('.incident-sound').click();
    expect(await page.locator('.incident-sound').getAttribute('aria-pressed')).toBe('true');
    const tonesBefore = (await page.evaluate('window.tonesStarted')) as number;
    const second = await report('端到端测试：另一值班室上报');
    for (const viewer of [page, other]) {
      await expect.poll(() => viewer.locator('.unread-count').textContent()).toBe('1 未读');
      expect(await viewer.locator(`.incident-list li[data-incident-id="${second}"]`).getAttribute('data-unread')).toBe('true');
    }
    await expect.poll(() => page.evaluate('window.tonesStarted'), { message: 'the chime sounds' }).toBe(tonesBefore + 2);
    expect(await other.evaluate('window.tonesStarted ?? 0'), 'no chime where it is off').toBe(0);
    await saveScreenshot(page, 'incident-unread');
    await page.locator(`.incident-list li[data-incident-id="${second}"] button`).click();
    await expect.poll(() => page.locator('.unread-count').count()).toBe(0);
    await other.locator('.unread-count').click();
    await expect.poll(() => other.locator('.unread-count').count()).toBe(0);
    await other.close();
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
  it('replays the board as it stood: an incident closed at T shows handled just before T, closed just after, absent before it was reported', async () => {
    const id = await report('端到端测试：回放');
    const step = async (body: object) => {
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const response = await fetch(`${twin.server.url}/api/incidents/${encodeURIComponent(id)}/steps`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
    };
    await step({ to: '交办', assignee: '城管中队' });
    await step({ to: '处置' });
    await step({ to: '办结', note: '已修复' });
    // The oracle: the incident's own steps, with the times the server gave them.
    const { steps, reportedAt } = (await (await fetch(`${twin.server.url}/api/incidents/${encodeURIComponent(id)}`)).json()) as { reportedAt: string; steps: { status: string; at: string }[] };
    const closedAt = Date.parse(steps.find((s) => s.status === '办结')!.at);
    const page = await twin.openPage();
    const statusAt = async (instant: number) => {
      await page.goto(`${twin.server.url}/?layers=relief-basemap,terrain,incidents&asOf=${new Date(instant).toISOString()}`);
      await page.locator(`.incident-board .stream-state.replay[data-replay-at="${new Date(instant).toISOString()}"]`).waitFor();
      await page.waitForSelector('.replay-bar');
      const row = page.locator(`.incident-list li[data-incident-id="${id}"]`);
      // The sample's incidents of last month stand at every instant replayed: the list is there once they show.
      await expect.poll(() => page.locator('.incident-list li').count()).toBeGreaterThan(0);
      return (await row.count()) === 0 ? 'absent' : ((await row.locator('.incident-meta').textContent()) ?? '').split(' · ')[0]!.trim();
    };
    expect(await statusAt(closedAt - 500)).toBe('处置');
    expect(await statusAt(closedAt + 500)).toBe('办结');
    expect(await statusAt(Date.parse(reportedAt) - 60_000)).toBe('absent');
    await saveScreenshot(page, 'incident-replay');
    // Back to live: the board follows the stream again, the link forgets the moment.
    await page.locator('.replay-live').click();
    await page.locator('.incident-board[data-stream=live] .stream-state.live').waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();

    // A storyboard scene at that moment: the wall's clock and figures are those of /api/dashboard?asOf=, not today's.
    const moment = new Date(closedAt - 500).toISOString();
    const put = await fetch(`${twin.server.url}/api/storyboards/after-action`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: { zh: '复盘', en: 'After action' },
        scenes: [{ title: { zh: '办结之前', en: 'Before closing' }, camera: { lon: 119.8156, lat: 28.887, height: 2500, heading: 0, pitch: -40 }, layers: ['terrain', 'incidents'], durationSeconds: 60, asOf: moment }],
      }),
    });
    expect(put.status).toBe(200);
    const closedThen = (await (await fetch(`${twin.server.url}/api/dashboard?asOf=${moment}`)).json()) as { incidents: { byStatus: Record<string, number> } };
    const closedNow = (await (await fetch(`${twin.server.url}/api/dashboard`)).json()) as { incidents: { byStatus: Record<string, number> } };
    expect(closedNow.incidents.byStatus.办结).toBe(closedThen.incidents.byStatus.办结! + 1);
    await page.goto(`${twin.server.url}/present/after-action?kiosk`);
    await page.locator(`.county-clock[data-replay=true][datetime="${moment}"]`).waitFor();
    await expect.poll(() => page.locator('.strip-legend li[data-status="办结"] b').textContent()).toBe(String(closedThen.incidents.byStatus.办结));
  });
  it('draws where incidents gather as heat: warm over the densest cluster of incidents, the ground far from any as it was', async () => {
    // The oracle: the incidents themselves; their densest spot is where most lie within 600 m.
    const { incidents } = (await (await fetch(`${twin.server.url}/api/incidents?limit=500`)).json()) as { incidents: { lon: number; lat: number }[] };
    const near = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) => Math.hypot((a.lon - b.lon) * 97_000, (a.lat - b.lat) * 111_000) < 600;
    const hottest = incidents.reduce((best, incident) => (incidents.filter((other) => near(incident, other)).length > incidents.filter((other) => near(best, other)).length ? incident : best));
    const page = await twin.openPage({ width: 1600, height: 900 });
    await page.goto(`${twin.server.url}/?layers=relief-basemap,terrain,incidents&view=${hottest.lon},${hottest.lat + 0.01},20000,0,-89`);
    await waitForScene(page);
    // Ground 3–5 km off with no incident within 2 km, and the ground by the hottest spot, where drawn on the globe.
    const metres = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) => Math.hypot((a.lon - b.lon) * 97_000, (a.lat - b.lat) * 111_000);
    const candidates = [3000, 4000, 5000].flatMap((distance) =>
      Array.from({ length: 12 }, (_, k) => ({ lon: hottest.lon + (distance * Math.cos((k * Math.PI) / 6)) / 97_000, lat: hottest.lat + (distance * Math.sin((k * Math.PI) / 6)) / 111_000 })),
    );
    // The heat reaches three spreads (1.8 km) from an incident.
    const quiet = candidates.filter((point) => incidents.every((incident) => metres(point, incident) > 2000));
    expect(quiet.length, 'somewhere near is quiet').toBeGreaterThan(0);
    // Around the hottest incident, 400 m off in eight directions (clear of its own marker).
    const around = Array.from({ length: 8 }, (_, k) => ({ lon: hottest.lon + (400 * Math.cos((k * Math.PI) / 4)) / 97_000, lat: hottest.lat + (400 * Math.sin((k * Math.PI) / 4)) / 111_000 }));
    const spots = [...around, ...quiet];
    const grounds = await terrainHeights(page, spots.map(({ lon, lat }) => [lon, lat]));
    const projected = await projectOnGlobe(page, spots.map(({ lon, lat }, i) => [lon, lat, grounds[i] ?? 0]));
    const hotOnScreen = projected.slice(0, around.length).filter((point) => point !== null);
    const quietOnScreen = projected.slice(around.length).filter((point) => point !== null);
    expect(hotOnScreen.length, 'the hot spot is on screen').toBeGreaterThan(4);
    expect(quietOnScreen.length, 'a quiet place is on screen').toBeGreaterThan(0);
    const before = await PagePixels.of(page);
    await page.locator('.incident-heat').click();
    expect(await page.locator('.incident-heat').getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(1500);
    const after = await PagePixels.of(page);
    const warmer = hotOnScreen.map(([x, y]) => after.at(x, y)[0] - after.at(x, y)[2] > before.at(x, y)[0] - before.at(x, y)[2] + 40);
    expect(warmer.filter(Boolean).length / warmer.length, 'the hot spot is warm (red over blue)').toBeGreaterThan(0.7);
    for (const [x, y] of quietOnScreen) expect(colourDistance(after.at(x, y), before.at(x, y)), 'quiet ground is as it was').toBeLessThan(12);
    await saveScreenshot(page, 'incident-heat');
  });
});
