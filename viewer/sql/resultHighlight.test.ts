import { describe, expect, it } from 'vitest';
import type { QueryResult } from './hooks.ts';
import { MAX_OUTLINES, resultHighlight } from './resultHighlight.ts';

const result = (columns: string[], rows: unknown[][]): QueryResult => ({ columns, rowCount: rows.length, cell: (row, column) => rows[row]![column], milliseconds: 1 });
const square = (x: number, y: number, size = 0.001) => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]], [[x + size / 4, y + size / 4], [x + size / 2, y + size / 4], [x + size / 2, y + size / 2], [x + size / 4, y + size / 4]]],
});

describe('result highlight', () => {
  it('takes the oids of a result, or its positions when it has no oids, framed by their extent', () => {
    const highlight = resultHighlight(result(['oid', 'lon', 'lat'], [['bldg:1', 119.8, 28.9], ['bldg:2', 119.81, 28.91]]));
    expect([...highlight.oids]).toEqual(['bldg:1', 'bldg:2']);
    expect(highlight.points).toEqual([]);
    expect(highlight.extent).toEqual([119.8, 28.9, 119.81, 28.91]);
    expect(resultHighlight(result(['name', 'lon', 'lat'], [['上村', 119.8, 28.9]])).points).toEqual([[119.8, 28.9]]);
    expect(resultHighlight(result(['use', 'n'], [['住宅', 1]]))).toEqual({ oids: new Set(), points: [], outlines: [], extent: undefined });
  });

  it('marks the rows bound to no object at their positions, beside the objects of the others', () => {
    const incidents = result(['id', 'oid', 'lon', 'lat'], [['inc:1', 'bldg:1', 119.8, 28.9], ['inc:2', null, 119.85, 28.95], ['inc:3', null, null, null]]);
    expect(resultHighlight(incidents)).toEqual({ oids: new Set(['bldg:1']), points: [[119.85, 28.95]], outlines: [], extent: [119.8, 28.9, 119.85, 28.95] });
  });

  it('outlines the outer rings of areas, from the result and from the geometries of its oids, once each', () => {
    const inResult = square(119.8, 28.9);
    const looked = { type: 'MultiPolygon', coordinates: [square(119.82, 28.92).coordinates, square(119.83, 28.93).coordinates] };
    const highlight = resultHighlight(result(['oid', 'geometry'], [['parcel:1', JSON.stringify(inResult)]]), [JSON.stringify(looked), JSON.stringify(inResult)]);
    expect(highlight.outlines).toEqual([inResult.coordinates[0], looked.coordinates[0]![0], looked.coordinates[1]![0]]);
    expect(highlight.extent).toEqual([119.8, 28.9, 119.831, 28.931]);
  });

  it('frames only the positions a result has, and skips geometry that is not GeoJSON', () => {
    const highlight = resultHighlight(result(['oid', 'lon', 'lat', 'geometry'], [['bldg:1', 119.8, 28.9, 'POINT (119.8 28.9)'], ['bldg:2', null, null, null]]));
    expect(highlight.extent).toEqual([119.8, 28.9, 119.8, 28.9]);
    expect(highlight.outlines).toEqual([]);
  });

  it('outlines at most a few hundred areas', () => {
    const rows = Array.from({ length: MAX_OUTLINES + 50 }, (_, i) => [`parcel:${i}`, JSON.stringify(square(119 + i * 0.01, 28))]);
    expect(resultHighlight(result(['oid', 'geometry'], rows)).outlines).toHaveLength(MAX_OUTLINES);
  });
});
