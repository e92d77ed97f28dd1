import type { Analysis, AnalysisSummary, Binding, Incident, IncidentStatus, IncidentStep, LifecycleRecord, MonitoringPoint, Reading, Scene, Storyboard, StoryboardEntry, TwinEvent } from '../../layers/index.ts';

export type { Binding, Incident, IncidentStep, LifecycleRecord, MonitoringPoint, Reading, TwinEvent } from '../../layers/index.ts';

/** Who made a write: the token's name and role, or the server itself (`system:…`). */
export interface Actor {
  name: string;
  role: string;
}

export interface NewIncident {
  type: string;
  title: string;
  description?: string | undefined;
  lon: number;
  lat: number;
  floor?: number | undefined;
  township: string | null;
  binding: Binding;
  source: string;
  reportedAt?: string | undefined;
  /** Sample data and imports keep their own ids and status; the API never sets these. */
  id?: string;
  status?: IncidentStatus;
}

export interface IncidentFilter {
  status?: IncidentStatus[] | undefined;
  type?: string | undefined;
  township?: string | undefined;
  oid?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Each incident as it stood at this instant (UTC ISO): only those reported by then, with their status, assignee and last change then. */
  asOf?: string | undefined;
  limit: number;
  offset: number;
}

export interface IncidentTransition {
  to: IncidentStatus;
  assignee?: string | undefined;
  note?: string | undefined;
}

export type NewMonitoringPoint = Omit<MonitoringPoint, 'latest' | 'alarm'>;

export interface IngestResult {
  /** Readings stored by this call. */
  accepted: number;
  /** Readings of a point at a time already stored (a gateway's retry): kept once, not stored again. */
  duplicates: number;
  alarmsRaised: string[];
  alarmsCleared: string[];
}

export type NewLifecycleRecord = Omit<LifecycleRecord, 'id'>;

/** An analysis to keep: everything but who made it and when, which the store adds; `summary` holds its headline figures for lists. */
export type NewAnalysis = Omit<Analysis, 'createdBy' | 'createdAt'> & { summary: AnalysisSummary['summary'] };

export interface RecordBatch {
  incidents: NewIncident[];
  monitoringPoints: NewMonitoringPoint[];
  lifecycle: NewLifecycleRecord[];
}

/** A step of an incident's history with the incident it belongs to, as a table of every step holds it. */
export interface RecordedStep extends IncidentStep {
  incidentId: string;
}

/** How many records of each kind are stored, for the list of record tables. */
export interface RecordCounts {
  incidents: number;
  incidentSteps: number;
  monitoringPoints: number;
  readings: number;
  lifecycle: number;
}

export interface IncidentCount {
  status: IncidentStatus;
  township: string | null;
  count: number;
}

/** Incidents reported on one day (YYYY-MM-DD, in the time zone asked for) in one township. */
export interface IncidentDayCount {
  day: string;
  township: string | null;
  count: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string;
}

/**
 * Everything the data server stores, in the words of the domain. The DuckDB implementation is
 * the embedded default; a PostgreSQL one can follow behind the same methods. Every write is one
 * transaction that also appends its audit entry and its live events; it resolves only once
 * committed, so an acknowledged write survives a crash.
 */
export interface TwinStore {
  createIncident(incident: NewIncident, actor: Actor): Promise<Incident>;
  transitionIncident(id: string, transition: IncidentTransition, actor: Actor): Promise<Incident>;
  incident(id: string): Promise<(Incident & { steps: IncidentStep[] }) | undefined>;
  incidents(filter: IncidentFilter): Promise<{ total: number; incidents: Incident[] }>;
  /** How many incidents there are by status and township, for the dashboard; with `asOf`, as they stood then. */
  incidentCounts(asOf?: string): Promise<IncidentCount[]>;
  /** Incidents reported since `since` (an instant) and, with `until`, by then, by day in a time zone `utcOffsetMinutes` ahead of UTC, and township. */
  incidentsPerDay(since: string, utcOffsetMinutes: number, until?: string): Promise<IncidentDayCount[]>;
  /** The monitoring points in alarm at an instant, each with its latest reading by then. */
  alarmingAt(asOf: string): Promise<{ pointId: string; value: number | null }[]>;

