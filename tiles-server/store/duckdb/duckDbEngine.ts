import { BIGINT, type DuckDBConnection, DuckDBInstance, type DuckDBType, type DuckDBValue, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import type { AppendOnlyTable, ColumnKind, Params, Row, SqlDialect, SqlEngine, SqlValue } from '../sql/sqlEngine.ts';
import { migrate } from '../sql/migrate.ts';
import { MIGRATIONS } from './migrations.ts';
import { PreparedStatements } from './preparedStatements.ts';

// Timestamps go in as ISO text, which DuckDB casts on insert as it does a parameter.
const LIST_TYPES: Record<ColumnKind, DuckDBType> = { bigint: LIST(BIGINT), text: LIST(VARCHAR), timestamp: LIST(VARCHAR) };

const DUCKDB: SqlDialect = {
  shared: false,
  incidentsAsOf: `
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
    WHERE incidents.reported_at <= $asOf`,
  incidentsPerDay: (until) =>
    `SELECT strftime(reported_at + to_minutes(CAST($offset AS INTEGER)), '%Y-%m-%d') AS day, township, count(*) AS n FROM incidents
     WHERE reported_at >= $since ${until ? 'AND reported_at <= $until' : ''} GROUP BY day, township ORDER BY day, township`,
  stepOrder: 'rowid',
  isDuplicateKey: (error) => String(error).includes('Duplicate key'),
};

/**
 * The store's database in one DuckDB file in the data folder, the embedded default. Writes go
 * through a writer connection with its statements prepared once; reads use their own connection
 * and see committed data only. DuckDB appends every commit to its write-ahead log before
 * answering, so an acknowledged write is on disk even if the process is killed.
 */
export class DuckDbEngine implements SqlEngine {
  readonly dialect = DUCKDB;
  private readonly statements: PreparedStatements;
  /** The connections of whole-table reads under way; those whose readers stopped reading are closed by `close`. */
  private readonly streams = new Set<DuckDBConnection>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
  ) {
    this.statements = new PreparedStatements(writer);
  }

  static async open(path: string): Promise<DuckDbEngine> {
    // No extension can be downloaded on a closed network; never try.
    const instance = await DuckDBInstance.create(path, { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
    const writer = await instance.connect();
    await migrate(
      { query: async (sql, params) => (await writer.runAndReadAll(sql, params as Record<string, DuckDBValue> | undefined)).getRowObjectsJS() as Row[] },
      MIGRATIONS,
    );
    return new DuckDbEngine(instance, writer, await instance.connect());
  }

  async begin(): Promise<void> {
    await this.writer.run('BEGIN TRANSACTION');
  }

  async commit(): Promise<void> {
    await this.writer.run('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.writer.run('ROLLBACK');
  }

  rows(sql: string, params: Params = {}): Promise<Row[]> {
    return this.statements.rows(sql, params as Record<string, DuckDBValue>);
  }

  async append(table: AppendOnlyTable, rows: SqlValue[][]): Promise<void> {
    const { name, columns } = table;
    // Unnested side by side, the lists give back the rows: one prepared statement whatever their number.
    const sql = `INSERT INTO ${name} (${columns.map(([column]) => column).join(', ')}) SELECT ${columns.map(([column]) => `unnest($${column})`).join(', ')}`;
    const params = Object.fromEntries(
      columns.map(([column, kind], i) => [column, listValue(rows.map((row) => (kind === 'bigint' && row[i] !== null ? BigInt(row[i] as number) : row[i]) as DuckDBValue))]),
    );
    const types = Object.fromEntries(columns.map(([column, kind]) => [column, LIST_TYPES[kind]]));
    await this.statements.run(sql, params, types);
  }

  async read(sql: string, params: Params = {}): Promise<Row[]> {
    return (await this.reader.runAndReadAll(sql, params as Record<string, DuckDBValue>)).getRowObjectsJS() as Row[];
  }

  /** A result read in chunks is cut short by the next query on its connection, so each stream has a connection of its own. */
  async *stream(sql: string): AsyncGenerator<Row[]> {
    const connection = await this.instance.connect();
    this.streams.add(connection);
    try {
      const chunks = (await connection.stream(sql)).yieldRowObjectJs();
      for await (const chunk of chunks) yield chunk as Row[];
    } finally {
      if (this.streams.delete(connection)) connection.closeSync();
    }
  }

  watchForeignEvents(): void {
    // Only this process writes to its DuckDB file.
  }

  async close(): Promise<void> {
    for (const connection of this.streams) connection.closeSync();
    this.streams.clear();
    await this.statements.close();
    this.reader.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }
}
