import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKENS, createTestApp } from './testApp.ts';

/**
 * Every route's inputs, generated: near-valid values mixed with what careless and hostile
 * clients send (control characters, overlong text, numbers beyond int64, malformed dates and
 * paths, wrong types). Whatever comes, the server answers with a JSON error or a success, never
 * a 500, and a refused write leaves the store as it was.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  await t.put(join(t.viewerDir, 'index.html'), '<!doctype html><title>twin</title>');
  await t.call('POST', '/api/monitoring/points', {
    as: 'operator',
    body: { points: [{ id: 'mp:gauge', kind: 'water-level', name: '熟溪水位站', unit: 'm', thresholds: { warning: 3.5, alarm: 4.5 }, lon: 119.818, lat: 28.818 }] },
  });
  await t.call('POST', '/api/incidents', { as: 'operator', body: { type: '设施损坏', title: '路灯损坏', lon: 119.8122, lat: 28.8122 } });
  await t.call('PUT', '/api/storyboards/tour', { as: 'operator', body: { title: { zh: '巡', en: 'Tour' }, scenes: [scene] } });
});
afterAll(() => t.close());

const scene = { title: { zh: '县城', en: 'Seat' }, camera: { lon: 119.815, lat: 28.87, height: 2500, heading: 0, pitch: -35 }, layers: ['county-boundary'], durationSeconds: 5 };

/** Lone surrogates cannot travel in a URL or UTF-8 body: a client sends U+FFFD in their place. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }).map(wellFormed),
  fc.constantFrom('', ' ', '\u0000', '路灯\u202e损坏', '\n', '../../tokens.json', '%2e%2e%2f', "'; DROP TABLE incidents; --", 'x'.repeat(5000), '𠮷野家', 'admin:330723', 'inc:330723-2026-00001'),
);
const hostileNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e19, -1e19, 1e300, 2 ** 63, Number.MAX_SAFE_INTEGER + 2, 0.1, -0, 119.81, 28.81));
const hostileInstant = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z') }).map((date) => date.toISOString()),
  fc.constantFrom('2026-11-28T09:30:00+08:00', '2026-11-28T09:30:00Z', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', 'yesterday', '+275760-09-13T00:00:00.000Z', '2026-11-28'),
);
const anything: fc.Arbitrary<unknown> = fc.oneof(hostileText, hostileNumber, hostileInstant, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
/** A field that is mostly well-formed, sometimes anything at all, sometimes missing. */
const field = <T,>(valid: fc.Arbitrary<T>) => fc.option(fc.oneof({ weight: 4, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anything }), { nil: undefined, freq: 10 });
const body = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.oneof({ weight: 8, arbitrary: fc.record(fields) }, { weight: 1, arbitrary: anything });

const lon = fc.double({ min: 119, max: 121, noNaN: true });
const lat = fc.double({ min: 28, max: 29, noNaN: true });
const status = fc.constantFrom('受理', '交办', '处置', '办结', '退回');
const pathSegment = fc.oneof(fc.constantFrom('mp:gauge', 'tour', 'admin:330723', 'bldg:330723-000001', '330723001-0701-00001', 'inc:330723-2026-00001'), hostileText);
const query = (params: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record(Object.fromEntries(Object.entries(params).map(([name, value]) => [name, field(value)]))).map((values) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value !== undefined) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    return search.toString() ? `?${search}` : '';
  });
const role = fc.constantFrom(undefined, 'viewer', 'operator', 'admin' as const);
/** Writes mostly come with a token that may write, so that their bodies are read. */
const writer = fc.oneof({ weight: 6, arbitrary: fc.constant('operator' as const) }, { weight: 1, arbitrary: role });

interface RouteCase {
  name: string;
  method: string;
  path: fc.Arbitrary<string>;
  body?: fc.Arbitrary<unknown>;
}

const seg = (arbitrary: fc.Arbitrary<string> = pathSegment) => arbitrary.map((text) => encodeURIComponent(text));
const template = (parts: TemplateStringsArray, ...values: fc.Arbitrary<string>[]) =>
  fc.tuple(...values).map((filled) => parts.reduce((path, part, i) => path + part + (i < filled.length ? filled[i] : ''), ''));

