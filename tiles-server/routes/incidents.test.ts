import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventStreamReader } from '../../test/support/eventStream.ts';
import { createTestApp } from '../testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => (t = await createTestApp()));
afterEach(() => t.close());

const report = { type: '设施损坏', title: '县政府门前路灯损坏', lon: 119.81225, lat: 28.81225 };

describe('incidents API', () => {
  it('binds a reported incident to the smallest object at its position and names its township', async () => {
    const response = await t.call('POST', '/api/incidents', { as: 'operator', body: report });
    expect(response.status).toBe(201);
    const incident = await response.json();
    expect(incident).toMatchObject({
      id: expect.stringMatching(/^inc:330723-\d{4}-00001$/),
      status: '受理',
      township: '330723001',
      binding: { oid: 'bldg:330723-000001', method: 'position', layerId: 'buildings' },
      source: 'api:operator-user',
    });
    expect(response.headers.get('location')).toBe(`/api/incidents/${encodeURIComponent(incident.id)}`);

    const inParcel = await (await t.call('POST', '/api/incidents', { as: 'operator', body: { ...report, lon: 119.818, lat: 28.818 } })).json();
    expect(inParcel.binding).toEqual({ oid: 'parcel:330723-000001', method: 'position', layerId: 'landuse' });
    const named = await (await t.call('POST', '/api/incidents', { as: 'operator', body: { type: '违法用地', title: '疑似未批先建', oid: 'parcel:330723-000001', floor: 3 } })).json();
    expect(named).toMatchObject({ binding: { oid: 'parcel:330723-000001', method: 'given' }, lon: expect.closeTo(119.815, 9), lat: expect.closeTo(28.815, 9), floor: 3 });
  });

  it('walks an incident through its workflow, recording who did each step', async () => {
    const { id } = await (await t.call('POST', '/api/incidents', { as: 'operator', body: report })).json();
    const step = (body: object) => t.call('POST', `/api/incidents/${encodeURIComponent(id)}/steps`, { as: 'operator', body });
    expect((await step({ to: '交办', assignee: '县住建局' })).status).toBe(200);
    expect((await step({ to: '办结', note: '已修复' })).status).toBe(409);
    expect((await step({ to: '处置' })).status).toBe(200);
    expect((await step({ to: '办结', note: '已更换灯具' })).status).toBe(200);
    const saved = await (await t.call('GET', `/api/incidents/${encodeURIComponent(id)}`)).json();
    expect(saved.status).toBe('办结');
    expect(saved.steps.map((s: { status: string; actor: string }) => `${s.status}/${s.actor}`)).toEqual(['受理/operator-user', '交办/operator-user', '处置/operator-user', '办结/operator-user']);
  });

  it('lists with filters and pages', async () => {
    for (const type of ['设施损坏', '道路积水', '道路积水']) await t.call('POST', '/api/incidents', { as: 'operator', body: { ...report, type } });
    const list = async (query: string) => (await t.call('GET', `/api/incidents?${query}`)).json();
    expect((await list('type=道路积水')).total).toBe(2);
    expect((await list('status=受理,交办&township=330723001&limit=1')).incidents).toHaveLength(1);
    expect((await list(`from=${new Date(Date.now() + 60_000).toISOString()}`)).total).toBe(0);
    expect((await list('oid=bldg:330723-000001')).total).toBe(3);
  });

  it('refuses bad input with a message naming the field, and unknown ids with 404', async () => {
    const post = (body: unknown) => t.call('POST', '/api/incidents', { as: 'operator', body });
    const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;
    const missingTitle = await post({ type: '设施损坏', lon: 119.8, lat: 28.8 });
    expect(missingTitle.status).toBe(400);
    expect(await message(missingTitle)).toMatch(/Field "title"/);
    expect(await message(await post({ ...report, lat: 91 }))).toMatch(/Field "lat"/);
    expect(await message(await post({ type: 'x', title: 'y' }))).toMatch(/Field "lon": give lon and lat, or the oid/);
    expect(await message(await post({ ...report, oid: 'bldg:nowhere' }))).toMatch(/Field "oid": no object "bldg:nowhere"/);
    expect(await message(await post({ ...report, extra: 1 }))).toMatch(/extra/);
    expect(await message(await post('{"type":'))).toMatch(/must be JSON/);
    expect((await t.call('GET', '/api/incidents?status=完成')).status).toBe(400);
    expect((await t.call('GET', '/api/incidents/inc:none')).status).toBe(404);
    expect((await t.call('POST', '/api/incidents/inc:none/steps', { as: 'operator', body: { to: '处置' } })).status).toBe(404);
    expect(await (await t.call('GET', '/api/incidents')).json()).toMatchObject({ total: 0 });
  });

  it('needs an operator token to write and audits every write, refused ones too', async () => {
    expect((await t.call('POST', '/api/incidents', { body: report })).status).toBe(401);
    expect((await t.call('POST', '/api/incidents', { as: 'viewer', body: report })).status).toBe(403);
    expect((await t.call('POST', '/api/incidents', { body: report, headers: { Authorization: 'Bearer not-a-token-at-all' } })).status).toBe(401);
    const { id } = await (await t.call('POST', '/api/incidents', { as: 'operator', body: report })).json();
    expect((await t.call('GET', '/api/audit', { as: 'operator' })).status).toBe(403);
    const audit = await (await t.call('GET', '/api/audit', { as: 'admin' })).json();
    expect(audit.entries).toEqual([
      expect.objectContaining({ actor: 'operator-user', role: 'operator', action: 'incident.create', target: id }),
      expect.objectContaining({ actor: '(unknown token)', role: 'anonymous', action: 'refused.401', target: 'POST /api/incidents' }),
      expect.objectContaining({ actor: 'viewer-user', role: 'viewer', action: 'refused.403', target: 'POST /api/incidents' }),
      expect.objectContaining({ actor: 'anonymous', role: 'anonymous', action: 'refused.401', target: 'POST /api/incidents' }),
    ]);
  });

  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const huge = { ...report, description: 'x'.repeat(3 * 1024 * 1024) };
    const response = await t.call('POST', '/api/incidents', { as: 'operator', body: huge });
    expect(response.status).toBe(413);
    expect((await t.store.incidents({ limit: 10, offset: 0 })).total).toBe(0);
  });
});

