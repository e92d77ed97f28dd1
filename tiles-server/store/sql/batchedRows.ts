import type { AppendOnlyTable, SqlEngine, SqlValue } from './sqlEngine.ts';

/**
 * The rows one transaction appends to the append-only tables (events, audit entries, incident
 * steps), held until it commits and then inserted with one statement per table. Each insert is a
 * round trip into the database as dear as the incident's own, and a burst of reports writes three
 * such rows per incident; batched, they cost three statements per commit instead.
 */
export class BatchedRows {
  private readonly rows = new Map<AppendOnlyTable, SqlValue[][]>();

  add(table: AppendOnlyTable, row: SqlValue[]): void {
    if (row.length !== table.columns.length) throw new Error(`A row of ${table.name} has ${row.length} values for ${table.columns.length} columns`);
    const rows = this.rows.get(table);
    if (rows) rows.push(row);
    else this.rows.set(table, [row]);
  }

  has(table: AppendOnlyTable): boolean {
    return this.rows.has(table);
  }

  /** Inserts the rows held, in the order they came, and forgets them. */
  async flush(engine: SqlEngine): Promise<void> {
    for (const [table, rows] of this.rows) await engine.append(table, rows);
    this.rows.clear();
  }

  clear(): void {
    this.rows.clear();
  }
}
