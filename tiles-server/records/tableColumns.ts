import { type DataType, DateDay, Field, Float64, Int32, Int64, TimestampMicrosecond, Utf8 } from 'apache-arrow';

/** A column's type as SQL names it: what DuckDB makes of the Arrow type it travels as. */
export type SqlType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BIGINT' | 'TIMESTAMP' | 'DATE';

/** A cell as the JSON API has it: timestamps as ISO text, dates as `YYYY-MM-DD`. */
export type JsonCell = string | number | null;

const ARROW: Record<SqlType, { type: () => DataType; encode: (value: string | number) => unknown }> = {
  VARCHAR: { type: () => new Utf8(), encode: (value) => value },
  DOUBLE: { type: () => new Float64(), encode: (value) => value },
  INTEGER: { type: () => new Int32(), encode: (value) => value },
  BIGINT: { type: () => new Int64(), encode: (value) => BigInt(value) },
  // Microseconds without a zone, which DuckDB reads as TIMESTAMP (UTC here), as the store keeps it; the builder takes milliseconds.
  TIMESTAMP: { type: () => new TimestampMicrosecond(), encode: (value) => Date.parse(String(value)) },
  DATE: { type: () => new DateDay(), encode: (value) => Date.parse(String(value)) },
};

/** A column as SQL sees it. */
export interface SqlColumn {
  name: string;
  type: SqlType;
}

/** One column of a record table: its SQL name and type, and its cell of a record as the JSON API shows that record. */
export interface Column<T> extends SqlColumn {
  cell: (record: T) => JsonCell;
}

export const column = <T>(name: string, type: SqlType, cell: (record: T) => JsonCell): Column<T> => ({ name, type, cell });

export function arrowField(column: SqlColumn): Field {
  return new Field(column.name, ARROW[column.type].type(), true);
}

/** A cell as its Arrow builder takes it. */
export function arrowValue(type: SqlType, cell: JsonCell): unknown {
  return cell === null ? null : ARROW[type].encode(cell);
}
