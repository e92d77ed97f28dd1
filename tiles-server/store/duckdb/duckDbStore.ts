import { BIGINT, type DuckDBConnection, DuckDBInstance, type DuckDBValue, VARCHAR } from '@duckdb/node-api';
import { MAX_SCENES, type Scene, type Storyboard, type StoryboardEntry, transitionProblem } from '../../../layers/index.ts';
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
import { alarmChange } from '../../monitoring/alarmRule.ts';
import { type AppendOnlyTable, BatchedRows } from './batchedRows.ts';
import { GroupCommit } from './groupCommit.ts';
import { PreparedStatements } from './preparedStatements.ts';
import { MIGRATIONS } from './migrations.ts';
import { type Row, incidentFrom, lifecycleFrom, pointFrom, readingFrom, recordedStepFrom, stepFrom, storyboardFrom, iso } from './rows.ts';

type Params = Record<string, DuckDBValue>;

/** A write in progress: statements on the writer connection, plus what to announce once it commits. */
interface Transaction {
  run(sql: string, params?: Params): Promise<void>;
  rows(sql: string, params?: Params): Promise<Row[]>;
  event(type: TwinEvent['type'], data: Record<string, unknown>): void;
  audit(actor: Actor, action: string, target: string): void;
  /** A step of an incident's history, written with the transaction's commit. */
  step(incidentId: string, step: Omit<IncidentStep, 'at'>, at: string): void;
  /** The next serial of incident ids with this prefix. */
  nextSerial(prefix: string): Promise<number>;
}

/** Who raises the incident of a monitoring alarm: the server's alarm rule, not the gateway that sent the reading. */
const ALARM_ACTOR: Actor = { name: 'system:alarm', role: 'system' };

// Timestamps go in as ISO text, which DuckDB casts on insert as it does a parameter.
const EVENTS: AppendOnlyTable = { name: 'events', columns: [['id', BIGINT], ['type', VARCHAR], ['occurred_at', VARCHAR], ['data', VARCHAR]] };
const AUDIT_LOG: AppendOnlyTable = {
  name: 'audit_log',
  columns: [['id', BIGINT], ['occurred_at', VARCHAR], ['actor', VARCHAR], ['role', VARCHAR], ['action', VARCHAR], ['target', VARCHAR]],
};
const INCIDENT_STEPS: AppendOnlyTable = {
  name: 'incident_steps',
  columns: [['incident_id', VARCHAR], ['status', VARCHAR], ['actor', VARCHAR], ['assignee', VARCHAR], ['note', VARCHAR], ['stepped_at', VARCHAR]],
};

/** The last event and audit ids used: numbered here, as their rows are inserted in batches at commit. */
interface Ids {
  event: number;
  audit: number;
}

const readingKey = (pointId: string, at: string) => `${pointId}\u0000${at}`;

const POINT_QUERY = `
  SELECT p.*, l.value AS latest_value, l.read_at AS latest_at, a.incident_id AS alarm_incident, a.raised_at AS alarm_since, a.peak AS alarm_peak
  FROM monitoring_points p
  LEFT JOIN latest_readings l ON l.point_id = p.id
  LEFT JOIN alarms a ON a.point_id = p.id AND a.cleared_at IS NULL`;

/**
 * The store in one DuckDB file in the data folder. Writes go one at a time through a writer
 * connection, each in a transaction; reads use their own connection and see committed data only.
 * DuckDB appends every commit to its write-ahead log before answering, so an acknowledged write
 * is on disk even if the process is killed.
 */
