import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type PostgresServer, startPostgres } from '../testing/postgresServer.ts';
import { openDuckDbStore } from './duckdb/duckDbStore.ts';
import { openPostgresStore } from './postgres/postgresStore.ts';
import { type Actor, type MonitoringPoint, type NewIncident, type Reading, StoreClosed, type TwinEvent, type TwinStore } from './twinStore.ts';

/** A database for one test: `open` opens a store on it (again, for a reopen), `drop` removes it. */
interface Database {
  open(): Promise<TwinStore>;
  drop(): Promise<void>;
}

let postgres: PostgresServer | undefined;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => postgres?.stop());

const STORES: [string, () => Promise<Database>][] = [
  [
    'DuckDB',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-store-'));
      return { open: () => openDuckDbStore(join(dir, 'twin.duckdb'), { adminCode: '330723' }), drop: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const url = await postgres!.createDatabase();
      return { open: () => openPostgresStore(url, { adminCode: '330723' }), drop: async () => undefined };
    },
  ],
];

const operator: Actor = { name: 'duty-room', role: 'operator' };
const incident = (overrides: Partial<NewIncident> = {}): NewIncident => ({
  type: '道路积水',
  title: '解放街积水',
  lon: 119.81,
  lat: 28.89,
  township: '330723001',
  binding: { oid: 'bldg:330723-000001', method: 'position', layerId: 'buildings' },
  source: 'test',
  ...overrides,
});
const gauge = { id: 'mp:1', kind: 'water-level', name: '水位站', unit: 'm', thresholds: { warning: 3.5, alarm: 4.5 }, lon: 119.8, lat: 28.9, township: null, binding: { oid: null, method: 'none' as const, layerId: null } };
const raise = (point: MonitoringPoint, reading: Reading): NewIncident =>
  incident({ type: '监测告警', title: `${point.name} ${reading.value}`, binding: point.binding, source: `monitoring:${point.id}` });

