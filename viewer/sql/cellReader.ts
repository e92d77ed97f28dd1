import { DataType } from 'apache-arrow';

/**
 * How a result column's cells read: timestamps as ISO text (UTC) and dates as `YYYY-MM-DD`, as the
 * data API writes them (Arrow hands both over as milliseconds, which no one reads), the rest as
 * Arrow has them.
 */
export function cellReader(type: DataType, column: { get(row: number): unknown } | null): (row: number) => unknown {
  const get = (row: number) => column?.get(row);
  const asTime = (length: number) => (row: number) => {
    const value = get(row);
    return value === null || value === undefined ? value : new Date(Number(value)).toISOString().slice(0, length);
  };
  if (DataType.isTimestamp(type)) return asTime(24);
  if (DataType.isDate(type)) return asTime(10);
  return get;
}