export class DuckDbStore implements TwinStore {
  private readonly listeners = new Set<(event: TwinEvent) => void>();
  private readonly writes: GroupCommit<Transaction>;
  /** The highest incident serial per id prefix, read once per prefix; forgotten on rollback. */
  private readonly serials = new Map<string, number>();
  /** The rows the batch being written appends, inserted at its commit. */
  private readonly appended = new BatchedRows();
  /** The ids the batch being written has used, and those of the last commit (taken back on rollback). */
  private ids: Ids;
  private committedIds: Ids;
  /** The writer's statements, prepared once each. */
  private readonly statements: PreparedStatements;
  private closing: Promise<void> | undefined;
  private closed = false;
  /** Reads under way: a connection closed under a running query is freed while DuckDB still uses it. */
  private readonly reads = new Set<Promise<unknown>>();
  /** The connections of whole-table reads under way; those whose readers stopped reading are closed by `close`. */
  private readonly streams = new Set<DuckDBConnection>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    /** Incident ids are `<prefix>-<year>-<serial>`, e.g. `inc:330723-2026-00041`. */
    private readonly incidentPrefix: string,
    lastIds: Ids,
  ) {
    this.ids = { ...lastIds };
    this.committedIds = { ...lastIds };
    this.statements = new PreparedStatements(writer);
    this.writes = new GroupCommit<Transaction>({
      begin: async () => void (await writer.run('BEGIN TRANSACTION')),
      commit: async () => {
        await this.appended.flush(this.statements);
        await writer.run('COMMIT');
        this.committedIds = { ...this.ids };
      },
      rollback: async () => {
        this.serials.clear();
        this.appended.clear();
        this.ids = { ...this.committedIds };
        await writer.run('ROLLBACK');
      },
      context: () => this.transaction(),
    });
  }

  static async open(path: string, options: { adminCode: string }): Promise<DuckDbStore> {
    // No extension can be downloaded on a closed network; never try.
    const instance = await DuckDBInstance.create(path, { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
    const writer = await instance.connect();
    await migrate(writer);
    const [last] = (await writer.runAndReadAll(`SELECT (SELECT coalesce(max(id), 0) FROM events) AS event, (SELECT coalesce(max(id), 0) FROM audit_log) AS audit`)).getRowObjectsJS();
    return new DuckDbStore(instance, writer, await instance.connect(), `inc:${options.adminCode}`, { event: Number(last!.event), audit: Number(last!.audit) });
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
    const steps = await this.read(`SELECT * FROM incident_steps WHERE incident_id = $id ORDER BY stepped_at, rowid`, { id });
    return { ...incidentFrom(row), steps: steps.map(stepFrom) };
  }

  async incidents(filter: IncidentFilter): Promise<{ total: number; incidents: Incident[] }> {
    const where: string[] = [];
    const params: Params = {};
    if (filter.status?.length) {
      where.push(`status IN (${filter.status.map((_, i) => `$status${i}`).join(', ')})`);
      filter.status.forEach((status, i) => (params[`status${i}`] = status));
    }
    for (const key of ['type', 'township', 'oid'] as const) {
      if (filter[key] !== undefined) {
        where.push(`${key} = $${key}`);
        params[key] = filter[key];
      }
    }
    if (filter.from) {
      where.push(`reported_at >= $from`);
      params.from = filter.from;
    }
    if (filter.to) {
      where.push(`reported_at < $to`);
      params.to = filter.to;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    let source = 'incidents';
    if (filter.asOf !== undefined) {
      params.asOf = filter.asOf;
      source = `(${INCIDENTS_AS_OF})`;
    }
    const [count] = await this.read(`SELECT count(*) AS n FROM ${source} ${clause}`, params);
    const rows = await this.read(`SELECT * FROM ${source} ${clause} ORDER BY reported_at DESC, id DESC LIMIT $limit OFFSET $offset`, {
      ...params,
      limit: filter.limit,
      offset: filter.offset,
    });
    return { total: Number(count!.n), incidents: rows.map(incidentFrom) };
  }

  async incidentCounts(asOf?: string): Promise<IncidentCount[]> {
    const source = asOf === undefined ? 'incidents' : `(${INCIDENTS_AS_OF})`;
    const rows = await this.read(`SELECT status, township, count(*) AS n FROM ${source} GROUP BY status, township ORDER BY status, township`, asOf === undefined ? {} : { asOf });
    return rows.map((row) => ({ status: row.status as IncidentCount['status'], township: (row.township as string) ?? null, count: Number(row.n) }));
  }

  async incidentsPerDay(since: string, utcOffsetMinutes: number, until?: string): Promise<IncidentDayCount[]> {
    const rows = await this.read(
      `SELECT strftime(reported_at + to_minutes(CAST($offset AS INTEGER)), '%Y-%m-%d') AS day, township, count(*) AS n FROM incidents WHERE reported_at >= $since ${until === undefined ? '' : 'AND reported_at <= $until'} GROUP BY day, township ORDER BY day, township`,
      { since, offset: Math.trunc(utcOffsetMinutes), ...(until === undefined ? {} : { until }) },
    );
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
    return this.write(async (tx) => {
      const ids = [...new Set(readings.map((r) => r.pointId))];
      const points = new Map<string, MonitoringPoint>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = await tx.rows(`${POINT_QUERY} WHERE p.id IN (${chunk.map((_, j) => `$p${j}`).join(', ')})`, Object.fromEntries(chunk.map((id, j) => [`p${j}`, id])));
        for (const row of rows) points.set(row.id as string, pointFrom(row));
      }
      const unknown = ids.find((id) => !points.has(id));
      if (unknown) throw new StoreConflict('not_found', `No monitoring point "${unknown}"`);

      // Only readings not stored before are stored and judged, so a retried batch raises nothing twice.
      const fresh = new Map<string, Reading>();
      for (const reading of readings) {
        const key = readingKey(reading.pointId, reading.at);
        if (!fresh.has(key)) fresh.set(key, reading);
      }
      const stored: Reading[] = [];
      const candidates = [...fresh.values()];
      for (let i = 0; i < candidates.length; i += 500) {
        const chunk = candidates.slice(i, i + 500);
        const inserted = await tx.rows(
          `INSERT OR IGNORE INTO readings VALUES ${chunk.map((_, j) => `($p${j}, $t${j}, $v${j})`).join(', ')} RETURNING point_id, read_at`,
          Object.fromEntries(chunk.flatMap((r, j) => [[`p${j}`, r.pointId], [`t${j}`, r.at], [`v${j}`, r.value]])),
        );
        for (const row of inserted) stored.push(fresh.get(readingKey(row.point_id as string, iso(row.read_at)))!);
      }
      const result: IngestResult = { accepted: stored.length, duplicates: readings.length - stored.length, alarmsRaised: [], alarmsCleared: [] };
      const inTimeOrder = stored.sort((a, b) => a.at.localeCompare(b.at));
      for (const reading of inTimeOrder) {
        const point = points.get(reading.pointId)!;
        if (!point.latest || reading.at >= point.latest.at) point.latest = { value: reading.value, at: reading.at };
        const change = alarmChange(point.thresholds, point.alarm !== null, reading.value);
        if (change === 'raise') {
          const incident = await insertIncident(tx, raise(point, reading), ALARM_ACTOR, this.incidentPrefix);
          tx.audit(ALARM_ACTOR, 'incident.create', incident.id);
          await tx.run(`INSERT INTO alarms VALUES ($point, $incident, $at, $value, NULL)`, { point: point.id, incident: incident.id, at: reading.at, value: reading.value });
          point.alarm = { incidentId: incident.id, since: reading.at, peak: reading.value };
          tx.event('alarm.raised', { point: { ...point }, reading });
          result.alarmsRaised.push(point.id);
        } else if (change === 'clear') {
          await tx.run(`UPDATE alarms SET cleared_at = $at WHERE point_id = $point AND cleared_at IS NULL`, { point: point.id, at: reading.at });
          tx.event('alarm.cleared', { point: { ...point, alarm: null }, reading, incidentId: point.alarm!.incidentId });
          point.alarm = null;
          result.alarmsCleared.push(point.id);
        } else if (point.alarm && reading.value > point.alarm.peak) {
          point.alarm.peak = reading.value;
          await tx.run(`UPDATE alarms SET peak = $value WHERE point_id = $point AND cleared_at IS NULL`, { point: point.id, value: reading.value });
        }
      }
      for (const point of points.values()) {
        if (!point.latest) continue;
        await tx.run(`DELETE FROM latest_readings WHERE point_id = $id`, { id: point.id });
        await tx.run(`INSERT INTO latest_readings VALUES ($id, $at, $value)`, { id: point.id, at: point.latest!.at, value: point.latest!.value });
      }
      tx.audit(actor, 'monitoring.readings', result.duplicates ? `${result.accepted} readings, ${result.duplicates} already stored` : `${result.accepted} readings`);
      return result;
    });
  }

  async readings(pointId: string, range: { from?: string | undefined; to?: string | undefined; limit: number }): Promise<Reading[]> {
    const rows = await this.read(
      `SELECT * FROM readings WHERE point_id = $id AND read_at >= coalesce(CAST($from AS TIMESTAMP), '-infinity'::TIMESTAMP)
       AND read_at < coalesce(CAST($to AS TIMESTAMP), 'infinity'::TIMESTAMP) ORDER BY read_at LIMIT $limit`,
      { id: pointId, from: range.from ?? null, to: range.to ?? null, limit: range.limit },
    );
    return rows.map(readingFrom);
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
      const [row] = await tx.rows(
        `INSERT OR REPLACE INTO storyboards VALUES ($id, $title, $scenes, current_timestamp, $actor) RETURNING *`,
        { id: storyboard.id, title: JSON.stringify(storyboard.title), scenes: JSON.stringify(storyboard.scenes), actor: actor.name },
      );
      tx.audit(actor, 'storyboard.save', storyboard.id);
      return storyboardFrom(row!);
    });
  }

  async addScene(id: string, scene: Scene, actor: Actor): Promise<StoryboardEntry> {
    return this.write(async (tx) => {
      const [current] = await tx.rows(`SELECT scenes FROM storyboards WHERE id = $id`, { id });
      if (!current) throw new StoreConflict('not_found', `No storyboard "${id}"`);
      const scenes = JSON.parse(String(current.scenes)) as Scene[];
      if (scenes.length >= MAX_SCENES) throw new StoreConflict('conflict', `Storyboard "${id}" already holds ${MAX_SCENES} scenes`);
      const [row] = await tx.rows(`UPDATE storyboards SET scenes = $scenes, updated_at = current_timestamp, updated_by = $actor WHERE id = $id RETURNING *`, {
        id,
        scenes: JSON.stringify([...scenes, scene]),
        actor: actor.name,
      });
      tx.audit(actor, 'storyboard.scene.add', id);
      return storyboardFrom(row!);
    });
  }

  async deleteStoryboard(id: string, actor: Actor): Promise<void> {
    return this.write(async (tx) => {
      const deleted = await tx.rows(`DELETE FROM storyboards WHERE id = $id RETURNING id`, { id });
      if (deleted.length === 0) throw new StoreConflict('not_found', `No storyboard "${id}"`);
      tx.audit(actor, 'storyboard.delete', id);
    });
  }

  async eventsAfter(id: number, limit: number): Promise<TwinEvent[]> {
    const rows = await this.read(`SELECT * FROM events WHERE id > $id ORDER BY id LIMIT $limit`, { id, limit });
    return rows.map((row) => ({ id: Number(row.id), type: row.type as TwinEvent['type'], at: iso(row.occurred_at), data: JSON.parse(row.data as string) }));
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
        await Promise.allSettled([...this.reads]);
        await new Promise((resolve) => setImmediate(resolve));
      } while (this.reads.size > 0 || this.writes.busy);
      this.closed = true;
      for (const connection of this.streams) connection.closeSync();
      this.streams.clear();
      await this.statements.close();
      this.reader.closeSync();
      this.writer.closeSync();
      this.instance.closeSync();
    })();
    return this.closing;
  }

  private async read(sql: string, params: Params = {}): Promise<Row[]> {
    if (this.closed) throw new StoreClosed();
    return (await this.tracked(this.reader.runAndReadAll(sql, params))).getRowObjectsJS() as Row[];
  }

  /** Waits for a call into DuckDB that `close` waits for too. */
  private async tracked<T>(call: Promise<T>): Promise<T> {
    this.reads.add(call);
    try {
      return await call;
    } finally {
      this.reads.delete(call);
    }
  }

  /**
   * The rows of one query, a chunk (about 2,048 rows) at a time, on a connection of its own: a
   * result read in chunks is cut short by the next query on its connection, and the reader may
   * take minutes over a large table.
   */
  private async *streamed<T>(sql: string, from: (row: Row) => T): AsyncGenerator<T[]> {
    if (this.closing) throw new StoreClosed();
    const connection = await this.tracked(this.instance.connect());
    this.streams.add(connection);
    try {
      const chunks = (await this.tracked(connection.stream(sql))).yieldRowObjectJs();
      while (true) {
        // A reader still reading when closing begins is cut off: waiting for it could hold the close up for as long as it likes.
        if (this.closing) throw new StoreClosed();
        const chunk = await this.tracked(chunks.next());
        if (chunk.done) return;
        yield (chunk.value as Row[]).map(from);
      }
    } finally {
      if (this.streams.delete(connection)) connection.closeSync();
    }
  }

  /** Runs `work` in a transaction after every earlier write (batched by group commit); resolves once committed. */
  private write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreClosed());
    return this.writes.submit(work);
  }

  /** The context of one write: statements on the writer connection; its events announced after commit. */
  private transaction(): { context: Transaction; committed: () => void } {
    const events: TwinEvent[] = [];
    const statements = this.statements;
    const rows = (sql: string, params: Params = {}) => statements.rows(sql, params);
    const context: Transaction = {
      run: (sql, params = {}) => statements.run(sql, params),
      rows,
      event: (type, data) => {
        const at = new Date().toISOString();
        const id = ++this.ids.event;
        this.appended.add(EVENTS, [BigInt(id), type, at, JSON.stringify(data)]);
        events.push({ id, type, at, data });
      },
      audit: (actor, action, target) =>
        this.appended.add(AUDIT_LOG, [BigInt(++this.ids.audit), new Date().toISOString(), actor.name, actor.role, action, target]),
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
    };
    return { context, committed: () => events.forEach((event) => this.listeners.forEach((listener) => listener(event))) };
  }
}

