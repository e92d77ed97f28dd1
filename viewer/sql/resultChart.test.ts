import { describe, expect, it } from 'vitest';
import type { QueryResult } from './hooks.ts';
import { chartSeries, pieSlices } from './resultChart.ts';

const result = (columns: string[], rows: unknown[][]): QueryResult => ({ columns, rowCount: rows.length, cell: (row, column) => rows[row]?.[column], milliseconds: 1 });

describe('result chart', () => {
  it('charts the first text column against the first numeric one', () => {
    const series = chartSeries(result(['use', 'n', 'mean'], [['住宅', 47100, 15.4], ['商业', 4708, 14.1]]));
    expect(series).toEqual({ labelColumn: 'use', valueColumn: 'n', points: [{ label: '住宅', value: 47100 }, { label: '商业', value: 4708 }] });
    expect(chartSeries(result(['n'], [[3], [4]]))?.points.map((p) => p.label)).toEqual(['1', '2']);
    expect(chartSeries(result(['name'], [['a']]))).toBeUndefined();
    expect(chartSeries(result(['x', 'n'], Array.from({ length: 50 }, (_, i) => [String(i), i])), 10)?.points).toHaveLength(10);
  });

  it('cuts a pie in proportion, clockwise, ignoring negative values', () => {
    const slices = pieSlices([1, 3, -2]);
    expect(slices[0]).toEqual({ start: 0, end: Math.PI / 2 });
    expect(slices[1]!.end).toBeCloseTo(2 * Math.PI);
    expect(slices[2]!.end - slices[2]!.start).toBe(0);
  });
});
