import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_OBJECTS, createTestApp, fixtureObject, testLayer, wuyiCatalogWith } from '../testApp.ts';

const square = (west: number, south: number, size: number) => ({
  type: 'Polygon',
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});
const parcel = (n: number, code: string, className: string, area: number) =>
  fixtureObject(`parcel:d${n}`, 'landuse', square(119.5 + n * 0.01, 28.5, 0.005), { code, className, area });
const building = (n: number, use?: string) => fixtureObject(`bldg:d${n}`, 'buildings', square(119.6 + n * 0.001, 28.6, 0.0005), use ? { use } : {});

let t: Awaited<ReturnType<typeof createTestApp>>;
afterEach(() => t.close());

async function dashboardApp(landUseAccess: 'public' | 'internal') {
  const catalog = await wuyiCatalogWith([
    testLayer({ id: 'landuse', kind: 'vector', access: landUseAccess, source: { type: 'geojson', url: '/data/landuse.geojson' } }),
    testLayer({ id: 'buildings', kind: 'buildings', source: { type: '3dtiles', url: '/data/buildings/tileset.json' } }),
  ]);
  const objects = [
    ...FIXTURE_OBJECTS.filter((object) => object.layerId !== 'landuse' && object.layerId !== 'buildings'),
    parcel(1, '0301', '乔木林地', 5000),
    parcel(2, '0101', '水田', 3000),
    parcel(3, '0301', '乔木林地', 2500),
    building(1, '住宅'),
    building(2, '住宅'),
    building(3, '商业'),
    building(4),
  ];
  return createTestApp({ catalog, objects });
}

describe('dashboard API', () => {
  it('counts incidents by status and township with the completion rate, live', async () => {
    t = await dashboardApp('public');
    const report = (lon: number) => t.call('POST', '/api/incidents', { as: 'operator', body: { type: '道路积水', title: '积水', lon, lat: 28.85 } });
    const inside = await (await report(119.85)).json();
    await report(119.86);
    await report(118.5);
    await t.call('POST', `/api/incidents/${inside.id}/steps`, { as: 'operator', body: { to: '交办', assignee: '城管' } });
    const closed = await (await report(119.87)).json();
    for (const step of [{ to: '交办', assignee: '城管' }, { to: '处置' }, { to: '办结', note: '已清理' }]) {
      expect((await t.call('POST', `/api/incidents/${closed.id}/steps`, { as: 'operator', body: step })).status).toBe(200);
    }
    const { incidents } = await (await t.call('GET', '/api/dashboard')).json();
    expect(incidents).toEqual({
      total: 4,
      byStatus: { 受理: 2, 交办: 1, 办结: 1 },
      byTownship: [
        { code: '330723001', name: '白洋街道', count: 3 },
        { code: null, name: null, count: 1 },
      ],
      completionRate: 0.25,
    });
  });

  it('sums land-use area by class and counts buildings by use, from the layers the catalog names', async () => {
    t = await dashboardApp('public');
    const figures = await (await t.call('GET', '/api/dashboard')).json();
    expect(figures.landUse).toEqual([
      { code: '0301', label: '乔木林地', area: 7500, parcels: 2 },
      { code: '0101', label: '水田', area: 3000, parcels: 1 },
    ]);
    expect(figures.buildings).toEqual([
      { use: '住宅', count: 2 },
      { use: '商业', count: 1 },
      { use: '', count: 1 },
    ]);
    expect(figures.alarms).toEqual({ active: 0, points: [] });
  });

  it('leaves out what the caller may not read', async () => {
    t = await dashboardApp('internal');
    expect(await (await t.call('GET', '/api/dashboard')).json()).not.toHaveProperty('landUse');
    expect((await (await t.call('GET', '/api/dashboard', { as: 'viewer' })).json()).landUse).toHaveLength(2);
  });
});