async function migrate(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)`);
  const rows = (await connection.runAndReadAll(`SELECT coalesce(max(version), 0) AS v FROM schema_version`)).getRowObjectsJS();
  const current = Number(rows[0]!.v);
  if (current > MIGRATIONS.length) {
    throw new Error(`The store was written by a newer Wuyi Twin (schema ${current}, this version knows ${MIGRATIONS.length}); upgrade the server`);
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(MIGRATIONS[version - 1]!);
      await connection.run(`INSERT INTO schema_version VALUES ($version, current_timestamp)`, { version });
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK').catch(() => undefined);
      throw new Error(`Store migration ${version} failed: ${error instanceof Error ? error.message : error}`);
    }
  }
}

/**
 * The incidents as they stood at `$asOf`, from their steps (each incident's first step is its
 * report): those reported by then, each with the status of its last step by then, the last
 * assignee named by then, and that step's time as its last change. Steps of one instant count
 * in the order they were written.
 */
const INCIDENTS_AS_OF = `
  WITH steps AS (SELECT *, rowid AS written FROM incident_steps WHERE stepped_at <= $asOf),
  last_step AS (
    SELECT incident_id, status, stepped_at FROM steps
    QUALIFY row_number() OVER (PARTITION BY incident_id ORDER BY stepped_at DESC, written DESC) = 1
  ),
  last_assignee AS (
    SELECT incident_id, assignee FROM steps WHERE assignee IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY incident_id ORDER BY stepped_at DESC, written DESC) = 1
  )
  SELECT incidents.* REPLACE (last_step.status AS status, last_assignee.assignee AS assignee, last_step.stepped_at AS updated_at)
  FROM incidents
  JOIN last_step ON last_step.incident_id = incidents.id
  LEFT JOIN last_assignee ON last_assignee.incident_id = incidents.id
  WHERE incidents.reported_at <= $asOf`;

async function insertIncident(tx: Transaction, incident: NewIncident, actor: Actor, idPrefix: string): Promise<Incident> {
  const reportedAt = incident.reportedAt ?? new Date().toISOString();
  const prefix = `${idPrefix}-${reportedAt.slice(0, 4)}-`;
  const id = incident.id ?? `${prefix}${String(await tx.nextSerial(prefix)).padStart(5, '0')}`;
  const status = incident.status ?? '受理';
  let row: Row | undefined;
  try {
    [row] = await tx.rows(
      `INSERT INTO incidents VALUES ($id, $type, $title, $description, $status, $township, $lon, $lat, $floor, $oid, $boundBy, $boundLayer, NULL, $source, $reportedAt, $reportedAt) RETURNING *`,
      {
        id,
        type: incident.type,
        title: incident.title,
        description: incident.description ?? null,
        status,
        township: incident.township,
        lon: incident.lon,
        lat: incident.lat,
        floor: incident.floor ?? null,
        oid: incident.binding.oid,
        boundBy: incident.binding.method,
        boundLayer: incident.binding.layerId,
        source: incident.source,
        reportedAt,
      },
    );
  } catch (error) {
    if (String(error).includes('Duplicate key')) throw new StoreConflict('conflict', `Incident "${id}" already exists`);
    throw error;
  }
  tx.step(id, { status, actor: actor.name, assignee: null, note: null }, reportedAt);
  const created = incidentFrom(row!);
  tx.event('incident.created', { incident: created });
  return created;
}

async function upsertPoint(tx: Transaction, point: NewMonitoringPoint): Promise<void> {
  await tx.run(`INSERT OR REPLACE INTO monitoring_points VALUES ($id, $kind, $name, $unit, $warning, $alarm, $lon, $lat, $township, $oid, $boundBy, $boundLayer)`, {
    id: point.id,
    kind: point.kind,
    name: point.name,
    unit: point.unit,
    warning: point.thresholds?.warning ?? null,
    alarm: point.thresholds?.alarm ?? null,
    lon: point.lon,
    lat: point.lat,
    township: point.township,
    oid: point.binding.oid,
    boundBy: point.binding.method,
    boundLayer: point.binding.layerId,
  });
}

async function insertLifecycle(tx: Transaction, record: NewLifecycleRecord): Promise<LifecycleRecord> {
  const [row] = await tx.rows(`INSERT INTO lifecycle_records VALUES (nextval('lifecycle_ids'), $code, $oid, $stage, $date, $summary, $department) RETURNING *`, {
    code: record.resourceCode,
    oid: record.oid,
    stage: record.stage,
    date: record.date,
    summary: record.summary,
    department: record.department,
  });
  return lifecycleFrom(row!);
}
