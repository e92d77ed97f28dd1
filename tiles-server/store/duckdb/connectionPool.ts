import type { DuckDBConnection } from '@duckdb/node-api';
import { PreparedStatements } from './preparedStatements.ts';

/**
 * A few connections, each used by one query at a time (so each can keep its statements
 * prepared), lent to the first caller waiting.
 */
export class ConnectionPool {
  private readonly free: PreparedStatements[];
  private readonly waiting: ((statements: PreparedStatements) => void)[] = [];

  constructor(private readonly connections: DuckDBConnection[]) {
    this.free = connections.map((connection) => new PreparedStatements(connection));
  }

  async use<T>(work: (statements: PreparedStatements) => Promise<T>): Promise<T> {
    const statements = this.free.pop() ?? (await new Promise<PreparedStatements>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(statements);
    } finally {
      const next = this.waiting.shift();
      if (next) next(statements);
      else this.free.push(statements);
    }
  }

  /** Closes every connection; to be called once no query runs. */
  async close(): Promise<void> {
    for (const statements of this.free) await statements.close();
    for (const connection of this.connections) connection.closeSync();
  }
}
