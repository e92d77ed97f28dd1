import { type Analysis, type AnalysisSummary, type Scene, type Storyboard, type StoryboardEntry, transitionProblem } from '../../../layers/index.ts';
import {
  type Actor,
  type AuditEntry,
  type Incident,
  type IncidentCount,
  type IncidentDayCount,
  type IncidentFilter,
  type IncidentStep,
  type IncidentTransition,
  type IngestResult,
  type LifecycleRecord,
  type MonitoringPoint,
  type NewAnalysis,
  type NewIncident,
  type NewLifecycleRecord,
  type NewMonitoringPoint,
  type Reading,
  type RecordBatch,
  type RecordCounts,
  type RecordedStep,
  StoreClosed,
  StoreConflict,
  type TwinEvent,
  type TwinStore,
} from '../twinStore.ts';
import { analysisFrom, analysisSummaryFrom, insertAnalysis } from './analysisRecords.ts';
import { BatchedRows } from './batchedRows.ts';
import { GroupCommit } from './groupCommit.ts';
import { incidentQuery, insertIncident } from './incidentRecords.ts';
import { insertLifecycle } from './lifecycleRecords.ts';
import { ingestReadings, POINT_QUERY, upsertPoint } from './monitoringRecords.ts';
import { incidentFrom, iso, lifecycleFrom, pointFrom, readingFrom, recordedStepFrom, stepFrom, storyboardFrom } from './rows.ts';
import type { AppendOnlyTable, Params, Row, SqlEngine } from './sqlEngine.ts';
import { appendScene, removeStoryboard, upsertStoryboard } from './storyboardRecords.ts';
import type { Transaction } from './transaction.ts';

const EVENTS: AppendOnlyTable = { name: 'events', columns: [['id', 'bigint'], ['type', 'text'], ['occurred_at', 'timestamp'], ['data', 'text']] };
const AUDIT_LOG: AppendOnlyTable = {
  name: 'audit_log',
  columns: [['id', 'bigint'], ['occurred_at', 'timestamp'], ['actor', 'text'], ['role', 'text'], ['action', 'text'], ['target', 'text']],
};
const INCIDENT_STEPS: AppendOnlyTable = {
  name: 'incident_steps',
  columns: [['incident_id', 'text'], ['status', 'text'], ['actor', 'text'], ['assignee', 'text'], ['note', 'text'], ['stepped_at', 'timestamp']],
};

/** The last event and audit ids used: numbered here, as their rows are inserted in batches at commit. */
interface Ids {
  event: number;
  audit: number;
}

const LAST_IDS = `SELECT (SELECT coalesce(max(id), 0) FROM events) AS event, (SELECT coalesce(max(id), 0) FROM audit_log) AS audit`;

/** Events read from the store at a time when catching up with other processes' commits. */
const CATCH_UP_PAGE = 500;

/**
 * The store over a SQL database (DuckDB embedded, or PostgreSQL shared by several servers).
 * Writes go one transaction at a time, batched by group commit; events and audit entries are
 * numbered without gaps, so a stream resumed by `Last-Event-ID` misses nothing, and listeners
 * hear every committed event once, in id order, whichever process wrote it.
 */
export class SqlTwinStore implements TwinStore {
  private readonly listeners = new Set<(event: TwinEvent) => void>();
  private readonly writes: GroupCommit<Transaction>;
  /** The highest incident serial per id prefix, read once per prefix (per transaction where others write too); forgotten on rollback. */
  private readonly serials = new Map<string, number>();
  /** The rows the batch being written appends, inserted at its commit. */
  private readonly appended = new BatchedRows();
  /** The events of the batch being written, heard once it commits. */
  private batchEvents: TwinEvent[] = [];
  /** The ids the batch being written has used, and those of the last commit (taken back on rollback). */
  private ids: Ids;
  private committedIds: Ids;
  /** The id of the last event given to listeners, and the delivery under way (deliveries go one at a time, in id order). */
  private delivered: number;
  private delivery: Promise<void> = Promise.resolve();
  private closing: Promise<void> | undefined;
  private closed = false;
  /** Calls into the database under way: a connection closed under a running query is freed while DuckDB still uses it. */
  private readonly calls = new Set<Promise<unknown>>();