describe('incident input, as careless and hostile clients send it', () => {
  const post = (body: unknown) => t.call('POST', '/api/incidents', { as: 'operator', body });
  const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

  it('names the coordinate that is missing', async () => {
    expect(await message(await post({ type: '设施损坏', title: '无纬度', lon: 119.81 }))).toMatch(/^Field "lat"/);
    expect(await message(await post({ type: '设施损坏', title: '无经度', lat: 28.81 }))).toMatch(/^Field "lon"/);
  });

  it('refuses NUL, control and text-direction override characters in what is shown to people', async () => {
    for (const title of ['路灯\u0000损坏', '路灯\u202e坏损', '路灯\u2066损坏', '路灯\n损坏', '路灯\u001b[31m损坏']) {
      const response = await post({ ...report, title });
      expect(response.status, JSON.stringify(title)).toBe(400);
      expect(await message(response)).toMatch(/^Field "title"/);
    }
    expect((await post({ ...report, description: '第一行\n第二行' })).status).toBe(201);
    expect((await t.store.incidents({ limit: 10, offset: 0 })).total).toBe(1);
  });

  it('compares times as instants, whatever their UTC offset', async () => {
    await t.store.createIncident({ ...report, township: null, binding: { oid: null, method: 'none', layerId: null }, source: 'test', reportedAt: '2026-11-28T01:30:00.000Z' }, { name: 'test', role: 'operator' });
    const count = async (query: string) => (await (await t.call('GET', `/api/incidents?${query}`)).json()).total;
    // 09:00 in Beijing is 01:00 UTC: the incident at 01:30 UTC comes after it, and before 09:45 Beijing time.
    expect(await count(`from=${encodeURIComponent('2026-11-28T09:00:00+08:00')}`)).toBe(1);
    expect(await count(`from=${encodeURIComponent('2026-11-28T09:45:00+08:00')}`)).toBe(0);
    expect(await count(`to=${encodeURIComponent('2026-11-28T09:45:00+08:00')}`)).toBe(1);
    expect(await count('from=2026-11-28T01:00:00Z')).toBe(1);
    expect(await count('from=2026-11-28T01:45:00Z')).toBe(0);
  });
});

