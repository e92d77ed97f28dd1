import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { Row } from '../sql/sqlEngine.ts';

/**
 * The statements of one connection, each prepared on first use and kept (the most recent
 * `capacity` of them): parsing and planning a small insert costs about as much as running it,
 * and every incident runs four. Only for a connection used one statement at a time, as the
 * writer is under group commit.
 */
export class PreparedStatements {
  private readonly cache = new Map<string, Promise<DuckDBPreparedStatement>>();

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly capacity = 128,
  ) {}

  async run(sql: string, params: Record<string, DuckDBValue>, types?: Record<string, DuckDBType>): Promise<void> {
    await (await this.bound(sql, params, types)).run();
  }

  async rows(sql: string, params: Record<string, DuckDBValue>): Promise<Row[]> {
    return (await (await this.bound(sql, params)).runAndReadAll()).getRowObjectsJS() as Row[];
  }

  /** Destroys every statement; to be awaited before the connection closes, as a statement destroyed after it crashes the process. */
  async close(): Promise<void> {
    const statements = [...this.cache.values()];
    this.cache.clear();
    for (const prepared of await Promise.allSettled(statements)) if (prepared.status === 'fulfilled') prepared.value.destroySync();
  }

  private async bound(sql: string, params: Record<string, DuckDBValue>, types?: Record<string, DuckDBType>): Promise<DuckDBPreparedStatement> {
    let statement = this.cache.get(sql);
    if (statement) {
      // Most recently used last, so the oldest is the first to go.
      this.cache.delete(sql);
    } else {
      statement = this.connection.prepare(sql);
      statement.catch(() => this.cache.delete(sql));
      for (const [oldSql, old] of this.cache) {
        if (this.cache.size < this.capacity) break;
        this.cache.delete(oldSql);
        void old.then((prepared) => prepared.destroySync(), () => undefined);
      }
    }
    this.cache.set(sql, statement);
    const prepared = await statement;
    if (Object.keys(params).length > 0) prepared.bind(params, types);
    return prepared;
  }
}