  private constructor(
    private readonly engine: SqlEngine,
    /** Incident ids are `<prefix>-<year>-<serial>`, e.g. `inc:330723-2026-00041`. */
    private readonly incidentPrefix: string,
    lastIds: Ids,
  ) {
    this.ids = { ...lastIds };
    this.committedIds = { ...lastIds };
    this.delivered = lastIds.event;
    this.writes = new GroupCommit<Transaction>({
      begin: async () => {
        await engine.begin();
        if (engine.dialect.shared) {
          // Another server may have written since; the engine's lock holds the others off until this commits.
          this.serials.clear();
          const [last] = await engine.rows(LAST_IDS);
          this.ids = this.committedIds = { event: Number(last!.event), audit: Number(last!.audit) };
        }
      },
      commit: async () => {
        const announce = this.appended.has(EVENTS);
        await this.appended.flush(engine);
        await engine.commit(announce);
        this.committedIds = { ...this.ids };
        const events = this.batchEvents;
        this.batchEvents = [];
        await this.deliver(events);
      },
      rollback: async () => {
        this.serials.clear();
        this.appended.clear();
        this.batchEvents = [];
        this.ids = { ...this.committedIds };
        await engine.rollback();
      },
      context: () => ({ context: this.transaction(), committed: () => undefined }),
    });
    engine.watchForeignEvents(() => void this.deliver([]).catch(() => undefined));
  }

  static async open(engine: SqlEngine, options: { adminCode: string }): Promise<SqlTwinStore> {
    const [last] = await engine.read(LAST_IDS);
    return new SqlTwinStore(engine, `inc:${options.adminCode}`, { event: Number(last!.event), audit: Number(last!.audit) });
  }

  async createIncident(incident: NewIncident, actor: Actor): Promise<Incident> {
    return this.write(async (tx) => {
      const created = await insertIncident(tx, incident, actor, this.incidentPrefix);
      tx.audit(actor, 'incident.create', created.id);
      return created;
    });
  }

  async transitionIncident(id: string, transition: IncidentTransition, actor: Actor): Promise<Incident> {
    return this.write(async (tx) => {
      const [row] = await tx.rows(`SELECT status FROM incidents WHERE id = $id`, { id });
      if (!row) throw new StoreConflict('not_found', `No incident "${id}"`);
      const problem = transitionProblem(row.status as Incident['status'], transition.to, transition);
      if (problem) throw new StoreConflict('invalid_transition', problem);
      const now = new Date().toISOString();
      const [updated] = await tx.rows(
        `UPDATE incidents SET status = $status, assignee = coalesce($assignee, assignee), updated_at = $now WHERE id = $id RETURNING *`,
        { id, status: transition.to, assignee: transition.assignee ?? null, now },
      );
      const step = { status: transition.to, actor: actor.name, assignee: transition.assignee ?? null, note: transition.note ?? null };
      tx.step(id, step, now);
      const incident = incidentFrom(updated!);
      tx.event('incident.updated', { incident, step: { ...step, at: now } });
      tx.audit(actor, `incident.${transition.to}`, id);
      return incident;
    });
  }

  async incident(id: string): Promise<(Incident & { steps: IncidentStep[] }) | undefined> {
    const [row] = await this.read(`SELECT * FROM incidents WHERE id = $id`, { id });
    if (!row) return undefined;
    const steps = await this.read(`SELECT * FROM incident_steps WHERE incident_id = $id ORDER BY stepped_at, ${this.engine.dialect.stepOrder}`, { id });
    return { ...incidentFrom(row), steps: steps.map(stepFrom) };
  }

  async incidents(filter: IncidentFilter): Promise<{ total: number; incidents: Incident[] }> {
    const { source, clause, params } = incidentQuery(filter, this.engine.dialect);
    const [count] = await this.read(`SELECT count(*) AS n FROM ${source} ${clause}`, params);
    const rows = await this.read(`SELECT * FROM ${source} ${clause} ORDER BY reported_at DESC, id DESC LIMIT $limit OFFSET $offset`, {
      ...params,
      limit: filter.limit,
      offset: filter.offset,
    });
    return { total: Number(count!.n), incidents: rows.map(incidentFrom) };
  }

  async incidentCounts(asOf?: string): Promise<IncidentCount[]> {
    const { source, params } = incidentQuery({ asOf, limit: 0, offset: 0 }, this.engine.dialect);
    const rows = await this.read(`SELECT status, township, count(*) AS n FROM ${source} GROUP BY status, township ORDER BY status, township`, params);
    return rows.map((row) => ({ status: row.status as IncidentCount['status'], township: (row.township as string) ?? null, count: Number(row.n) }));
  }

  async incidentsPerDay(since: string, utcOffsetMinutes: number, until?: string): Promise<IncidentDayCount[]> {
    const rows = await this.read(this.engine.dialect.incidentsPerDay(until !== undefined), {
      since,
      offset: Math.trunc(utcOffsetMinutes),
      ...(until === undefined ? {} : { until }),
    });
    return rows.map((row) => ({ day: String(row.day), township: (row.township as string) ?? null, count: Number(row.n) }));
  }

