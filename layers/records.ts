import type { LocalizedText } from './schema.ts';

/**
 * Business records as the data API sends them: what the server stores and the viewer shows.
 * Bound to spatial objects by `oid` (docs/architecture.md: the oid and binding model).
 */

/** The life of an incident (the 数字城管 case flow): 受理 → 交办 → 处置 → 办结, or 退回 and assigned again. */
export const INCIDENT_STATUSES = ['受理', '交办', '处置', '办结', '退回'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** How a record came to be bound to an object. */
export interface Binding {
  oid: string | null;
  /** `given`: the writer named the object; `position`: the smallest object containing its point; `none`: nothing contains it. */
  method: 'given' | 'position' | 'none';
  /** The layer of the bound object, when known. */
  layerId: string | null;
}

export interface IncidentStep {
  status: IncidentStatus;
  actor: string;
  assignee: string | null;
  note: string | null;
  at: string;
}

export interface Incident {
  id: string;
  type: string;
  title: string;
  description: string | null;
  status: IncidentStatus;
  township: string | null;
  lon: number;
  lat: number;
  floor: number | null;
  binding: Binding;
  assignee: string | null;
  source: string;
  reportedAt: string;
  updatedAt: string;
}

/** One change the live stream carries; ids only grow, so a client resumes after the last it saw. */
export interface TwinEvent {
  id: number;
  type: 'incident.created' | 'incident.updated' | 'alarm.raised' | 'alarm.cleared';
  at: string;
  data: Record<string, unknown>;
}

export interface MonitoringPoint {
  id: string;
  kind: string;
  name: string;
  unit: string;
  thresholds: { warning: number; alarm: number } | null;
  lon: number;
  lat: number;
  township: string | null;
  binding: Binding;
  latest: { value: number; at: string } | null;
  /** Set while a reading above the alarm threshold has not been followed by one below it. */
  alarm: { incidentId: string; since: string; peak: number } | null;
}

export interface Reading {
  pointId: string;
  at: string;
  value: number;
}

export interface LifecycleRecord {
  id: number;
  resourceCode: string;
  oid: string | null;
  stage: string;
  date: string;
  summary: string;
  department: string;
}

/** An object of a layer with every record bound to it (`GET /api/objects/{oid}`). */
export interface BoundObject {
  oid: string;
  layerId: string;
  properties: Record<string, unknown>;
  bbox: [number, number, number, number];
  position: { lon: number; lat: number };
  geometry: unknown;
  records: { incidents: Incident[]; monitoringPoints: MonitoringPoint[]; lifecycle: LifecycleRecord[] };
}

/** A kind of record as a SQL table (`GET /api/records`): as much of it as the caller may read, as Arrow. */
export interface RecordTableEntry {
  /** Its name in SQL, e.g. `incidents`, `monitoring_readings`. */
  name: string;
  title: LocalizedText;
  /** Its rows as an Arrow IPC stream (`GET /api/records/{name}.arrow`). */
  arrow: string;
  columns: { name: string; type: string }[];
  /** How many rows it has; null where the caller's share is known only by reading them all. */
  rows: number | null;
}
