import { type DuckDBType, type DuckDBValue, LIST, listValue } from '@duckdb/node-api';
import type { PreparedStatements } from './preparedStatements.ts';

/** A table written only by appending, with its columns in order and their types. */
export interface AppendOnlyTable {
  name: string;
  columns: readonly (readonly [name: string, type: DuckDBType])[];
}

/**
 * The rows one transaction appends to the append-only tables (events, audit entries, incident
 * steps), held until it commits and then inserted with one statement per table. Each insert is a
 * round trip into DuckDB as dear as the incident's own, and a burst of reports writes three such
 * rows per incident; batched, they cost three statements per commit instead.
 */
export class BatchedRows {
  private readonly rows = new Map<AppendOnlyTable, DuckDBValue[][]>();

  add(table: AppendOnlyTable, row: DuckDBValue[]): void {
    if (row.length !== table.columns.length) throw new Error(`A row of ${table.name} has ${row.length} values for ${table.columns.length} columns`);
    const rows = this.rows.get(table);
    if (rows) rows.push(row);
    else this.rows.set(table, [row]);
  }

  /** Inserts the rows held, in the order they came, and forgets them. */
  async flush(statements: PreparedStatements): Promise<void> {
    for (const [table, rows] of this.rows) {
      const { name, columns } = table;
      // Unnested side by side, the lists give back the rows: one prepared statement whatever their number.
      const sql = `INSERT INTO ${name} SELECT ${columns.map(([column]) => `unnest($${column})`).join(', ')}`;
      const params = Object.fromEntries(columns.map(([column], i) => [column, listValue(rows.map((row) => row[i]!))]));
      const types = Object.fromEntries(columns.map(([column, type]) => [column, LIST(type)]));
      await statements.run(sql, params, types);
    }
    this.rows.clear();
  }

  clear(): void {
    this.rows.clear();
  }
}
