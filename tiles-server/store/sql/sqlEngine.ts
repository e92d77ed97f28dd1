/** A value bound to a statement's parameter. */
export type SqlValue = string | number | bigint | boolean | null;
/** Parameters by name: `$name` in the statement's text. */
export type Params = Record<string, SqlValue>;
/** A result row as JS values (timestamps as Date, dates as text; big integers as bigint or text, read with `Number`). */
export type Row = Record<string, unknown>;

/** What a column of an append-only table holds, which each engine maps to its own type. */
export type ColumnKind = 'bigint' | 'text' | 'timestamp';

/** A table written only by appending, with its columns in order. */
export interface AppendOnlyTable {
  name: string;
  columns: readonly (readonly [name: string, kind: ColumnKind])[];
}

/** Where the two databases' SQL differs; the rest of the store's SQL is written for both. */
export interface SqlDialect {
  /**
   * Whether other processes write to the same database: then the last event and audit ids and
   * the incident serials are read afresh in each transaction, under a lock every writer takes.
   */
  readonly shared: boolean;
  /** The incidents as they stood at `$asOf`, as a table (see `INCIDENTS_AS_OF`). */
  readonly incidentsAsOf: string;
  /** Incidents per day and township since `$since` (and by `$until`), the day in a time zone `$offset` minutes ahead of UTC. */
  incidentsPerDay(until: boolean): string;
  /** The column that orders the steps written at one instant as they were written. */
  readonly stepOrder: string;
  /** Whether an error is a primary key's refusal of a duplicate. */
  isDuplicateKey(error: unknown): boolean;
}

/**
 * One database as the store uses it: a write transaction at a time (statements on one
 * connection), reads that see committed data, and whole-table reads a chunk at a time on a
 * connection of their own. The store above it holds the domain; this holds the connections.
 */
export interface SqlEngine {
  readonly dialect: SqlDialect;
  begin(): Promise<void>;
  /** Commits the transaction under way; with `announce`, tells the other processes that it holds events. */
  commit(announce: boolean): Promise<void>;
  rollback(): Promise<void>;
  /** A statement of the transaction under way. */
  rows(sql: string, params?: Params): Promise<Row[]>;
  /** Appends rows to a table in the transaction under way, in one statement whatever their number. */
  append(table: AppendOnlyTable, rows: SqlValue[][]): Promise<void>;
  /** A read of committed data, outside any write. */
  read(sql: string, params?: Params): Promise<Row[]>;
  /** The rows of one query, about 2,000 at a time, from one snapshot, on a connection of its own. */
  stream(sql: string): AsyncGenerator<Row[]>;
  /** Calls `listener` when another process has committed events (never, where no other process writes). */
  watchForeignEvents(listener: () => void): void;
  /** Closes every connection; those of unfinished streams are cut. Called once nothing else is under way. */
  close(): Promise<void>;
}
