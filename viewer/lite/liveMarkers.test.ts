import { describe, expect, it } from 'vitest';
import type { Incident, MonitoringPoint } from '../../layers/index.ts';
import { liveMarkers } from './liveMarkers.ts';

const incident = (id: string, status: Incident['status']) => ({ id, status, lon: 119.8, lat: 28.9 }) as Incident;
const point = (id: string, alarm: boolean) => ({ id, lon: 119.7, lat: 28.8, alarm: alarm ? { incidentId: 'i', since: '', peak: 9 } : null }) as MonitoringPoint;

describe('live markers', () => {
  it('marks open incidents in their status colour and leaves closed ones out', () => {
    expect(liveMarkers([incident('a', '受理'), incident('b', '办结'), incident('c', '交办')], [])).toEqual([
      { id: 'incident:a', lon: 119.8, lat: 28.9, color: '#e53935' },
      { id: 'incident:c', lon: 119.8, lat: 28.9, color: '#fb8c00' },
    ]);
  });

  it('marks monitoring points only while they are in alarm', () => {
    expect(liveMarkers([], [point('p1', true), point('p2', false)])).toEqual([{ id: 'alarm:p1', lon: 119.7, lat: 28.8, color: '#ff1744' }]);
  });
});