describe.each(STORES)('the %s store', (_, database) => {
  let db: Database;
  let store: TwinStore;
  const open = () => db.open();

  beforeEach(async () => {
    db = await database();
    store = await open();
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  it('numbers incidents per county and year, records every step and keeps them after a reopen', async () => {
    const a = await store.createIncident(incident({ reportedAt: '2026-03-01T08:00:00.000Z' }), operator);
    const b = await store.createIncident(incident({ reportedAt: '2026-03-02T08:00:00.000Z' }), operator);
    expect([a.id, b.id]).toEqual(['inc:330723-2026-00001', 'inc:330723-2026-00002']);
    await store.transitionIncident(a.id, { to: '交办', assignee: '县住建局' }, operator);
    await store.transitionIncident(a.id, { to: '处置' }, { name: 'worker', role: 'operator' });
    await store.close();
    store = await open();
    const saved = await store.incident(a.id);
    expect(saved).toMatchObject({ status: '处置', assignee: '县住建局', binding: { oid: 'bldg:330723-000001', method: 'position' } });
    expect(saved!.steps.map((s) => [s.status, s.actor, s.assignee])).toEqual([
      ['受理', 'duty-room', null],
      ['交办', 'duty-room', '县住建局'],
      ['处置', 'worker', null],
    ]);
  });

  it('refuses a step the workflow does not allow and leaves the incident as it was', async () => {
    const a = await store.createIncident(incident(), operator);
    await expect(store.transitionIncident(a.id, { to: '办结', note: 'x' }, operator)).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(store.transitionIncident('inc:none', { to: '交办', assignee: 'x' }, operator)).rejects.toMatchObject({ code: 'not_found' });
    expect((await store.incident(a.id))!.steps).toHaveLength(1);
    const audit = await store.audit({ limit: 10, offset: 0 });
    expect(audit.map((e) => e.action)).toEqual(['incident.create']);
  });

  it('filters incidents by status, type, township and time, newest first', async () => {
    for (const [day, type, township] of [[1, '道路积水', '330723001'], [2, '违法用地', '330723001'], [3, '道路积水', '330723100']] as const) {
      await store.createIncident(incident({ type, township, reportedAt: `2026-05-0${day}T00:00:00.000Z` }), operator);
    }
    const ids = async (filter: object) => (await store.incidents({ limit: 10, offset: 0, ...filter })).incidents.map((i) => i.reportedAt.slice(8, 10));
    expect(await ids({})).toEqual(['03', '02', '01']);
    expect(await ids({ type: '道路积水' })).toEqual(['03', '01']);
    expect(await ids({ township: '330723001', status: ['受理'] })).toEqual(['02', '01']);
    expect(await ids({ from: '2026-05-02T00:00:00Z', to: '2026-05-03T00:00:00Z' })).toEqual(['02']);
    expect((await store.incidents({ limit: 1, offset: 1 })).total).toBe(3);
  });

  it('announces events only after commit, with ids that resume a stream', async () => {
    const heard: TwinEvent[] = [];
    store.subscribe((event) => heard.push(event));
    const a = await store.createIncident(incident(), operator);
    await store.transitionIncident(a.id, { to: '交办', assignee: '县水利局' }, operator);
    expect(heard.map((e) => e.type)).toEqual(['incident.created', 'incident.updated']);
    expect((await store.eventsAfter(heard[0]!.id, 10)).map((e) => e.id)).toEqual([heard[1]!.id]);
  });

  it('keeps the events, steps and audit entries of writes batched with a failing one, each once, numbered without a gap, after a reopen too', async () => {
    const heard: TwinEvent[] = [];
    store.subscribe((event) => heard.push(event));
    const first = await store.createIncident(incident({ title: 'first' }), operator);
    const results = await Promise.allSettled([
      store.createIncident(incident({ title: 'second' }), operator),
      store.transitionIncident('inc:none', { to: '交办', assignee: 'x' }, operator),
      store.transitionIncident(first.id, { to: '交办', assignee: '县水利局' }, operator),
      store.transitionIncident(first.id, { to: '办结', note: 'skips a step' }, operator),
      store.createIncident(incident({ title: 'third' }), operator),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    const stored = await store.eventsAfter(0, 100);
    expect(stored.map((event) => event.id)).toEqual([1, 2, 3, 4]);
    expect(heard.map((event) => [event.id, event.type])).toEqual(stored.map((event) => [event.id, event.type]));
    expect(stored.map((event) => (event.data.incident as { title: string }).title)).toEqual(['first', 'second', 'first', 'third']);
    const audit = await store.audit({ limit: 10, offset: 0 });
    expect(audit.map((entry) => [entry.id, entry.action])).toEqual([
      [4, 'incident.create'],
      [3, 'incident.交办'],
      [2, 'incident.create'],
      [1, 'incident.create'],
    ]);
    expect((await store.incident(first.id))!.steps.map((step) => step.status)).toEqual(['受理', '交办']);

    await store.close();
    store = await open();
    const fourth = await store.createIncident(incident({ title: 'fourth' }), operator);
    expect((await store.eventsAfter(4, 10)).map((event) => [event.id, (event.data.incident as { id: string }).id])).toEqual([[5, fourth.id]]);
    expect((await store.audit({ limit: 1, offset: 0 }))[0]).toMatchObject({ id: 5, action: 'incident.create', target: fourth.id });
  });

  it('raises one incident per alarm, clears it below the warning level and keeps the series', async () => {
    await store.upsertMonitoringPoints([gauge], operator);
    const at = (minute: number) => `2026-07-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
    const values = [3.0, 4.7, 5.1, 4.4];
    const first = await store.ingestReadings(values.map((value, i) => ({ pointId: 'mp:1', at: at(i), value })), operator, raise);
    expect(first).toEqual({ accepted: 4, duplicates: 0, alarmsRaised: ['mp:1'], alarmsCleared: [] });
    const during = await store.monitoringPoint('mp:1');
    expect(during!.latest).toEqual({ value: 4.4, at: at(3) });
    expect(during!.alarm).toMatchObject({ peak: 5.1, since: at(1) });
    expect((await store.incidents({ limit: 10, offset: 0, type: '监测告警' })).total).toBe(1);

    const second = await store.ingestReadings([{ pointId: 'mp:1', at: at(4), value: 3.2 }], operator, raise);
    expect(second.alarmsCleared).toEqual(['mp:1']);
    expect((await store.monitoringPoint('mp:1'))!.alarm).toBeNull();
    expect((await store.readings('mp:1', { from: at(1), to: at(4), limit: 100 })).map((r) => r.value)).toEqual([4.7, 5.1, 4.4]);
  });

  it('stores nothing of a batch that names an unknown point', async () => {
    await store.upsertMonitoringPoints([gauge], operator);
    const batch = [
      { pointId: 'mp:1', at: '2026-07-01T00:00:00Z', value: 9 },
      { pointId: 'mp:404', at: '2026-07-01T00:00:00Z', value: 1 },
    ];
    await expect(store.ingestReadings(batch, operator, raise)).rejects.toThrow(/mp:404/);
    expect(await store.readings('mp:1', { limit: 10 })).toEqual([]);
    expect((await store.incidents({ limit: 10, offset: 0 })).total).toBe(0);
  });

  it('imports a named batch once, in one transaction', async () => {
    const batch = {
      incidents: [incident({ id: 'inc:330723-2026-00007', status: '办结' as const })],
      monitoringPoints: [gauge],
      lifecycle: [{ resourceCode: '330723001-0701-00001', oid: 'parcel:330723-000001', stage: '规划', date: '2019-01-02', summary: '纳入规划', department: '县自然资源和规划局' }],
    };
    expect(await store.importOnce('sample', batch, operator)).toBe(true);
    expect(await store.importOnce('sample', batch, operator)).toBe(false);
    expect(await store.hasImported('sample')).toBe(true);
    expect(await store.hasImported('other')).toBe(false);
    expect((await store.lifecycle('330723001-0701-00001')).map((r) => [r.stage, r.date])).toEqual([['规划', '2019-01-02']]);
    const bound = await store.recordsBoundTo('parcel:330723-000001');
    expect(bound.lifecycle).toHaveLength(1);
    // The next incident of that year counts on from the imported one.
    expect((await store.createIncident(incident({ reportedAt: '2026-09-09T00:00:00Z' }), operator)).id).toBe('inc:330723-2026-00008');
  });

  it('keeps analyses whole, with their data versions and who asked, lists them newest first without their results, after a reopen too', async () => {
    const line = [[119.8, 28.88], [119.81, 28.89]] as [number, number][];
    const first = await store.saveAnalysis(
      {
        id: 'an-0000000000000001',
        kind: 'profile',
        params: { line, samples: 2 },
        result: { length: 1500, points: [{ distance: 0, lon: 119.8, lat: 28.88, height: 90.5 }], buildings: [] },
        summary: { length: 1500 },
        dataVersion: [{ layerId: 'terrain', version: '0123456789abcdef' }],
      },
      operator,
    );
    expect(first).toMatchObject({ id: 'an-0000000000000001', kind: 'profile', createdBy: 'duty-room', params: { line }, result: { length: 1500 } });
    expect(Date.parse(first.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.saveAnalysis({ ...first, id: 'an-0000000000000002', summary: { length: 9 } }, operator);
    await store.close();
    store = await open();
    expect(await store.analysis('an-0000000000000001')).toEqual(first);
    expect(await store.analysis('an-000000000000000f')).toBeUndefined();
    const listed = await store.analyses({ limit: 10, offset: 0 });
    expect(listed.map((a) => [a.id, a.summary])).toEqual([['an-0000000000000002', { length: 9 }], ['an-0000000000000001', { length: 1500 }]]);
    expect(listed[0]).not.toHaveProperty('result');
    expect((await store.analyses({ limit: 1, offset: 1 })).map((a) => a.id)).toEqual(['an-0000000000000001']);
    expect((await store.audit({ limit: 1, offset: 0 }))[0]).toMatchObject({ action: 'analysis.profile', target: 'an-0000000000000002' });
  });

  it('reads a whole table a chunk at a time beside other reads, and cuts off a reader still reading when it closes', async () => {
    await store.upsertMonitoringPoints([gauge], operator);
    const series = Array.from({ length: 5000 }, (_, i) => ({ pointId: gauge.id, at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), value: 1 + (i % 3) }));
    await store.ingestReadings(series, operator, raise);
    const chunks = store.allReadings()[Symbol.asyncIterator]();
    const first = await chunks.next();
    // Queries on the shared read connection meanwhile leave the chunked read whole.
    expect(await store.readings(gauge.id, { limit: 3 })).toEqual(series.slice(0, 3));
    const read = [...first.value!];
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) read.push(...next.value);
    expect([first.value!.length < series.length, read.sort((a, b) => a.at.localeCompare(b.at))]).toEqual([true, series]);

    const unfinished = store.allReadings()[Symbol.asyncIterator]();
    await unfinished.next();
    await store.close();
    await expect(unfinished.next()).rejects.toBeInstanceOf(StoreClosed);
    await expect(store.allIncidents()[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(StoreClosed);
  });

  it('closes only once the reads and writes under way are answered, and refuses those that come later', async () => {
    for (let i = 0; i < 20; i++) await store.createIncident(incident(), operator);
    // Closing a connection under a running query crashed the process (a use after free in DuckDB).
    const reads = Array.from({ length: 20 }, () => store.incidents({ limit: 100, offset: 0 }));
    const write = store.createIncident(incident(), operator);
    const closed = store.close();
    // Each read is answered, before the write or after it (a pool of readers may take one up after the write commits).
    for (const page of await Promise.all(reads)) expect([20, 21]).toContain(page.total);
    expect((await write).id).toBe('inc:330723-2026-00021');
    await closed;
    await expect(store.incidents({ limit: 1, offset: 0 })).rejects.toBeInstanceOf(StoreClosed);
    await expect(store.createIncident(incident(), operator)).rejects.toBeInstanceOf(StoreClosed);
  });
});