const ROUTES: RouteCase[] = [
  { name: '/api/incidents?…', method: 'GET', path: query({ status, type: hostileText, township: hostileText, oid: pathSegment, from: hostileInstant, to: hostileInstant, asOf: hostileInstant, limit: hostileNumber, offset: hostileNumber }).map((q) => `/api/incidents${q}`) },
  { name: '/api/incidents/:id', method: 'GET', path: template`/api/incidents/${seg()}` },
  {
    name: '/api/incidents', method: 'POST',
    path: fc.constant('/api/incidents'),
    body: body({ type: field(fc.constantFrom('设施损坏', '道路积水')), title: field(hostileText), description: field(hostileText), lon: field(lon), lat: field(lat), oid: field(pathSegment), floor: field(fc.integer({ min: -12, max: 310 })) }),
  },
  { name: '/api/incidents/:id/steps', method: 'POST', path: template`/api/incidents/${seg()}/steps`, body: body({ to: field(status), assignee: field(hostileText), note: field(hostileText) }) },
  { name: '/api/monitoring/points?…', method: 'GET', path: query({ kind: hostileText, near: fc.tuple(lon, lat).map(([x, y]) => `${x},${y}`), radius: hostileNumber }).map((q) => `/api/monitoring/points${q}`) },
  { name: '/api/monitoring/points/:id', method: 'GET', path: template`/api/monitoring/points/${seg()}` },
  { name: '/api/monitoring/points/:id/readings?…', method: 'GET', path: fc.tuple(seg(), query({ from: hostileInstant, to: hostileInstant, limit: hostileNumber })).map(([id, q]) => `/api/monitoring/points/${id}/readings${q}`) },
  {
    name: '/api/monitoring/points', method: 'POST',
    path: fc.constant('/api/monitoring/points'),
    body: body({
      points: field(
        fc.array(
          fc.record({
            id: field(fc.constantFrom('mp:gauge', 'mp:new')),
            kind: field(fc.constantFrom('water-level', 'camera')),
            name: field(hostileText),
            unit: field(fc.constantFrom('m', '')),
            thresholds: field(fc.record({ warning: field(hostileNumber), alarm: field(hostileNumber) })),
            lon: field(lon),
            lat: field(lat),
            oid: field(pathSegment),
          }),
          { maxLength: 3 },
        ),
      ),
    }),
  },
  {
    name: '/api/monitoring/readings', method: 'POST',
    path: fc.constant('/api/monitoring/readings'),
    body: body({ readings: field(fc.array(fc.record({ pointId: field(fc.constantFrom('mp:gauge', 'mp:gauge', 'mp:none')), at: field(hostileInstant), value: field(hostileNumber) }), { maxLength: 5 })) }),
  },
  { name: '/api/objects?at=', method: 'GET', path: query({ at: fc.oneof(fc.tuple(lon, lat).map(([x, y]) => `${x},${y}`), hostileText) }).map((q) => `/api/objects${q}`) },
  { name: '/api/objects/:oid', method: 'GET', path: template`/api/objects/${seg()}` },
  { name: '/api/codes?…', method: 'GET', path: query({ prefix: hostileText, limit: hostileNumber }).map((q) => `/api/codes${q}`) },
  { name: '/api/codes/:code', method: 'GET', path: template`/api/codes/${seg()}` },
  {
    name: '/api/codes/:code/lifecycle', method: 'POST',
    path: template`/api/codes/${seg(fc.oneof(fc.constant('330723001-0701-00001'), hostileText))}/lifecycle`,
    body: body({ stage: field(fc.constantFrom('规划', '供地', '审批', '监管')), date: field(fc.constantFrom('2026-11-30', '2026-02-30', '30/11/2026')), summary: field(hostileText), department: field(hostileText) }),
  },
  { name: '/api/records', method: 'GET', path: fc.constant('/api/records') },
  { name: '/api/records/:table', method: 'GET', path: template`/api/records/${seg(fc.oneof(fc.constantFrom('incidents.arrow', 'monitoring_readings.arrow', 'lifecycle_records.arrow', 'audit_log.arrow'), hostileText))}` },
  { name: '/api/search?…', method: 'GET', path: query({ q: hostileText, limit: hostileNumber }).map((q) => `/api/search${q}`) },
  { name: '/api/storyboards', method: 'GET', path: fc.constant('/api/storyboards') },
  { name: '/api/storyboards/:id', method: 'GET', path: template`/api/storyboards/${seg()}` },
  { name: '/api/storyboards/:id', method: 'PUT', path: template`/api/storyboards/${seg(fc.oneof(fc.constant('tour'), hostileText))}`, body: body({ title: field(fc.record({ zh: field(hostileText), en: field(hostileText) })), scenes: field(fc.array(fc.oneof(fc.constant(scene), anything), { maxLength: 3 })) }) },
  { name: '/api/storyboards/:id/scenes', method: 'POST', path: template`/api/storyboards/${seg()}/scenes`, body: fc.oneof(fc.constant(scene), body({ title: field(anything), camera: field(anything), layers: field(fc.array(hostileText)), durationSeconds: field(hostileNumber) })) },
  { name: '/api/storyboards/:id', method: 'DELETE', path: template`/api/storyboards/${seg(fc.constantFrom('nothing', 'tour-x'))}` },
  { name: '/api/dashboard?…', method: 'GET', path: query({ township: hostileText, asOf: hostileInstant }).map((q) => `/api/dashboard${q}`) },
  { name: '/api/audit?…', method: 'GET', path: query({ limit: hostileNumber, offset: hostileNumber }).map((q) => `/api/audit${q}`) },
  { name: '/ogc/collections/:id/items?…', method: 'GET', path: fc.tuple(seg(fc.constantFrom('villages', 'townships', 'nothing')), query({ bbox: hostileText, limit: hostileNumber, offset: hostileNumber, name: hostileText })).map(([id, q]) => `/ogc/collections/${id}/items${q}`) },
  { name: '/ogc/collections/:id/items/:featureId', method: 'GET', path: template`/ogc/collections/${seg(fc.constantFrom('villages', 'townships'))}/items/${seg()}` },
  { name: '/data/…', method: 'GET', path: fc.array(fc.oneof(seg(), fc.constantFrom('..', '.', '%2e%2e', '%2F', '%00', '')), { minLength: 1, maxLength: 4 }).map((parts) => `/data/${parts.join('/')}`) },
];

