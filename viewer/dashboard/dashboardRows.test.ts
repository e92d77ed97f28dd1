import { describe, expect, it } from 'vitest';
import { barRows, headlineFigures, squareKilometres, statusCounts } from './dashboardRows.ts';

describe('dashboard rows', () => {
  it('keeps the largest items and sums the rest into one row, bars scaled to the longest', () => {
    const items = [{ n: 'a', v: 5 }, { n: 'b', v: 20 }, { n: 'c', v: 10 }, { n: 'd', v: 1 }, { n: 'e', v: 2 }];
    const rows = barRows(items, (i) => ({ key: i.n, label: i.n.toUpperCase(), value: i.v }), 3, '其他');
    expect(rows.map((r) => [r.label, r.value, r.share])).toEqual([['B', 20, 1], ['C', 10, 0.5], ['A', 5, 0.25], ['其他', 3, 0.15]]);
    expect(barRows([], (i: { v: number }) => ({ key: '', label: '', value: i.v }), 3, '其他')).toEqual([]);
  });

  it('lists every status in workflow order and derives the headline figures', () => {
    expect(statusCounts({ 办结: 3, 受理: 1 })).toEqual([
      { status: '受理', count: 1 },
      { status: '交办', count: 0 },
      { status: '处置', count: 0 },
      { status: '办结', count: 3 },
      { status: '退回', count: 0 },
    ]);
    const figures = { incidents: { total: 7, byStatus: { 办结: 3, 受理: 4 }, byTownship: [], completionRate: 3 / 7, completionTarget: 0.95, trend: [] }, alarms: { active: 2, points: [] } };
    expect(headlineFigures(figures)).toEqual({ total: 7, open: 4, completionPercent: 43, activeAlarms: 2 });
    expect(headlineFigures({})).toEqual({ total: undefined, open: undefined, completionPercent: undefined, activeAlarms: undefined });
  });

  it('writes areas in square kilometres', () => {
    expect(squareKilometres(985_795_236)).toBe('986');
    expect(squareKilometres(12_345_678)).toBe('12.3');
  });
});
