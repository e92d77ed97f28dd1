import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => (t = await createTestApp()));
afterEach(() => t.close());

const scene = (title: string, lon = 119.8) => ({
  title: { zh: title, en: title },
  camera: { lon, lat: 28.9, height: 1500, heading: 0, pitch: -30 },
  layers: ['terrain', 'buildings'],
  durationSeconds: 8,
});

describe('storyboard API', () => {
  it("lists the catalog's storyboards, which cannot be changed through the API", async () => {
    const { storyboards } = await (await t.call('GET', '/api/storyboards')).json();
    expect(storyboards.map((s: { id: string; origin: string }) => [s.id, s.origin])).toEqual([['county-overview', 'catalog']]);
    expect((await (await t.call('GET', '/api/storyboards/county-overview')).json()).scenes.length).toBeGreaterThan(1);
    const overwrite = await t.call('PUT', '/api/storyboards/county-overview', { as: 'operator', body: { title: { zh: 'x', en: 'x' }, scenes: [scene('a')] } });
    expect(overwrite.status).toBe(409);
    expect((await t.call('POST', '/api/storyboards/county-overview/scenes', { as: 'operator', body: scene('a') })).status).toBe(409);
    expect((await t.call('DELETE', '/api/storyboards/county-overview', { as: 'operator' })).status).toBe(409);
  });

  it('saves a storyboard, grows it scene by scene and deletes it, each write audited', async () => {
    const created = await t.call('PUT', '/api/storyboards/briefing', { as: 'operator', body: { title: { zh: '汇报', en: 'Briefing' }, scenes: [scene('one')] } });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ id: 'briefing', origin: 'saved', updatedBy: 'operator-user', scenes: [{ title: { zh: 'one' } }] });
    const grown = await t.call('POST', '/api/storyboards/briefing/scenes', { as: 'operator', body: scene('two', 119.9) });
    expect(grown.status).toBe(201);
    const stored = await (await t.call('GET', '/api/storyboards/briefing')).json();
    expect(stored.scenes.map((s: { title: { zh: string }; camera: { lon: number } }) => [s.title.zh, s.camera.lon])).toEqual([['one', 119.8], ['two', 119.9]]);
    expect((await (await t.call('GET', '/api/storyboards')).json()).storyboards.map((s: { id: string }) => s.id)).toEqual(['county-overview', 'briefing']);

    expect((await t.call('DELETE', '/api/storyboards/briefing', { as: 'operator' })).status).toBe(204);
    expect((await t.call('GET', '/api/storyboards/briefing')).status).toBe(404);
    const audit = await (await t.call('GET', '/api/audit', { as: 'admin' })).json();
    expect(audit.entries.map((e: { action: string }) => e.action).filter((a: string) => a.startsWith('storyboard'))).toEqual(
      expect.arrayContaining(['storyboard.save', 'storyboard.scene.add', 'storyboard.delete']),
    );
  });

  it('refuses anonymous writes, bad ids and bad scenes, naming the field, and leaves the stored storyboard whole', async () => {
    await t.call('PUT', '/api/storyboards/briefing', { as: 'operator', body: { title: { zh: '汇报', en: 'Briefing' }, scenes: [scene('one')] } });
    expect((await t.call('PUT', '/api/storyboards/other', { body: { title: { zh: 'x', en: 'x' }, scenes: [scene('a')] } })).status).toBe(401);
    expect((await t.call('POST', '/api/storyboards/briefing/scenes', { as: 'viewer', body: scene('a') })).status).toBe(403);
    const badId = await t.call('PUT', '/api/storyboards/Bad%20Id', { as: 'operator', body: { title: { zh: 'x', en: 'x' }, scenes: [scene('a')] } });
    expect(badId.status).toBe(400);
    const badScene = await t.call('POST', '/api/storyboards/briefing/scenes', { as: 'operator', body: { ...scene('a'), durationSeconds: 0.5 } });
    expect(badScene.status).toBe(400);
    expect((await badScene.json()).error.message).toContain('durationSeconds');
    const badCamera = await t.call('PUT', '/api/storyboards/briefing', { as: 'operator', body: { title: { zh: 'x', en: 'x' }, scenes: [{ ...scene('a'), camera: { lon: 200, lat: 0, height: 10 } }] } });
    expect((await badCamera.json()).error.message).toContain('scenes.0.camera.lon');
    const badAnalysis = await t.call('POST', '/api/storyboards/briefing/scenes', { as: 'operator', body: { ...scene('a'), analysis: '../audit' } });
    expect(badAnalysis.status).toBe(400);
    expect((await badAnalysis.json()).error.message).toContain('"analysis"');
    expect((await t.call('POST', '/api/storyboards/missing/scenes', { as: 'operator', body: scene('a') })).status).toBe(404);
    expect((await (await t.call('GET', '/api/storyboards/briefing')).json()).scenes.map((s: { title: { zh: string } }) => s.title.zh)).toEqual(['one']);
  });
});