  async upsertMonitoringPoints(points: NewMonitoringPoint[], actor: Actor): Promise<number> {
    return this.write(async (tx) => {
      for (const point of points) await upsertPoint(tx, point);
      tx.audit(actor, 'monitoring.register', points.map((p) => p.id).join(',').slice(0, 500));
      return points.length;
    });
  }

  async alarmingAt(asOf: string): Promise<{ pointId: string; value: number | null }[]> {
    const rows = await this.read(
      `SELECT DISTINCT a.point_id,
         (SELECT r.value FROM readings r WHERE r.point_id = a.point_id AND r.read_at <= $asOf ORDER BY r.read_at DESC LIMIT 1) AS value
       FROM alarms a WHERE a.raised_at <= $asOf AND (a.cleared_at IS NULL OR a.cleared_at > $asOf) ORDER BY a.point_id`,
      { asOf },
    );
    return rows.map((row) => ({ pointId: String(row.point_id), value: row.value === null ? null : Number(row.value) }));
  }

  async monitoringPoints(): Promise<MonitoringPoint[]> {
    return (await this.read(`${POINT_QUERY} ORDER BY p.id`)).map(pointFrom);
  }

  async monitoringPoint(id: string): Promise<MonitoringPoint | undefined> {
    const [row] = await this.read(`${POINT_QUERY} WHERE p.id = $id`, { id });
    return row ? pointFrom(row) : undefined;
  }

  async ingestReadings(readings: Reading[], actor: Actor, raise: (point: MonitoringPoint, reading: Reading) => NewIncident): Promise<IngestResult> {
    return this.write((tx) => ingestReadings(tx, readings, actor, raise, this.incidentPrefix));
  }

  async readings(pointId: string, range: { from?: string | undefined; to?: string | undefined; limit: number }): Promise<Reading[]> {
    const params: Params = { id: pointId, limit: range.limit };
    const where = ['point_id = $id'];
    if (range.from !== undefined) {
      where.push('read_at >= $from');
      params.from = range.from;
    }
    if (range.to !== undefined) {
      where.push('read_at < $to');
      params.to = range.to;
    }
    return (await this.read(`SELECT * FROM readings WHERE ${where.join(' AND ')} ORDER BY read_at LIMIT $limit`, params)).map(readingFrom);
  }

  async addLifecycleRecords(records: NewLifecycleRecord[], actor: Actor): Promise<LifecycleRecord[]> {
    return this.write(async (tx) => {
      const added = [];
      for (const record of records) added.push(await insertLifecycle(tx, record));
      tx.audit(actor, 'lifecycle.add', [...new Set(records.map((r) => r.resourceCode))].join(',').slice(0, 500));
      return added;
    });
  }

  async lifecycle(resourceCode: string): Promise<LifecycleRecord[]> {
    return (await this.read(`SELECT * FROM lifecycle_records WHERE resource_code = $code ORDER BY record_date, id`, { code: resourceCode })).map(lifecycleFrom);
  }

  async recordsBoundTo(oid: string, resourceCode?: string) {
    const [incidents, points, lifecycle] = await Promise.all([
      this.read(`SELECT * FROM incidents WHERE oid = $oid ORDER BY reported_at DESC`, { oid }),
      this.read(`${POINT_QUERY} WHERE p.oid = $oid ORDER BY p.id`, { oid }),
      this.read(`SELECT * FROM lifecycle_records WHERE oid = $oid OR resource_code = $code ORDER BY record_date, id`, { oid, code: resourceCode ?? null }),
    ]);
    return { incidents: incidents.map(incidentFrom), monitoringPoints: points.map(pointFrom), lifecycle: lifecycle.map(lifecycleFrom) };
  }

  allIncidents(): AsyncIterable<Incident[]> {
    return this.streamed(`SELECT * FROM incidents`, incidentFrom);
  }

  allIncidentSteps(): AsyncIterable<RecordedStep[]> {
    return this.streamed(`SELECT * FROM incident_steps`, recordedStepFrom);
  }

  allMonitoringPoints(): AsyncIterable<MonitoringPoint[]> {
    return this.streamed(POINT_QUERY, pointFrom);
  }

  allReadings(): AsyncIterable<Reading[]> {
    return this.streamed(`SELECT * FROM readings`, readingFrom);
  }