/** What a refused write must leave as it was. */
async function storeState() {
  const [incidents, points, readings, lifecycle, storyboards, latestEvent] = await Promise.all([
    t.store.incidents({ limit: 500, offset: 0 }),
    t.store.monitoringPoints(),
    t.store.readings('mp:gauge', { limit: 10_000 }),
    t.store.lifecycle('330723001-0701-00001'),
    t.store.storyboards(),
    t.store.latestEventId(),
  ]);
  return JSON.stringify({ incidents, points, readings, lifecycle, storyboards, latestEvent });
}

describe('every route against generated input', () => {
  for (const route of ROUTES) {
    it(`answers ${route.method} ${route.name} without a server error or a half-written store`, async () => {
      await fc.assert(
        fc.asyncProperty(route.path, route.body ?? fc.constant(undefined), route.method === 'GET' ? role : writer, fc.integer({ min: 0, max: 9 }), async (path, sent, as, cut) => {
          const writes = route.method !== 'GET';
          const before = writes ? await storeState() : '';
          const headers: Record<string, string> = as ? { Authorization: `Bearer ${TEST_TOKENS[as]}` } : {};
          if (sent !== undefined) headers['Content-Type'] = 'application/json';
          // Now and then the body is not even JSON: cut off early.
          const text = sent === undefined ? undefined : cut > 0 ? JSON.stringify(sent) : (JSON.stringify(sent) ?? '').slice(0, 7);
          const response = await t.app.request(path, { method: route.method, headers, ...(text !== undefined ? { body: text } : {}) });
          const answer = await response.text();
          expect(response.status, `${route.method} ${path} ${text ?? ''}\n${answer}`).toBeLessThan(500);
          if (response.status >= 400 && !path.startsWith('/data/')) expect(JSON.parse(answer), answer).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
          if (writes && response.status >= 400) expect(await storeState(), `${route.method} ${path} ${text}`).toBe(before);
        }),
        // Writes get more runs: their bad inputs have to get past more fields to reach the store.
        { numRuns: route.method === 'GET' ? 40 : 100 },
      );
      // A hundred writes, each with the store read before and after: seconds on a busy machine.
    }, 30_000);
  }

  it('answers the event stream for any Last-Event-ID, as an id or a 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.nat().map(String), hostileText, fc.constantFrom('0', '-1', '1e3', '999999999999999', '9'.repeat(20))), role, async (lastEventId, as) => {
        const response = await t.app.request(`/api/events?lastEventId=${encodeURIComponent(lastEventId)}`, { headers: as ? { Authorization: `Bearer ${TEST_TOKENS[as]}` } : {} });
        expect([200, 400], lastEventId).toContain(response.status);
        await response.body?.cancel();
      }),
      { numRuns: 40 },
    );
  });
});
