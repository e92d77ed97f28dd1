import { DataType, tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, IncidentStep, LifecycleRecord, MonitoringPoint, Reading } from '../../layers/index.ts';
import { FIXTURE_OBJECTS, TEST_TOKENS, createTestApp, fixtureObject, square } from '../testApp.ts';

type Role = 'anonymous' | keyof typeof TEST_TOKENS;
type Row = Record<string, unknown>;

const PUBLIC_CODE = '330723001-0701-00001';
const INTERNAL_CODE = '330723001-0701-00002';
/** Beside the fixtures' public county, township, parcel and building: an internal parcel and building, and a restricted building. */
const OBJECTS = [
  ...FIXTURE_OBJECTS,
  fixtureObject('parcel:internal', 'landuse', square(119.83, 28.81, 0.01), { resourceCode: INTERNAL_CODE, code: '0701' }, 'internal'),
  fixtureObject('bldg:internal', 'buildings', square(119.832, 28.812, 0.0005), { name: '内部建筑' }, 'internal'),
  fixtureObject('bldg:restricted', 'buildings', square(119.842, 28.812, 0.0005), { name: '涉密建筑' }, 'restricted'),
];
const system = { name: 'tests', role: 'admin' };

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ objects: OBJECTS });
  const reported = (oid: string | null, layerId: string | null, title: string) =>
    t.store.createIncident({ type: '设施损坏', title, lon: 119.833, lat: 28.813, township: '330723001', binding: { oid, method: oid ? 'given' : 'none', layerId }, source: 'test' }, system);
  await reported('bldg:330723-000001', 'buildings', '县政府门前路灯损坏');
  const internal = await reported('bldg:internal', 'buildings', '内部建筑漏水');
  await reported('bldg:restricted', 'buildings', '涉密建筑围墙破损');
  await reported(null, null, '野外路牌倒伏');
  await t.call('POST', `/api/incidents/${encodeURIComponent(internal.id)}/steps`, { as: 'operator', body: { to: '交办', assignee: '县住建局' } });

  const point = (id: string, oid: string | null, layerId: string | null) => ({
    id, kind: 'water-level', name: `${id} 水位站`, unit: 'm', thresholds: { warning: 3.5, alarm: 4.5 }, lon: 119.833, lat: 28.813, township: '330723001',
    binding: { oid, method: oid ? ('given' as const) : ('none' as const), layerId },
  });
  await t.store.upsertMonitoringPoints([point('mp:public', 'parcel:330723-000001', 'landuse'), point('mp:internal', 'bldg:internal', 'buildings'), point('mp:restricted', 'bldg:restricted', 'buildings')], system);
  // More readings than one chunk of the store's holds, so the table arrives in several record batches.
  const series = Array.from({ length: 5000 }, (_, i) => ({ pointId: 'mp:public', at: new Date(Date.UTC(2026, 6, 1) + i * 60_000).toISOString(), value: 2 + (i % 10) / 10 }));
  await t.call('POST', '/api/monitoring/readings', { as: 'operator', body: { readings: [...series, { pointId: 'mp:restricted', at: '2026-07-01T08:00:00.000Z', value: 5.1 }] } });

  await t.store.addLifecycleRecords(
    [
      { resourceCode: PUBLIC_CODE, oid: 'parcel:330723-000001', stage: '规划', date: '2019-03-01', summary: '纳入国土空间规划', department: '县自然资源和规划局' },
      { resourceCode: INTERNAL_CODE, oid: 'parcel:internal', stage: '供地', date: '2020-05-12', summary: '内部地块划拨', department: '县自然资源和规划局' },
      // An internal parcel's code, but named for the public building: its page lists it to anyone.
      { resourceCode: INTERNAL_CODE, oid: 'bldg:330723-000001', stage: '审批', date: '2021-07-01', summary: '县政府用地审批', department: '县自然资源和规划局' },
      { resourceCode: '330723001-0701-09999', oid: null, stage: '监管', date: '2022-01-01', summary: '无图斑的记录', department: '县自然资源和规划局' },
      // A public parcel's code, named for the restricted building: anyone sees the record, only some the building.
      { resourceCode: PUBLIC_CODE, oid: 'bldg:restricted', stage: '监管', date: '2023-04-01', summary: '涉密建筑周边巡查', department: '县自然资源和规划局' },
    ],
    system,
  );
});
afterAll(() => t.close());

const headers = (role: Role): Record<string, string> => (role === 'anonymous' ? {} : { Authorization: `Bearer ${TEST_TOKENS[role]}` });
const getJson = async (path: string, role: Role) => {
  const response = await t.app.request(path, { headers: headers(role) });
  return { status: response.status, body: (await response.json()) as never };
};