  allLifecycleRecords(): AsyncIterable<LifecycleRecord[]> {
    return this.streamed(`SELECT * FROM lifecycle_records`, lifecycleFrom);
  }

  async recordCounts(): Promise<RecordCounts> {
    const [row] = await this.read(`SELECT
      (SELECT count(*) FROM incidents) AS incidents, (SELECT count(*) FROM incident_steps) AS steps, (SELECT count(*) FROM monitoring_points) AS points,
      (SELECT count(*) FROM readings) AS readings, (SELECT count(*) FROM lifecycle_records) AS lifecycle`);
    return { incidents: Number(row!.incidents), incidentSteps: Number(row!.steps), monitoringPoints: Number(row!.points), readings: Number(row!.readings), lifecycle: Number(row!.lifecycle) };
  }

  async storyboards(): Promise<StoryboardEntry[]> {
    return (await this.read(`SELECT * FROM storyboards ORDER BY updated_at DESC, id`)).map(storyboardFrom);
  }

  async storyboard(id: string): Promise<StoryboardEntry | undefined> {
    const [row] = await this.read(`SELECT * FROM storyboards WHERE id = $id`, { id });
    return row ? storyboardFrom(row) : undefined;
  }

  async saveStoryboard(storyboard: Storyboard, actor: Actor): Promise<StoryboardEntry> {
    return this.write(async (tx) => {
      const saved = await upsertStoryboard(tx, storyboard, actor);
      tx.audit(actor, 'storyboard.save', storyboard.id);
      return saved;
    });
  }

  async addScene(id: string, scene: Scene, actor: Actor): Promise<StoryboardEntry> {
    return this.write(async (tx) => {
      const updated = await appendScene(tx, id, scene, actor);
      tx.audit(actor, 'storyboard.scene.add', id);
      return updated;
    });
  }

  async deleteStoryboard(id: string, actor: Actor): Promise<void> {
    return this.write(async (tx) => {
      await removeStoryboard(tx, id);
      tx.audit(actor, 'storyboard.delete', id);
    });
  }

  async saveAnalysis(analysis: NewAnalysis, actor: Actor): Promise<Analysis> {
    return this.write(async (tx) => {
      const saved = await insertAnalysis(tx, analysis, actor);
      tx.audit(actor, `analysis.${analysis.kind}`, analysis.id);
      return saved;
    });
  }

  async analysis(id: string): Promise<Analysis | undefined> {
    const [row] = await this.read(`SELECT * FROM analyses WHERE id = $id`, { id });
    return row ? analysisFrom(row) : undefined;
  }

  async analyses(range: { limit: number; offset: number }): Promise<AnalysisSummary[]> {
    const rows = await this.read(
      `SELECT id, kind, summary, data_version, created_by, created_at FROM analyses ORDER BY created_at DESC, id LIMIT $limit OFFSET $offset`,
      range,
    );
    return rows.map(analysisSummaryFrom);
  }

  async eventsAfter(id: number, limit: number): Promise<TwinEvent[]> {
    const rows = await this.read(`SELECT * FROM events WHERE id > $id ORDER BY id LIMIT $limit`, { id, limit });
    return rows.map(eventFrom);
  }

  async latestEventId(): Promise<number> {
    const [row] = await this.read(`SELECT coalesce(max(id), 0) AS id FROM events`);
    return Number(row!.id);
  }

