import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventStreamReader } from '../../test/support/eventStream.ts';
import { createTestApp } from '../testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
  await t.call('POST', '/api/monitoring/points', {
    as: 'operator',
    body: {
      points: [
        { id: 'mp:gauge', kind: 'water-level', name: '熟溪水位站', unit: 'm', thresholds: { warning: 3.5, alarm: 4.5 }, lon: 119.818, lat: 28.818 },
        { id: 'mp:cam', kind: 'camera', name: '县政府视频', unit: '', lon: 119.8122, lat: 28.8122 },
        { id: 'mp:far', kind: 'rainfall', name: '远处雨量站', unit: 'mm/h', thresholds: { warning: 30, alarm: 50 }, lon: 119.9, lat: 28.9 },
      ],
    },
  });
});
afterEach(() => t.close());

const readings = (values: number[], start = 0) =>
  values.map((value, i) => ({ pointId: 'mp:gauge', at: new Date(Date.UTC(2026, 6, 1, 0, start + i)).toISOString(), value }));

describe('monitoring API', () => {
  it('registers points bound to the object they stand in, and finds those near a place', async () => {
    const gauge = await (await t.call('GET', '/api/monitoring/points/mp:gauge')).json();
    expect(gauge).toMatchObject({ binding: { oid: 'parcel:330723-000001', method: 'position' }, township: '330723001', latest: null, alarm: null });
    const near = await (await t.call('GET', '/api/monitoring/points?near=119.8122,28.8122&radius=1000')).json();
    expect(near.points.map((p: { id: string; distance: number }) => [p.id, p.distance < 1000])).toEqual([['mp:cam', true], ['mp:gauge', true]]);
    expect(near.points[0].distance).toBe(0);
    expect((await (await t.call('GET', '/api/monitoring/points?kind=rainfall')).json()).points.map((p: { id: string }) => p.id)).toEqual(['mp:far']);
  });

  it('raises one incident when a reading passes the alarm threshold, pushes it live and clears it later', async () => {
    const stream = new EventStreamReader(await t.call('GET', '/api/events'));
    const first = await t.call('POST', '/api/monitoring/readings', { as: 'operator', body: { readings: readings([3.1, 4.8, 5.2, 4.6]) } });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 4, duplicates: 0, alarmsRaised: ['mp:gauge'], alarmsCleared: [] });
    await stream.waitFor(2);
    expect(stream.events.map((e) => e.event)).toEqual(['incident.created', 'alarm.raised']);
    const { incident } = JSON.parse(stream.events[0]!.data);
    expect(incident).toMatchObject({ type: '监测告警', source: 'monitoring:mp:gauge', binding: { oid: 'parcel:330723-000001' }, reportedAt: '2026-07-01T00:01:00.000Z' });
    expect(incident.title).toContain('熟溪水位站超过告警值：4.8m');

    const point = await (await t.call('GET', '/api/monitoring/points/mp:gauge')).json();
    expect(point.latest).toEqual({ value: 4.6, at: '2026-07-01T00:03:00.000Z' });
    expect(point.alarm).toMatchObject({ incidentId: incident.id, peak: 5.2 });

    await t.call('POST', '/api/monitoring/readings', { as: 'operator', body: { readings: readings([4.9, 3.0], 4) } });
    await stream.waitFor(3);
    expect(stream.events[2]!.event).toBe('alarm.cleared');
    expect((await t.store.incidents({ limit: 10, offset: 0, type: '监测告警' })).total).toBe(1);
    await stream.close();

    const series = await (await t.call('GET', '/api/monitoring/points/mp:gauge/readings?from=2026-07-01T00:02:00Z&to=2026-07-01T00:05:00Z')).json();
    expect(series.readings.map((r: { value: number }) => r.value)).toEqual([5.2, 4.6, 4.9]);
  });

  it('refuses malformed batches whole, naming the reading and field', async () => {
    const post = (body: unknown) => t.call('POST', '/api/monitoring/readings', { as: 'operator', body });
    const badValue = await post({ readings: [...readings([3.0]), { pointId: 'mp:gauge', at: '2026-07-01T00:09:00Z', value: 'high' }] });
    expect(badValue.status).toBe(400);
    expect((await badValue.json()).error.message).toMatch(/Field "readings.1.value"/);
    expect((await (await post({ readings: [{ pointId: 'mp:gauge', at: 'yesterday', value: 1 }] })).json()).error.message).toMatch(/readings.0.at/);
    const unknownPoint = await post({ readings: [...readings([9.9]), { pointId: 'mp:nowhere', at: '2026-07-01T00:09:00Z', value: 1 }] });
    expect(unknownPoint.status).toBe(404);
    expect(await t.store.readings('mp:gauge', { limit: 10 })).toEqual([]);
    expect((await t.store.incidents({ limit: 10, offset: 0 })).total).toBe(0);
    const badPoint = await t.call('POST', '/api/monitoring/points', { as: 'operator', body: { points: [{ id: 'mp:x', kind: 'rain', name: 'x', unit: 'mm', thresholds: { warning: 60, alarm: 50 }, lon: 119, lat: 28 }] } });
    expect((await badPoint.json()).error.message).toMatch(/Field "points.0.thresholds.warning": warning must not be above alarm/);
    expect((await t.call('POST', '/api/monitoring/readings', { as: 'viewer', body: { readings: readings([1]) } })).status).toBe(403);
  });

  it('refuses values and thresholds beyond any sensor with a 400 naming the field', async () => {
    for (const value of [1e19, -1e19, 1e300]) {
      const response = await t.call('POST', '/api/monitoring/readings', { as: 'operator', body: { readings: [{ pointId: 'mp:gauge', at: '2026-07-01T00:00:00Z', value }] } });
      expect(response.status, String(value)).toBe(400);
      expect((await response.json()).error.message).toMatch(/^Field "readings.0.value"/);
    }
    const point = { id: 'mp:big', kind: 'water-level', name: '大', unit: 'm', thresholds: { warning: 1, alarm: 1e19 }, lon: 119, lat: 28 };
    const response = await t.call('POST', '/api/monitoring/points', { as: 'operator', body: { points: [point] } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^Field "points.0.thresholds.alarm"/);
    expect(await t.store.readings('mp:gauge', { limit: 10 })).toEqual([]);
  });

  it('stores a retried reading once and raises nothing twice', async () => {
    const alarming = readings([4.8, 3.0]);
    expect(await (await t.call('POST', '/api/monitoring/readings', { as: 'operator', body: { readings: alarming } })).json()).toMatchObject({ accepted: 2, duplicates: 0, alarmsRaised: ['mp:gauge'], alarmsCleared: ['mp:gauge'] });
    // The gateway did not hear the answer and sends the batch again, one reading twice over.
    const retried = await t.call('POST', '/api/monitoring/readings', { as: 'operator', body: { readings: [...alarming, alarming[0]!] } });
    expect(await retried.json()).toEqual({ accepted: 0, duplicates: 3, alarmsRaised: [], alarmsCleared: [] });
    expect((await t.store.readings('mp:gauge', { limit: 10 })).map((reading) => reading.value)).toEqual([4.8, 3.0]);
    expect((await t.store.incidents({ limit: 10, offset: 0, type: '监测告警' })).total).toBe(1);
  });

  it('reads a series between instants given with any UTC offset', async () => {
    await t.call('POST', '/api/monitoring/readings', { as: 'operator', body: { readings: readings([1, 2, 3, 4]) } });
    const values = async (from: string, to: string) =>
      (await (await t.call('GET', `/api/monitoring/points/mp:gauge/readings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).json()).readings.map((r: { value: number }) => r.value);
    expect(await values('2026-07-01T08:01:00+08:00', '2026-07-01T08:03:00+08:00')).toEqual([2, 3]);
    expect(await values('2026-07-01T00:01:00Z', '2026-07-01T00:03:00Z')).toEqual([2, 3]);
  });

  it('writes the incident an alarm raises to the audit log as the alarm rule, not the gateway', async () => {
    await t.call('POST', '/api/monitoring/readings', { as: 'operator', body: { readings: readings([4.8]) } });
    const [incident] = (await t.store.incidents({ limit: 1, offset: 0, type: '监测告警' })).incidents;
    const audit = await t.store.audit({ limit: 10, offset: 0 });
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'system:alarm', role: 'system', action: 'incident.create', target: incident!.id }));
    expect((await t.store.incident(incident!.id))!.steps[0]!.actor).toBe('system:alarm');
  });
});