/** A record table read back as any Arrow reader would, with timestamps as ISO text and dates as days, as the JSON API writes them. */
async function arrowRows(name: string, role: Role): Promise<{ rows: Row[]; batches: number; bytes: Uint8Array }> {
  const response = await t.app.request(`/api/records/${name}.arrow`, { headers: headers(role) });
  expect(response.status, name).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const table = tableFromIPC(bytes);
  const cell = (type: DataType, value: unknown) => {
    if (value === null) return null;
    if (DataType.isTimestamp(type)) return new Date(Number(value)).toISOString();
    if (DataType.isDate(type)) return new Date(Number(value)).toISOString().slice(0, 10);
    return typeof value === 'bigint' ? Number(value) : value;
  };
  const rows = table.toArray().map((row: { toJSON(): Row }) => Object.fromEntries(table.schema.fields.map((field) => [field.name, cell(field.type, row.toJSON()[field.name])])));
  return { rows, batches: table.batches.length, bytes };
}

const bindingCells = ({ binding }: { binding: Incident['binding'] }) => ({ oid: binding.oid, bound_by: binding.method, bound_layer: binding.layerId });

/** Each table as the JSON routes show it to `role`, flattened to the table's columns: the oracle. */
async function jsonRows(name: string, role: Role): Promise<Row[]> {
  const incidents = async () => ((await getJson('/api/incidents?limit=500', role)).body as { incidents: Incident[] }).incidents;
  const points = async () => ((await getJson('/api/monitoring/points', role)).body as { points: MonitoringPoint[] }).points;
  switch (name) {
    case 'incidents':
      return (await incidents()).map(({ binding, reportedAt, updatedAt, ...incident }) => ({ ...incident, ...bindingCells({ binding }), reported_at: reportedAt, updated_at: updatedAt }));
    case 'incident_steps': {
      const steps = [];
      for (const { id } of await incidents()) {
        const detail = (await getJson(`/api/incidents/${encodeURIComponent(id)}`, role)).body as { steps: IncidentStep[] };
        steps.push(...detail.steps.map(({ at, ...step }) => ({ incident_id: id, ...step, stepped_at: at })));
      }
      return steps;
    }
    case 'monitoring_points':
      return (await points()).map(({ thresholds, binding, latest, alarm, ...point }) => ({
        ...point,
        warning_threshold: thresholds?.warning ?? null,
        alarm_threshold: thresholds?.alarm ?? null,
        ...bindingCells({ binding }),
        latest_value: latest?.value ?? null,
        latest_at: latest?.at ?? null,
        alarm_incident_id: alarm?.incidentId ?? null,
        alarm_since: alarm?.since ?? null,
        alarm_peak: alarm?.peak ?? null,
      }));
    case 'monitoring_readings': {
      const readings = [];
      for (const { id } of await points()) {
        const series = (await getJson(`/api/monitoring/points/${encodeURIComponent(id)}/readings?limit=10000`, role)).body as { readings: Reading[] };
        readings.push(...series.readings.map((reading) => ({ point_id: reading.pointId, read_at: reading.at, value: reading.value })));
      }
      return readings;
    }
    case 'lifecycle_records': {
      // Lifecycle records are read through their parcels and objects: by each code, and on each object's page.
      const found = new Map<number, LifecycleRecord>();
      for (const object of OBJECTS) {
        const code = object.properties.resourceCode;
        const byCode = typeof code === 'string' ? await getJson(`/api/codes/${code}`, role) : undefined;
        if (byCode?.status === 200) for (const record of (byCode.body as { lifecycle: LifecycleRecord[] }).lifecycle) found.set(record.id, record);
        const page = await getJson(`/api/objects/${encodeURIComponent(object.oid)}`, role);
        if (page.status === 200) for (const record of (page.body as { records: { lifecycle: LifecycleRecord[] } }).records.lifecycle) found.set(record.id, record);
      }
      return [...found.values()].map(({ resourceCode, date, ...record }) => ({ ...record, resource_code: resourceCode, record_date: date }));
    }
  }
  throw new Error(`No oracle for ${name}`);
}

const TABLES = ['incidents', 'incident_steps', 'monitoring_points', 'monitoring_readings', 'lifecycle_records'];
const ordered = (rows: Row[]) => rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))))).sort();