  subscribe(listener: (event: TwinEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async audit(range: { limit: number; offset: number }): Promise<AuditEntry[]> {
    const rows = await this.read(`SELECT * FROM audit_log ORDER BY id DESC LIMIT $limit OFFSET $offset`, range);
    return rows.map((row) => ({ id: Number(row.id), at: iso(row.occurred_at), actor: row.actor as string, role: row.role as string, action: row.action as string, target: row.target as string }));
  }

  async recordRefusal(actor: Actor, status: number, target: string): Promise<void> {
    return this.write(async (tx) => tx.audit(actor, `refused.${status}`, target));
  }

  async hasImported(name: string): Promise<boolean> {
    return (await this.read(`SELECT 1 FROM imports WHERE name = $name`, { name })).length > 0;
  }

  async importOnce(name: string, batch: RecordBatch, actor: Actor): Promise<boolean> {
    return this.write(async (tx) => {
      if ((await tx.rows(`SELECT 1 FROM imports WHERE name = $name`, { name })).length > 0) return false;
      for (const point of batch.monitoringPoints) await upsertPoint(tx, point);
      for (const incident of batch.incidents) await insertIncident(tx, incident, actor, this.incidentPrefix);
      for (const record of batch.lifecycle) await insertLifecycle(tx, record);
      await tx.run(`INSERT INTO imports VALUES ($name, current_timestamp)`, { name });
      tx.audit(actor, 'import', name);
      return true;
    });
  }

  /**
   * Answers the reads and writes under way, then closes and refuses any later ones; a second call
   * gets the same answer (shutdown may ask twice).
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      // One pass more after each drain: an answer half given issues its next query in the meantime.
      do {
        await this.writes.idle();
        await Promise.allSettled([...this.calls, this.delivery]);
        await new Promise((resolve) => setImmediate(resolve));
      } while (this.calls.size > 0 || this.writes.busy);
      this.closed = true;
      await this.engine.close();
    })();
    return this.closing;
  }

  private async read(sql: string, params: Params = {}): Promise<Row[]> {
    if (this.closed) throw new StoreClosed();
    return this.tracked(this.engine.read(sql, params));
  }

  /** Waits for a call into the database that `close` waits for too. */
  private async tracked<T>(call: Promise<T>): Promise<T> {
    this.calls.add(call);
    try {
      return await call;
    } finally {
      this.calls.delete(call);
    }
  }

  /** The rows of one query, a chunk at a time: the reader may take minutes over a large table, and is cut off once closing begins. */
  private async *streamed<T>(sql: string, from: (row: Row) => T): AsyncGenerator<T[]> {
    if (this.closing) throw new StoreClosed();
    const chunks = this.engine.stream(sql);
    try {
      while (true) {
        // Waiting for a reader still reading could hold the close up for as long as it likes.
        if (this.closing) throw new StoreClosed();
        const chunk = await this.tracked(chunks.next());
        if (chunk.done) return;
        yield chunk.value.map(from);
      }
    } finally {
      await chunks.return(undefined);
    }
  }

  /** Runs `work` in a transaction after every earlier write (batched by group commit); resolves once committed. */
  private write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreClosed());
    return this.writes.submit(work);
  }

  /**
   * Gives listeners the events committed since the last delivered, in id order: a batch's own
   * events directly when they follow on, else read back from the store, which also brings the
   * events other processes committed.
   */
  private deliver(events: TwinEvent[]): Promise<void> {
    const next = this.delivery.then(async () => {
      if (events.length > 0 && events[0]!.id === this.delivered + 1) {
        this.emit(events);
        return;
      }
      const until = events.at(-1)?.id ?? Number.POSITIVE_INFINITY;
      while (this.delivered < until && !this.closed) {
        const page = await this.eventsAfter(this.delivered, CATCH_UP_PAGE);
        this.emit(page);
        if (page.length < CATCH_UP_PAGE) break;
      }
    });
    this.delivery = next.catch(() => undefined);
    return next;
  }

  private emit(events: TwinEvent[]): void {
    for (const event of events) {
      if (event.id <= this.delivered) continue;
      this.delivered = event.id;
      for (const listener of this.listeners) listener(event);
    }
  }

  /** The context of one write: statements in the transaction; its events heard after commit. */
  private transaction(): Transaction {
    const engine = this.engine;
    const rows = (sql: string, params: Params = {}) => engine.rows(sql, params);
    return {
      run: async (sql, params = {}) => void (await engine.rows(sql, params)),
      rows,
      event: (type, data) => {
        const at = new Date().toISOString();
        const id = ++this.ids.event;
        this.appended.add(EVENTS, [id, type, at, JSON.stringify(data)]);
        this.batchEvents.push({ id, type, at, data });
      },
      audit: (actor, action, target) => this.appended.add(AUDIT_LOG, [++this.ids.audit, new Date().toISOString(), actor.name, actor.role, action, target]),
      step: (incidentId, step, at) => this.appended.add(INCIDENT_STEPS, [incidentId, step.status, step.actor, step.assignee, step.note, at]),
      nextSerial: async (prefix) => {
        let serial = this.serials.get(prefix);
        if (serial === undefined) {
          const [row] = await rows(`SELECT coalesce(max(CAST(substr(id, $from) AS INTEGER)), 0) AS n FROM incidents WHERE starts_with(id, $prefix)`, { prefix, from: prefix.length + 1 });
          serial = Number(row!.n);
        }
        this.serials.set(prefix, serial + 1);
        return serial + 1;
      },
      isDuplicateKey: (error) => engine.dialect.isDuplicateKey(error),
    };
  }
}

function eventFrom(row: Row): TwinEvent {
  return { id: Number(row.id), type: row.type as TwinEvent['type'], at: iso(row.occurred_at), data: JSON.parse(row.data as string) };
}
