import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => (t = await createTestApp()));
afterEach(() => t.close());

describe('objects API', () => {
  it('returns an object with the incidents, monitoring points and lifecycle records bound to it', async () => {
    await t.call('POST', '/api/incidents', { as: 'operator', body: { type: '设施损坏', title: '路灯损坏', lon: 119.81225, lat: 28.81225 } });
    await t.call('POST', '/api/monitoring/points', {
      as: 'operator',
      body: { points: [{ id: 'cam:1', kind: 'camera', name: '县政府视频', unit: '', lon: 119.8121, lat: 28.8121 }] },
    });
    await t.call('POST', `/api/codes/330723001-0701-00001/lifecycle`, {
      as: 'operator',
      body: { stage: '规划', date: '2019-03-01', summary: '纳入规划', department: '县自然资源和规划局' },
    });

    const building = await (await t.call('GET', '/api/objects/bldg:330723-000001')).json();
    expect(building).toMatchObject({ oid: 'bldg:330723-000001', layerId: 'buildings', properties: { name: '县政府' }, geometry: { type: 'Polygon' } });
    expect(building.records.incidents.map((i: { title: string }) => i.title)).toEqual(['路灯损坏']);
    expect(building.records.monitoringPoints.map((p: { id: string }) => p.id)).toEqual(['cam:1']);

    const parcel = await (await t.call('GET', `/api/objects/${encodeURIComponent('parcel:330723-000001')}`)).json();
    expect(parcel.records.lifecycle).toEqual([expect.objectContaining({ stage: '规划', date: '2019-03-01', resourceCode: '330723001-0701-00001' })]);
  });

  it('counts the objects of each layer in the health answer', async () => {
    const health = await (await t.call('GET', '/api/health')).json();
    expect(health.objectsByLayer).toEqual({ 'county-boundary': 1, townships: 1, landuse: 1, buildings: 1 });
  });

  it('finds the smallest object at a position', async () => {
    const at = async (lonLat: string) => (await (await t.call('GET', `/api/objects?at=${lonLat}`)).json()).oid;
    expect(await at('119.81225,28.81225')).toBe('bldg:330723-000001');
    expect(await at('119.818,28.818')).toBe('parcel:330723-000001');
    expect(await at('119.85,28.85')).toBe('admin:330723001');
    expect(await at('119.5,28.5')).toBe('admin:330723');
    expect((await t.call('GET', '/api/objects?at=10,10')).status).toBe(204);
  });

  it('refuses malformed positions and unknown ids', async () => {
    for (const bad of ['', '119.8', '119.8,28.8,3', 'east,north', '200,28']) {
      const response = await t.call('GET', `/api/objects?at=${bad}`);
      expect(response.status, bad).toBe(400);
      expect((await response.json()).error.message).toMatch(/Query parameter "at"/);
    }
    expect((await t.call('GET', '/api/objects/bldg:404')).status).toBe(404);
  });
});

describe('resource codes API', () => {
  it('looks a code up with its parcel and lifecycle, and searches by prefix', async () => {
    for (const [stage, date] of [['供地', '2020-05-01'], ['规划', '2019-03-01']]) {
      const response = await t.call('POST', '/api/codes/330723001-0701-00001/lifecycle', { as: 'operator', body: { stage, date, summary: stage, department: '县自然资源和规划局' } });
      expect(response.status).toBe(201);
    }
    const found = await (await t.call('GET', '/api/codes/330723001-0701-00001')).json();
    expect(found.objects.map((o: { oid: string }) => o.oid)).toEqual(['parcel:330723-000001']);
    expect(found.lifecycle.map((r: { stage: string }) => r.stage)).toEqual(['规划', '供地']);
    const prefixed = await (await t.call('GET', '/api/codes?prefix=330723001')).json();
    expect(prefixed.codes.map((c: { resourceCode: string }) => c.resourceCode)).toEqual(['330723001-0701-00001']);
    expect((await (await t.call('GET', '/api/codes?prefix=330723002')).json()).codes).toEqual([]);
  });

  it('refuses unknown codes, short prefixes and bad lifecycle records', async () => {
    expect((await t.call('GET', '/api/codes/330723009-0101-99999')).status).toBe(404);
    expect((await t.call('GET', '/api/codes?prefix=33')).status).toBe(400);
    const post = (body: object) => t.call('POST', '/api/codes/330723001-0701-00001/lifecycle', { as: 'operator', body });
    const bad = await post({ stage: '拆迁', date: '2019-03-01', summary: 'x', department: 'y' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/Field "stage"/);
    expect((await (await post({ stage: '规划', date: '2019-13-01', summary: 'x', department: 'y' })).json()).error.message).toMatch(/Field "date"/);
    expect((await t.call('POST', '/api/codes/nope/lifecycle', { as: 'operator', body: { stage: '规划', date: '2019-03-01', summary: 'x', department: 'y' } })).status).toBe(404);
    expect(await t.store.lifecycle('330723001-0701-00001')).toEqual([]);
  });
});
