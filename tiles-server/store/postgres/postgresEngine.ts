import pg from 'pg';
import { migrate } from '../sql/migrate.ts';
import type { AppendOnlyTable, ColumnKind, Params, Row, SqlDialect, SqlEngine, SqlValue } from '../sql/sqlEngine.ts';
import { MIGRATIONS } from './migrations.ts';
import { positional } from './namedParameters.ts';

/** The channel a commit holding events notifies, so every server sharing the database hears of it. */
const EVENTS_CHANNEL = 'wuyi_twin_events';
/** The transaction-scoped advisory lock every writer takes: writes commit one after another across servers, so ids follow commit order. */
const WRITE_LOCK = 'wuyi_twin_writes';
const STREAM_CHUNK = 2048;
const RECONNECT_MS = 1000;

const ARRAY_TYPES: Record<ColumnKind, string> = { bigint: 'bigint[]', text: 'text[]', timestamp: 'timestamptz[]' };

const POSTGRES: SqlDialect = {
  shared: true,
  incidentsAsOf: `
    WITH steps AS (SELECT * FROM incident_steps WHERE stepped_at <= $asOf),
    last_step AS (
      SELECT DISTINCT ON (incident_id) incident_id, status, stepped_at FROM steps ORDER BY incident_id, stepped_at DESC, seq DESC
    ),
    last_assignee AS (
      SELECT DISTINCT ON (incident_id) incident_id, assignee FROM steps WHERE assignee IS NOT NULL ORDER BY incident_id, stepped_at DESC, seq DESC
    )
    SELECT i.id, i.type, i.title, i.description, last_step.status, i.township, i.lon, i.lat, i.floor, i.oid, i.bound_by, i.bound_layer,
      last_assignee.assignee, i.source, i.reported_at, last_step.stepped_at AS updated_at
    FROM incidents i
    JOIN last_step ON last_step.incident_id = i.id
    LEFT JOIN last_assignee ON last_assignee.incident_id = i.id
    WHERE i.reported_at <= $asOf`,
  incidentsPerDay: (until) =>
    `SELECT to_char((reported_at AT TIME ZONE 'UTC') + make_interval(mins => $offset::integer), 'YYYY-MM-DD') AS day, township, count(*) AS n FROM incidents
     WHERE reported_at >= $since ${until ? 'AND reported_at <= $until' : ''} GROUP BY day, township ORDER BY day, township`,
  stepOrder: 'seq',
  isDuplicateKey: (error) => (error as { code?: string }).code === '23505',
};

