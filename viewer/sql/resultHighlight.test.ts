import { describe, expect, it } from 'vitest';
import type { QueryResult } from './hooks.ts';
import { resultHighlight } from './resultHighlight.ts';

const result = (columns: string[], rows: unknown[][]): QueryResult => ({ columns, rowCount: rows.length, cell: (row, column) => rows[row]![column], milliseconds: 1 });

describe('result highlight', () => {
  it('takes the oids of a result, or its positions when it has no oids', () => {
    const highlight = resultHighlight(result(['oid', 'lon', 'lat'], [['bldg:1', 119.8, 28.9], ['bldg:2', 119.81, 28.91]]));
    expect([...highlight.oids]).toEqual(['bldg:1', 'bldg:2']);
    expect(highlight.points).toEqual([]);
    expect(resultHighlight(result(['name', 'lon', 'lat'], [['上村', 119.8, 28.9]])).points).toEqual([[119.8, 28.9]]);
    expect(resultHighlight(result(['use', 'n'], [['住宅', 1]]))).toEqual({ oids: new Set(), points: [] });
  });
});
