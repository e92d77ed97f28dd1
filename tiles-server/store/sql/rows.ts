import type { StoryboardEntry } from '../../../layers/index.ts';
import type { Binding, Incident, IncidentStep, LifecycleRecord, MonitoringPoint, Reading, RecordedStep } from '../twinStore.ts';
import type { Row } from './sqlEngine.ts';

type Cell = unknown;

export const iso = (value: Cell): string => (value instanceof Date ? value.toISOString() : String(value));
const text = (value: Cell): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: Cell): number | null => (value === null || value === undefined ? null : Number(value));

function bindingFrom(row: Row): Binding {
  return { oid: text(row.oid), method: row.bound_by as Binding['method'], layerId: text(row.bound_layer) };
}

export function incidentFrom(row: Row): Incident {
  return {
    id: String(row.id),
    type: String(row.type),
    title: String(row.title),
    description: text(row.description),
    status: row.status as Incident['status'],
    township: text(row.township),
    lon: Number(row.lon),
    lat: Number(row.lat),
    floor: num(row.floor),
    binding: bindingFrom(row),
    assignee: text(row.assignee),
    source: String(row.source),
    reportedAt: iso(row.reported_at),
    updatedAt: iso(row.updated_at),
  };
}

export function stepFrom(row: Row): IncidentStep {
  return { status: row.status as IncidentStep['status'], actor: String(row.actor), assignee: text(row.assignee), note: text(row.note), at: iso(row.stepped_at) };
}

export function recordedStepFrom(row: Row): RecordedStep {
  return { incidentId: String(row.incident_id), ...stepFrom(row) };
}

export function pointFrom(row: Row): MonitoringPoint {
  const warning = num(row.warning);
  const alarm = num(row.alarm);
  return {
    id: String(row.id),
    kind: String(row.kind),
    name: String(row.name),
    unit: String(row.unit),
    thresholds: warning !== null && alarm !== null ? { warning, alarm } : null,
    lon: Number(row.lon),
    lat: Number(row.lat),
    township: text(row.township),
    binding: bindingFrom(row),
    latest: row.latest_at ? { value: Number(row.latest_value), at: iso(row.latest_at) } : null,
    alarm: row.alarm_incident ? { incidentId: String(row.alarm_incident), since: iso(row.alarm_since), peak: Number(row.alarm_peak) } : null,
  };
}

export function readingFrom(row: Row): Reading {
  return { pointId: String(row.point_id), at: iso(row.read_at), value: Number(row.value) };
}

export function lifecycleFrom(row: Row): LifecycleRecord {
  return {
    id: Number(row.id),
    resourceCode: String(row.resource_code),
    oid: text(row.oid),
    stage: String(row.stage),
    date: iso(row.record_date).slice(0, 10),
    summary: String(row.summary),
    department: String(row.department),
  };
}

export function storyboardFrom(row: Row): StoryboardEntry {
  return {
    id: String(row.id),
    title: JSON.parse(String(row.title)) as StoryboardEntry['title'],
    scenes: JSON.parse(String(row.scenes)) as StoryboardEntry['scenes'],
    origin: 'saved',
    updatedAt: iso(row.updated_at),
    updatedBy: String(row.updated_by),
  };
}