describe('incidents as they stood at an instant (asOf)', () => {
  type Step = { status: string; assignee: string | null; at: string };
  const later = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();
  /** The test's own reading of the steps: the last at or before `instant`, and the last assignee named by then. */
  const expectedAt = (steps: Step[], instant: string) => {
    const taken = steps.filter((step) => Date.parse(step.at) <= Date.parse(instant));
    if (taken.length === 0) return undefined;
    return { status: taken.at(-1)!.status, assignee: taken.findLast((step) => step.assignee !== null)?.assignee ?? null, updatedAt: taken.at(-1)!.at };
  };

  it('gives each incident its status, assignee and last change at that instant, from its steps; later reports are not there yet', async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    const { id } = await (await t.call('POST', '/api/incidents', { as: 'operator', body: report })).json();
    for (const body of [{ to: '交办', assignee: '县住建局' }, { to: '处置' }, { to: '办结', note: '已更换灯具' }]) {
      await pause();
      expect((await t.call('POST', `/api/incidents/${encodeURIComponent(id)}/steps`, { as: 'operator', body })).status).toBe(200);
    }
    await pause();
    const { id: laterId } = await (await t.call('POST', '/api/incidents', { as: 'operator', body: { ...report, title: '后来上报' } })).json();
    const { steps, reportedAt } = (await (await t.call('GET', `/api/incidents/${encodeURIComponent(id)}`)).json()) as { steps: Step[]; reportedAt: string };
    const laterReportedAt = (await (await t.call('GET', `/api/incidents/${encodeURIComponent(laterId)}`)).json()).reportedAt as string;
    expect(steps.map((step) => step.status)).toEqual(['受理', '交办', '处置', '办结']);

    const asOf = async (instant: string, filter = '') => (await (await t.call('GET', `/api/incidents?asOf=${encodeURIComponent(instant)}${filter}`)).json()) as { total: number; incidents: { id: string; status: string; assignee: string | null; updatedAt: string }[] };
    const instants = [later(reportedAt, -1), ...steps.flatMap((step) => [later(step.at, -1), step.at]), laterReportedAt];
    for (const instant of instants) {
      const listed = await asOf(instant);
      const expected = expectedAt(steps, instant);
      const found = listed.incidents.find((incident) => incident.id === id);
      expect(found && { status: found.status, assignee: found.assignee, updatedAt: found.updatedAt }, instant).toEqual(expected);
      expect(listed.incidents.some((incident) => incident.id === laterId), instant).toBe(Date.parse(instant) >= Date.parse(laterReportedAt));
    }
    // An incident closed at T is open just before T, and filters read the status it had then.
    const closedAt = steps.at(-1)!.at;
    expect((await asOf(later(closedAt, -1), '&status=办结')).total).toBe(0);
    expect((await asOf(later(closedAt, -1), '&status=处置')).incidents.map((incident) => incident.id)).toEqual([id]);
    expect((await asOf(closedAt, '&status=办结')).incidents.map((incident) => incident.id)).toEqual([id]);
    // The same instant in Beijing time.
    const beijing = new Date(Date.parse(closedAt) + 8 * 3600_000).toISOString().replace('Z', '+08:00');
    expect((await asOf(beijing, '&status=办结')).total).toBe(1);
    // Now, it is the incident as it is.
    expect((await asOf(new Date(Date.now() + 1000).toISOString())).incidents.find((incident) => incident.id === id)).toMatchObject({ status: '办结', assignee: '县住建局' });
  });

  it('refuses an instant without its offset, naming the field', async () => {
    const response = await t.call('GET', '/api/incidents?asOf=2026-11-28T09:00:00');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/asOf/);
  });
});

describe('event stream', () => {
  it('pushes each change live and replays what a client missed from its Last-Event-ID', async () => {
    const live = new EventStreamReader(await t.call('GET', '/api/events'));
    const { id } = await (await t.call('POST', '/api/incidents', { as: 'operator', body: report })).json();
    await t.call('POST', `/api/incidents/${encodeURIComponent(id)}/steps`, { as: 'operator', body: { to: '交办', assignee: '县住建局' } });
    await live.waitFor(2);
    expect(live.events.map((e) => e.event)).toEqual(['incident.created', 'incident.updated']);
    expect(JSON.parse(live.events[1]!.data)).toMatchObject({ incident: { id, status: '交办' }, step: { actor: 'operator-user', assignee: '县住建局' } });
    const seen = live.events[0]!.id!;
    await live.close();

    const resumed = new EventStreamReader(await t.call('GET', '/api/events', { headers: { 'Last-Event-ID': seen } }));
    await resumed.waitFor(1);
    expect(resumed.events.map((e) => e.id)).toEqual([live.events[1]!.id]);
    await resumed.close();
    expect((await t.call('GET', '/api/events', { headers: { 'Last-Event-ID': 'abc' } })).status).toBe(400);
  });

  it('sends keep-alive comments on a quiet stream', async () => {
    const response = await t.call('GET', '/api/events');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(': keep-alive')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toContain('retry: 2000');
  });
});
