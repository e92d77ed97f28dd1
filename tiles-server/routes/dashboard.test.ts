import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardFigures } from '../../layers/index.ts';
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
    expect({ ...incidents, trend: undefined }).toEqual({
      total: 4,
      byStatus: { 受理: 2, 交办: 1, 办结: 1 },
      byTownship: [
        { code: '330723001', name: '白洋街道', nameEn: null, count: 3 },
        { code: null, name: null, nameEn: null, count: 1 },
      ],
      completionRate: 0.25,
      completionTarget: 0.95,
    });
    // All four reported today, the trend's last day.
    expect(incidents.trend.map((day: { count: number }) => day.count)).toEqual([...Array(29).fill(0), 4]);
  });

  it('counts the incidents of each of the last 30 days by the county’s clock (UTC+8), zero where there were none', async () => {
    t = await dashboardApp('public');
    const now = Date.now();
    // Midnight starting today in the county, as an instant: 16:00 UTC the day before.
    const countyMidnight = Date.parse(`${new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00Z`) - 8 * 3_600_000;
    const day = 86_400_000;
    const at = (ms: number) => new Date(ms).toISOString();
    const seeded = [
      at(countyMidnight + 60_000), // today, a minute after midnight (still yesterday by UTC)
      at(countyMidnight - 60_000), // yesterday, a minute before midnight
      at(countyMidnight - 17 * 3_600_000), // yesterday at 07:00 in the county, the day before by UTC
      at(countyMidnight - 29 * day), // the trend's first day, at its first instant
      at(countyMidnight - 29 * day - 60_000), // the day before it: left out
    ];
    await t.store.importOnce(
      'trend',
      {
        monitoringPoints: [],
        lifecycle: [],
        incidents: seeded.map((reportedAt, i) => ({ id: `T-${i}`, type: '道路积水', title: `第${i}件`, status: '受理' as const, reportedAt, lon: 119.85, lat: 28.85, township: '330723001', binding: { oid: null, method: 'none' as const, layerId: null }, source: 'test' })),
      },
      { name: 'tests', role: 'admin' },
    );
    const { incidents } = await (await t.call('GET', '/api/dashboard')).json();
    const trend = incidents.trend as { day: string; count: number }[];
    const countyDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(trend).toHaveLength(30);
    expect(trend.map((entry) => entry.day)).toEqual(Array.from({ length: 30 }, (_, i) => countyDate(countyMidnight - (29 - i) * day)));
    expect(trend.map((entry) => entry.count)).toEqual([1, ...Array(27).fill(0), 2, 1]);
    expect(incidents.total).toBe(5);
  });

  it('narrows every figure to a township asked for: records filed under it, parcels and buildings standing in it', async () => {
    const catalog = await wuyiCatalogWith([
      testLayer({ id: 'landuse', kind: 'vector', source: { type: 'geojson', url: '/data/landuse.geojson' } }),
      testLayer({ id: 'buildings', kind: 'buildings', source: { type: '3dtiles', url: '/data/buildings/tileset.json' } }),
    ]);
    const objects = [
      ...FIXTURE_OBJECTS.filter((object) => object.layerId !== 'landuse' && object.layerId !== 'buildings'),
      fixtureObject('parcel:in', 'landuse', square(119.82, 28.82, 0.005), { code: '0101', className: '水田', area: 4000 }),
      fixtureObject('parcel:out', 'landuse', square(119.5, 28.5, 0.005), { code: '0301', className: '乔木林地', area: 9000 }),
      fixtureObject('bldg:in', 'buildings', square(119.821, 28.821, 0.0005), { use: '住宅' }),
      fixtureObject('bldg:out', 'buildings', square(119.501, 28.501, 0.0005), { use: '商业' }),
    ];
    t = await createTestApp({ catalog, objects });
    const report = (lon: number, lat: number) => t.call('POST', '/api/incidents', { as: 'operator', body: { type: '道路积水', title: '积水', lon, lat } });
    await report(119.85, 28.85);
    await report(119.86, 28.86);
    await report(119.5, 28.5);
    const county = await (await t.call('GET', '/api/dashboard')).json();
    const township = await (await t.call('GET', '/api/dashboard?township=330723001')).json();
    // The oracle for the records is the incident list's own filter.
    const listed = await (await t.call('GET', '/api/incidents?township=330723001')).json();
    expect(township.township).toEqual({ code: '330723001', name: '白洋街道', nameEn: null });
    expect(township.incidents.total).toBe(listed.total);
    expect(township.incidents.total).toBe(2);
    expect(township.incidents.trend.at(-1).count).toBe(2);
    expect(township.incidents.byTownship).toEqual([{ code: '330723001', name: '白洋街道', nameEn: null, count: 2 }]);
    expect(township.landUse).toEqual([{ code: '0101', label: '水田', area: 4000, parcels: 1 }]);
    expect(township.buildings).toEqual([{ use: '住宅', count: 1 }]);
    expect(county.incidents.total).toBe(3);
    expect(county.landUse).toHaveLength(2);
    expect(county).not.toHaveProperty('township');
    expect((await t.call('GET', '/api/dashboard?township=330723999')).status).toBe(404);
    expect((await t.call('GET', '/api/dashboard?township=baiyang')).status).toBe(400);
  });

  it('gives the figures as they stood at an instant (asOf): incidents by the status they had, alarms raised and not yet cleared, the trend to that day', async () => {
    t = await dashboardApp('public');
    await t.call('POST', '/api/monitoring/points', {
      as: 'operator',
      body: { points: [{ id: 'mp:gauge', kind: 'water-level', name: '熟溪水位站', unit: 'm', thresholds: { warning: 3.5, alarm: 4.5 }, lon: 119.85, lat: 28.85 }] },
    });
    // In July: the gauge passes its alarm level at 00:01 (raising an incident then) and falls back at 00:02.
    const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 6, 1, 0, minute, second)).toISOString();
    const readings = [3.1, 4.8, 3.0].map((value, minute) => ({ pointId: 'mp:gauge', at: at(minute), value }));
    expect((await t.call('POST', '/api/monitoring/readings', { as: 'operator', body: { readings } })).status).toBe(202);
    // Today: one more incident, reported and closed.
    const { id } = await (await t.call('POST', '/api/incidents', { as: 'operator', body: { type: '道路积水', title: '积水', lon: 119.86, lat: 28.85 } })).json();
    for (const step of [{ to: '交办', assignee: '城管' }, { to: '处置' }, { to: '办结', note: '已清理' }]) await t.call('POST', `/api/incidents/${id}/steps`, { as: 'operator', body: step });
    const closedAt = ((await (await t.call('GET', `/api/incidents/${id}`)).json()) as { steps: { at: string }[] }).steps.at(-1)!.at;

    const dashboard = async (instant: string) => (await (await t.call('GET', `/api/dashboard?asOf=${encodeURIComponent(instant)}`)).json()) as Required<DashboardFigures>;
    /** The test's own count over the incidents listed as of the instant. */
    const byStatusOf = async (instant: string) => {
      const { incidents } = (await (await t.call('GET', `/api/incidents?asOf=${encodeURIComponent(instant)}&limit=500`)).json()) as { incidents: { status: string }[] };
      const counts: Record<string, number> = {};
      for (const { status } of incidents) counts[status] = (counts[status] ?? 0) + 1;
      return counts;
    };
    for (const instant of [at(0, 30), at(1, 30), at(2, 30), new Date(Date.parse(closedAt) - 1).toISOString(), closedAt]) {
      const figures = await dashboard(instant);
      expect(figures.asOf).toBe(instant);
      expect(figures.incidents.byStatus, instant).toEqual(await byStatusOf(instant));
    }
    expect((await dashboard(at(0, 30))).incidents.total).toBe(0);
    expect((await dashboard(at(1, 30))).incidents).toMatchObject({ total: 1, byStatus: { 受理: 1 }, completionRate: 0 });
    // Closed at T: not closed just before it.
    expect((await dashboard(new Date(Date.parse(closedAt) - 1).toISOString())).incidents.byStatus.办结).toBeUndefined();
    expect((await dashboard(closedAt)).incidents.byStatus.办结).toBe(1);
    // The alarm stands from 00:01 to 00:02, with the reading it had then.
    expect((await dashboard(at(0, 30))).alarms.active).toBe(0);
    expect((await dashboard(at(1, 30))).alarms).toEqual({ active: 1, points: [{ id: 'mp:gauge', name: '熟溪水位站', kind: 'water-level', unit: 'm', value: 4.8 }] });
    expect((await dashboard(at(2, 30))).alarms.active).toBe(0);
    // The trend ends on that instant's day in the county: 1 July, with the alarm's incident.
    const { trend } = (await dashboard(at(1, 30))).incidents;
    expect(trend.at(-1)).toEqual({ day: '2026-07-01', count: 1 });
    expect(trend.slice(0, -1).every((day) => day.count === 0)).toBe(true);
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
