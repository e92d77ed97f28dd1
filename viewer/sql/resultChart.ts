import type { QueryResult } from './hooks.ts';

export interface ChartSeries {
  labelColumn: string;
  valueColumn: string;
  points: { label: string; value: number }[];
}

/**
 * What a result can be charted as: its first text column as labels against its first numeric
 * column (the first numeric one after the labels), at most `limit` rows. Undefined when it has
 * no numeric column.
 */
export function chartSeries(result: QueryResult, limit = 24): ChartSeries | undefined {
  const rows = Math.min(result.rowCount, limit);
  if (rows === 0) return undefined;
  const isNumber = (c: number) => typeof result.cell(0, c) === 'number' || typeof result.cell(0, c) === 'bigint';
  const labelIndex = result.columns.findIndex((_, c) => !isNumber(c));
  const valueIndex = result.columns.findIndex((_, c) => c !== labelIndex && isNumber(c));
  if (valueIndex < 0) return undefined;
  const points = [];
  for (let row = 0; row < rows; row++) {
    points.push({ label: labelIndex < 0 ? String(row + 1) : String(result.cell(row, labelIndex) ?? '∅'), value: Number(result.cell(row, valueIndex)) });
  }
  return { labelColumn: labelIndex < 0 ? '#' : result.columns[labelIndex]!, valueColumn: result.columns[valueIndex]!, points };
}

/** Slices of a pie for values (negative values count as zero): start and end angles in radians, clockwise from 12 o'clock. */
export function pieSlices(values: readonly number[]): { start: number; end: number }[] {
  const total = values.reduce((sum, v) => sum + Math.max(0, v), 0);
  let angle = 0;
  return values.map((value) => {
    const start = angle;
    angle += total > 0 ? (Math.max(0, value) / total) * 2 * Math.PI : 0;
    return { start, end: angle };
  });
}
