import type { Params, Row } from './sqlEngine.ts';

/** A connection as migrations use it: one statement (or, without parameters, several) at a time. */
export interface MigrationConnection {
  query(sql: string, params?: Params): Promise<Row[]>;
}

/**
 * Brings a database's schema forward by running the migrations it has not seen, each in its own
 * transaction with its version recorded. A database written by a newer version is refused.
 */
export async function migrate(connection: MigrationConnection, migrations: readonly string[]): Promise<void> {
  await connection.query(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)`);
  const [row] = await connection.query(`SELECT coalesce(max(version), 0) AS v FROM schema_version`);
  const current = Number(row!.v);
  if (current > migrations.length) {
    throw new Error(`The store was written by a newer Wuyi Twin (schema ${current}, this version knows ${migrations.length}); upgrade the server`);
  }
  for (let version = current + 1; version <= migrations.length; version++) {
    await connection.query('BEGIN');
    try {
      await connection.query(migrations[version - 1]!);
      await connection.query(`INSERT INTO schema_version VALUES ($version, current_timestamp)`, { version });
      await connection.query('COMMIT');
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw new Error(`Store migration ${version} failed: ${error instanceof Error ? error.message : error}`);
    }
  }
}