describe('record tables', () => {
  for (const role of ['anonymous', 'viewer', 'operator', 'admin'] as const) {
    it(`hold for ${role} exactly what the JSON routes show them, row for row and cell for cell`, async () => {
      for (const name of TABLES) {
        const [arrow, json] = [await arrowRows(name, role), await jsonRows(name, role)];
        expect(arrow.rows.length, name).toBeGreaterThan(0);
        expect(ordered(arrow.rows), name).toEqual(ordered(json));
      }
    });
  }

  it('hide a binding to an object the caller may not read, in every column and every byte', async () => {
    const boundTo = async (role: Role) => {
      const [incidents, points] = [await arrowRows('incidents', role), await arrowRows('monitoring_points', role)];
      const text = new TextDecoder().decode(incidents.bytes) + new TextDecoder().decode(points.bytes);
      return {
        incidents: Object.fromEntries(incidents.rows.map((row) => [row.title, [row.oid, row.bound_by, row.bound_layer]])),
        points: Object.fromEntries(points.rows.map((row) => [row.id, row.oid])),
        leaks: ['bldg:internal', 'bldg:restricted'].filter((oid) => text.includes(oid)),
      };
    };
    const hidden = [null, 'none', null];
    expect(await boundTo('anonymous')).toEqual({
      incidents: { 县政府门前路灯损坏: ['bldg:330723-000001', 'given', 'buildings'], 内部建筑漏水: hidden, 涉密建筑围墙破损: hidden, 野外路牌倒伏: hidden, 'mp:restricted 水位站超过告警值：5.1m（告警值 4.5m）': hidden },
      points: { 'mp:public': 'parcel:330723-000001', 'mp:internal': null, 'mp:restricted': null },
      leaks: [],
    });
    const viewer = await boundTo('viewer');
    expect(viewer.incidents.内部建筑漏水).toEqual(['bldg:internal', 'given', 'buildings']);
    expect([viewer.incidents.涉密建筑围墙破损, viewer.points['mp:restricted'], viewer.leaks]).toEqual([hidden, null, ['bldg:internal']]);
    const admin = await boundTo('admin');
    expect([admin.incidents.涉密建筑围墙破损, admin.points['mp:restricted'], admin.leaks]).toEqual([['bldg:restricted', 'given', 'buildings'], 'bldg:restricted', ['bldg:internal', 'bldg:restricted']]);
  });

  it('show lifecycle records through a parcel with their code or the object they name, and no others', async () => {
    const summaries = async (role: Role) => (await arrowRows('lifecycle_records', role)).rows.map((row) => row.summary).sort();
    expect(await summaries('anonymous')).toEqual(['县政府用地审批', '涉密建筑周边巡查', '纳入国土空间规划']);
    expect(await summaries('viewer')).toEqual(['内部地块划拨', '县政府用地审批', '涉密建筑周边巡查', '纳入国土空间规划']);
    expect(await summaries('admin')).toEqual(await summaries('viewer'));
  });

  it('name the object of a lifecycle record only to callers who may read it, on every road', async () => {
    const named = async (role: Role) => {
      const table = await arrowRows('lifecycle_records', role);
      const byCode = JSON.stringify((await getJson(`/api/codes/${PUBLIC_CODE}`, role)).body);
      const page = JSON.stringify((await getJson(`/api/objects/${encodeURIComponent('parcel:330723-000001')}`, role)).body);
      return {
        oid: table.rows.find((row) => row.summary === '涉密建筑周边巡查')?.oid,
        leaks: [new TextDecoder().decode(table.bytes), byCode, page].map((text) => text.includes('bldg:restricted')),
      };
    };
    expect(await named('anonymous')).toEqual({ oid: null, leaks: [false, false, false] });
    expect(await named('viewer')).toEqual({ oid: null, leaks: [false, false, false] });
    expect(await named('admin')).toEqual({ oid: 'bldg:restricted', leaks: [true, true, true] });
  });

  it('stream a large table in record batches', async () => {
    const readings = await arrowRows('monitoring_readings', 'anonymous');
    expect(readings.rows).toHaveLength(5001);
    expect(readings.batches).toBeGreaterThan(1);
  });

  it('are listed with their columns and sizes, and an unknown one is not found', async () => {
    const { tables } = (await getJson('/api/records', 'anonymous')).body as { tables: { name: string; arrow: string; columns: { name: string; type: string }[]; rows: number | null }[] };
    expect(tables.map((table) => [table.name, table.arrow, table.rows])).toEqual([
      ['incidents', '/api/records/incidents.arrow', 5],
      ['incident_steps', '/api/records/incident_steps.arrow', 6],
      ['monitoring_points', '/api/records/monitoring_points.arrow', 3],
      ['monitoring_readings', '/api/records/monitoring_readings.arrow', 5001],
      ['lifecycle_records', '/api/records/lifecycle_records.arrow', null],
    ]);
    expect(tables[0]!.columns).toContainEqual({ name: 'reported_at', type: 'TIMESTAMP' });
    for (const path of ['/api/records/audit_log.arrow', '/api/records/incidents', '/api/records/incidents.parquet']) {
      const answer = await getJson(path, 'admin');
      expect([answer.status, answer.body], path).toEqual([404, { error: { code: 'not_found', message: expect.stringContaining('No record table') } }]);
    }
  });
});
