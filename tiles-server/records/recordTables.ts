import type { Binding, Incident, LifecycleRecord, LocalizedText, MonitoringPoint, Reading, Role } from '../../layers/index.ts';
import type { RecordCounts, RecordedStep, TwinStore } from '../store/twinStore.ts';
import { arrowStream } from './arrowStream.ts';
import type { RecordView } from './recordAccess.ts';
import { type Column, type SqlColumn, column } from './tableColumns.ts';

/** Where a table's rows come from, and how a caller may see them. */
export interface RecordSource {
  store: TwinStore;
  view: RecordView;
}

/** A kind of record as a SQL table. */
export interface RecordTable {
  name: string;
  title: LocalizedText;
  /** The catalog layer kind whose access opens the whole table (as it opens the JSON routes); none for lifecycle records, which are read through their parcels. */
  gate?: 'incidents' | 'monitoring-points';
  columns: readonly SqlColumn[];
  rows: (counts: RecordCounts) => number | null;
  /** The rows the caller may see, each as the JSON routes show it, as an Arrow IPC stream. */
  arrow: (source: RecordSource, role: Role) => Promise<ReadableStream<Uint8Array>>;
}

function recordTable<T>(table: Omit<RecordTable, 'arrow' | 'columns'> & { columns: Column<T>[]; records: (source: RecordSource, role: Role) => AsyncIterable<T[]> }): RecordTable {
  const { records, ...rest } = table;
  return { ...rest, arrow: (source, role) => arrowStream(table.columns, records(source, role)) };
}

async function* mapped<T, U>(chunks: AsyncIterable<T[]>, map: (chunk: T[]) => U[]): AsyncGenerator<U[]> {
  for await (const chunk of chunks) yield map(chunk);
}

/** The binding as three columns; hidden from a caller who may not read the bound object, as in the JSON routes. */
const bindingColumns = <T extends { binding: Binding }>(): Column<T>[] => [
  column('oid', 'VARCHAR', (record) => record.binding.oid),
  column('bound_by', 'VARCHAR', (record) => record.binding.method),
  column('bound_layer', 'VARCHAR', (record) => record.binding.layerId),
];

const incidents = recordTable<Incident>({
  name: 'incidents',
  title: { zh: '事件', en: 'Incidents' },
  gate: 'incidents',
  columns: [
    column('id', 'VARCHAR', (incident) => incident.id),
    column('type', 'VARCHAR', (incident) => incident.type),
    column('title', 'VARCHAR', (incident) => incident.title),
    column('description', 'VARCHAR', (incident) => incident.description),
    column('status', 'VARCHAR', (incident) => incident.status),
    column('township', 'VARCHAR', (incident) => incident.township),
    column('lon', 'DOUBLE', (incident) => incident.lon),
    column('lat', 'DOUBLE', (incident) => incident.lat),
    column('floor', 'INTEGER', (incident) => incident.floor),
    ...bindingColumns<Incident>(),
    column('assignee', 'VARCHAR', (incident) => incident.assignee),
    column('source', 'VARCHAR', (incident) => incident.source),
    column('reported_at', 'TIMESTAMP', (incident) => incident.reportedAt),
    column('updated_at', 'TIMESTAMP', (incident) => incident.updatedAt),
  ],
  rows: (counts) => counts.incidents,
  records: ({ store, view }, role) => mapped(store.allIncidents(), (chunk) => chunk.map((incident) => view.record(incident, role))),
});

const incidentSteps = recordTable<RecordedStep>({
  name: 'incident_steps',
  title: { zh: '事件流转记录', en: 'Incident steps' },
  gate: 'incidents',
  columns: [
    column('incident_id', 'VARCHAR', (step) => step.incidentId),
    column('status', 'VARCHAR', (step) => step.status),
    column('actor', 'VARCHAR', (step) => step.actor),
    column('assignee', 'VARCHAR', (step) => step.assignee),
    column('note', 'VARCHAR', (step) => step.note),
    column('stepped_at', 'TIMESTAMP', (step) => step.at),
  ],
  rows: (counts) => counts.incidentSteps,
  records: ({ store }) => store.allIncidentSteps(),
});

const monitoringPoints = recordTable<MonitoringPoint>({
  name: 'monitoring_points',
  title: { zh: '监测点', en: 'Monitoring points' },
  gate: 'monitoring-points',
  columns: [
    column('id', 'VARCHAR', (point) => point.id),
    column('kind', 'VARCHAR', (point) => point.kind),
    column('name', 'VARCHAR', (point) => point.name),
    column('unit', 'VARCHAR', (point) => point.unit),
    column('warning_threshold', 'DOUBLE', (point) => point.thresholds?.warning ?? null),
    column('alarm_threshold', 'DOUBLE', (point) => point.thresholds?.alarm ?? null),
    column('lon', 'DOUBLE', (point) => point.lon),
    column('lat', 'DOUBLE', (point) => point.lat),
    column('township', 'VARCHAR', (point) => point.township),
    ...bindingColumns<MonitoringPoint>(),
    column('latest_value', 'DOUBLE', (point) => point.latest?.value ?? null),
    column('latest_at', 'TIMESTAMP', (point) => point.latest?.at ?? null),
    column('alarm_incident_id', 'VARCHAR', (point) => point.alarm?.incidentId ?? null),
    column('alarm_since', 'TIMESTAMP', (point) => point.alarm?.since ?? null),
    column('alarm_peak', 'DOUBLE', (point) => point.alarm?.peak ?? null),
  ],
  rows: (counts) => counts.monitoringPoints,
  records: ({ store, view }, role) => mapped(store.allMonitoringPoints(), (chunk) => chunk.map((point) => view.record(point, role))),
});

const readings = recordTable<Reading>({
  name: 'monitoring_readings',
  title: { zh: '监测读数', en: 'Monitoring readings' },
  gate: 'monitoring-points',
  columns: [column('point_id', 'VARCHAR', (reading) => reading.pointId), column('read_at', 'TIMESTAMP', (reading) => reading.at), column('value', 'DOUBLE', (reading) => reading.value)],
  rows: (counts) => counts.readings,
  records: ({ store }) => store.allReadings(),
});

const lifecycle = recordTable<LifecycleRecord>({
  name: 'lifecycle_records',
  title: { zh: '资源码全生命周期记录', en: 'Lifecycle records' },
  columns: [
    column('id', 'BIGINT', (record) => record.id),
    column('resource_code', 'VARCHAR', (record) => record.resourceCode),
    column('oid', 'VARCHAR', (record) => record.oid),
    column('stage', 'VARCHAR', (record) => record.stage),
    column('record_date', 'DATE', (record) => record.date),
    column('summary', 'VARCHAR', (record) => record.summary),
    column('department', 'VARCHAR', (record) => record.department),
  ],
  // Which of them a caller may see depends on each one's parcel: counting them means reading them.
  rows: () => null,
  records: ({ store, view }, role) => mapped(store.allLifecycleRecords(), (chunk) => chunk.filter((record) => view.canSeeLifecycle(record, role)).map((record) => view.lifecycleRecord(record, role))),
});

/** The data API's records as SQL tables, in the order they are listed. */
export const RECORD_TABLES: readonly RecordTable[] = [incidents, incidentSteps, monitoringPoints, readings, lifecycle];
