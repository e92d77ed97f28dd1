import { describe, expect, it } from 'vitest';
import type { Incident } from '../../layers/index.ts';
import { NO_FILTER, countByStatus, filterChoices, filterIncidents, incidentOf, mergeIncident } from './incidentFeed.ts';

const incident = (id: string, reportedAt: string, overrides: Partial<Incident> = {}): Incident => ({
  id,
  type: '道路积水',
  title: id,
  description: null,
  status: '受理',
  township: '330723001',
  lon: 119.8,
  lat: 28.9,
  floor: null,
  binding: { oid: null, method: 'none', layerId: null },
  assignee: null,
  source: 'test',
  reportedAt,
  updatedAt: reportedAt,
  ...overrides,
});

describe('incident feed', () => {
  it('adds new incidents in report order and replaces updated ones', () => {
    let list = [incident('a', '2026-11-01T00:00:00Z'), incident('b', '2026-11-03T00:00:00Z')];
    list = mergeIncident(list, incident('c', '2026-11-02T00:00:00Z'));
    expect(list.map((i) => i.id)).toEqual(['b', 'c', 'a']);
    list = mergeIncident(list, incident('a', '2026-11-01T00:00:00Z', { status: '交办' }));
    expect(list.map((i) => `${i.id}${i.status}`)).toEqual(['b受理', 'c受理', 'a交办']);
  });

  it('reads incidents from incident events only', () => {
    const carried = incident('x', '2026-11-01T00:00:00Z');
    expect(incidentOf({ id: 1, type: 'incident.updated', at: '', data: { incident: carried } })).toBe(carried);
    expect(incidentOf({ id: 2, type: 'alarm.raised', at: '', data: {} })).toBeUndefined();
  });

  it('filters by status, type and township and offers the choices present', () => {
    const list = [
      incident('a', '2026-11-01T00:00:00Z', { status: '办结' }),
      incident('b', '2026-11-02T00:00:00Z', { type: '违法用地', township: '330723100' }),
      incident('c', '2026-11-03T00:00:00Z'),
    ];
    expect(filterIncidents(list, NO_FILTER)).toHaveLength(3);
    expect(filterIncidents(list, { ...NO_FILTER, statuses: new Set(['受理']) }).map((i) => i.id)).toEqual(['b', 'c']);
    expect(filterIncidents(list, { ...NO_FILTER, type: '违法用地' }).map((i) => i.id)).toEqual(['b']);
    expect(filterIncidents(list, { ...NO_FILTER, township: '330723001' }).map((i) => i.id)).toEqual(['a', 'c']);
    expect(filterChoices(list)).toEqual({ types: ['道路积水', '违法用地'], townships: ['330723001', '330723100'] });
    expect(countByStatus(list)).toMatchObject({ 受理: 2, 办结: 1 });
  });
});