  upsertMonitoringPoints(points: NewMonitoringPoint[], actor: Actor): Promise<number>;
  monitoringPoints(): Promise<MonitoringPoint[]>;
  monitoringPoint(id: string): Promise<MonitoringPoint | undefined>;
  /**
   * Stores readings, raising an incident when a point first crosses its alarm threshold and
   * clearing it when it falls back. Idempotent on (point, time): a reading already stored is not
   * stored or judged again.
   */
  ingestReadings(readings: Reading[], actor: Actor, raise: (point: MonitoringPoint, reading: Reading) => NewIncident): Promise<IngestResult>;
  readings(pointId: string, range: { from?: string | undefined; to?: string | undefined; limit: number }): Promise<Reading[]>;

  addLifecycleRecords(records: NewLifecycleRecord[], actor: Actor): Promise<LifecycleRecord[]>;
  lifecycle(resourceCode: string): Promise<LifecycleRecord[]>;

  /** Incidents, monitoring points and lifecycle records bound to one object (lifecycle records also by its resource code). */
  recordsBoundTo(oid: string, resourceCode?: string): Promise<{ incidents: Incident[]; monitoringPoints: MonitoringPoint[]; lifecycle: LifecycleRecord[] }>;

  /**
   * Every record of a kind, a chunk at a time, for reads of a whole table (the analyst's SQL
   * tables): each is one snapshot, read on a connection of its own so that a slow reader holds no
   * other read up, and ended with StoreClosed once the store starts closing.
   */
  allIncidents(): AsyncIterable<Incident[]>;
  allIncidentSteps(): AsyncIterable<RecordedStep[]>;
  allMonitoringPoints(): AsyncIterable<MonitoringPoint[]>;
  allReadings(): AsyncIterable<Reading[]>;
  allLifecycleRecords(): AsyncIterable<LifecycleRecord[]>;
  recordCounts(): Promise<RecordCounts>;

  /** Storyboards saved by users (the catalog's own are not stored). */
  storyboards(): Promise<StoryboardEntry[]>;
  storyboard(id: string): Promise<StoryboardEntry | undefined>;
  /** Creates or replaces a storyboard. */
  saveStoryboard(storyboard: Storyboard, actor: Actor): Promise<StoryboardEntry>;
  /** Appends a scene to a saved storyboard ("save this view as a scene"). */
  addScene(id: string, scene: Scene, actor: Actor): Promise<StoryboardEntry>;
  deleteStoryboard(id: string, actor: Actor): Promise<void>;

  /** Analyses kept as records: what was asked, the answer and the data it came from. */
  saveAnalysis(analysis: NewAnalysis, actor: Actor): Promise<Analysis>;
  analysis(id: string): Promise<Analysis | undefined>;
  /** The newest first, without their parameters and results. */
  analyses(range: { limit: number; offset: number }): Promise<AnalysisSummary[]>;

  eventsAfter(id: number, limit: number): Promise<TwinEvent[]>;
  /** The id of the newest event, 0 when there is none. */
  latestEventId(): Promise<number>;
  /** Called with each event once its transaction has committed. */
  subscribe(listener: (event: TwinEvent) => void): () => void;

  audit(range: { limit: number; offset: number }): Promise<AuditEntry[]>;
  /** Writes a refused write to the audit log: `refused.<status>` on `target` (method and path). */
  recordRefusal(actor: Actor, status: number, target: string): Promise<void>;
  /**
   * Stores a named batch of records (e.g. the sample twin's) in one transaction, unless a batch
   * of that name was stored before; says whether it did.
   */
  importOnce(name: string, batch: RecordBatch, actor: Actor): Promise<boolean>;
  /** Whether a batch of that name was stored, so a caller need not prepare it again. */
  hasImported(name: string): Promise<boolean>;

  close(): Promise<void>;
}

/** The store is closing (the server is shutting down): the request is not answered from it. */
export class StoreClosed extends Error {
  constructor() {
    super('The store is closed');
    this.name = 'StoreClosed';
  }
}

/** A write the store refused because of the data's state, not its shape (HTTP 404 / 409). */
export class StoreConflict extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_transition' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'StoreConflict';
  }
}