/** Dates stay the text they are ('2019-01-02'): pg would make them a Date at local midnight. */
const TYPES = {
  getTypeParser: (oid: number, format?: string) => (oid === pg.types.builtins.DATE ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text')),
};

/**
 * The store's database in PostgreSQL with PostGIS, shared by every twin server that names it in
 * `STORE_URL`. Writes take one advisory lock for their transaction, so they commit one after
 * another across servers and event ids follow commit order; a commit that holds events notifies
 * the others (`LISTEN/NOTIFY`), which read them back and pass them to their own subscribers.
 */
export class PostgresEngine implements SqlEngine {
  readonly dialect = POSTGRES;
  /** The connection of the write transaction under way. */
  private writer: pg.PoolClient | undefined;
  /** The connections of whole-table reads under way; `close` cuts those whose readers stopped reading. */
  private readonly streams = new Set<pg.PoolClient>();
  private listener: pg.Client | undefined;
  private onForeignEvents: (() => void) | undefined;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {}

  static async open(url: string): Promise<PostgresEngine> {
    const pool = new pg.Pool({ ...connectionOptions(url), max: 10 });
    // An idle connection the server dropped surfaces here; the next query takes a fresh one.
    pool.on('error', (error) => console.warn(`Store connection lost: ${error.message}`));
    const client = await pool.connect();
    try {
      // Two servers starting together must not both migrate: the first does, the second finds it done.
      await client.query(`SELECT pg_advisory_lock(hashtext('wuyi_twin_migrate'))`);
      await migrate({ query: (sql, params) => query(client, sql, params) }, MIGRATIONS);
      await client.query(`SELECT pg_advisory_unlock(hashtext('wuyi_twin_migrate'))`);
    } finally {
      client.release();
    }
    return new PostgresEngine(pool, url);
  }

  async begin(): Promise<void> {
    const writer = await this.pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`SELECT pg_advisory_xact_lock(hashtext('${WRITE_LOCK}'))`);
    } catch (error) {
      writer.release(error as Error);
      throw error;
    }
    this.writer = writer;
  }

  async commit(announce: boolean): Promise<void> {
    const writer = this.transaction();
    // Notifications are sent at commit, and only if it commits.
    if (announce) await writer.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`);
    await writer.query('COMMIT');
    this.endTransaction();
  }

  async rollback(): Promise<void> {
    if (!this.writer) return;
    try {
      await this.writer.query('ROLLBACK');
      this.endTransaction();
    } catch (error) {
      this.endTransaction(error as Error);
      throw error;
    }
  }

  rows(sql: string, params: Params = {}): Promise<Row[]> {
    return query(this.transaction(), sql, params);
  }

  async append(table: AppendOnlyTable, rows: SqlValue[][]): Promise<void> {
    const { name, columns } = table;
    const sql = `INSERT INTO ${name} (${columns.map(([column]) => column).join(', ')}) SELECT * FROM unnest(${columns.map(([, kind], i) => `$${i + 1}::${ARRAY_TYPES[kind]}`).join(', ')})`;
    await this.transaction().query(sql, columns.map((_, i) => rows.map((row) => row[i])));
  }

  read(sql: string, params: Params = {}): Promise<Row[]> {
    return query(this.pool, sql, params);
  }

  async *stream(sql: string): AsyncGenerator<Row[]> {
    const client = await this.pool.connect();
    this.streams.add(client);
    let failure: Error | undefined;
    try {
      // One snapshot for the whole read, through a cursor: the table is never held in memory at once.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(`DECLARE whole_table NO SCROLL CURSOR FOR ${sql}`);
      while (true) {
        const { rows } = await client.query(`FETCH ${STREAM_CHUNK} FROM whole_table`);
        if (rows.length > 0) yield rows as Row[];
        if (rows.length < STREAM_CHUNK) break;
      }
      await client.query('COMMIT');
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      // A read cut short leaves its transaction open: the connection is dropped rather than reused.
      if (this.streams.delete(client)) client.release(failure ?? (this.closed ? new Error('closed') : undefined));
    }
  }

  watchForeignEvents(listener: () => void): void {
    this.onForeignEvents = listener;
    void this.listen();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const client of this.streams) client.release(new Error('The store is closing'));
    this.streams.clear();
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  /** Listens for other servers' commits, on a connection of its own, reconnecting while the store is open; a reconnect catches up on what it missed. */
  private async listen(): Promise<void> {
    while (!this.closed) {
      const client = new pg.Client(connectionOptions(this.url));
      try {
        const lost = new Promise<void>((resolve) => {
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        await client.connect();
        client.on('notification', () => this.onForeignEvents?.());
        await client.query(`LISTEN ${EVENTS_CHANNEL}`);
        this.listener = client;
        if (this.closed) break;
        this.onForeignEvents?.();
        await lost;
      } catch (error) {
        if (!this.closed) console.warn(`Store event listener: ${(error as Error).message}`);
      } finally {
        await client.end().catch(() => undefined);
      }
      if (!this.closed) await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  }

  private transaction(): pg.PoolClient {
    if (!this.writer) throw new Error('No write transaction is under way');
    return this.writer;
  }

  private endTransaction(error?: Error): void {
    this.writer?.release(error);
    this.writer = undefined;
  }
}

function connectionOptions(url: string): pg.ClientConfig {
  // Timestamps are read and written in UTC, whatever the server's own time zone.
  return { connectionString: url, types: TYPES, options: '-c TimeZone=UTC', application_name: 'wuyi-twin' };
}

async function query(client: pg.Pool | pg.PoolClient, sql: string, params: Params = {}): Promise<Row[]> {
  if (Object.keys(params).length === 0 && !sql.includes('$')) return (await client.query(sql)).rows as Row[];
  const { text, values } = positional(sql, params);
  return (await client.query(text, values)).rows as Row[];
}
