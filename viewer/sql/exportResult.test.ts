import { describe, expect, it } from 'vitest';
import { resultToCsv, resultToGeoJson } from './exportResult.ts';
import type { QueryResult } from './hooks.ts';

const result = (columns: string[], rows: unknown[][]): QueryResult => ({ columns, rowCount: rows.length, cell: (row, column) => rows[row]![column], milliseconds: 1 });

describe('result export', () => {
  it('writes CSV that quotes what needs quoting, led by the byte-order mark Excel needs to read UTF-8', () => {
    const csv = resultToCsv(result(['name', 'note', 'n'], [['壶山街道', 'a, "b"', 3], ['x', null, 4.5]]));
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe('\uFEFFname,note,n\r\n壶山街道,"a, ""b""",3\r\nx,,4.5\r\n');
  });

  it('writes GeoJSON from the geometry column, else from lon and lat, else not at all', () => {
    const fromGeometry = JSON.parse(resultToGeoJson(result(['oid', 'geometry'], [['parcel:1', '{"type":"Point","coordinates":[119.8,28.9]}']]))!);
    expect(fromGeometry.features[0]).toEqual({ type: 'Feature', properties: { oid: 'parcel:1' }, geometry: { type: 'Point', coordinates: [119.8, 28.9] } });
    const fromPoints = JSON.parse(resultToGeoJson(result(['name', 'lon', 'lat'], [['a', 119.81, 28.91]]))!);
    expect(fromPoints.features[0].geometry).toEqual({ type: 'Point', coordinates: [119.81, 28.91] });
    expect(resultToGeoJson(result(['use', 'n'], [['住宅', 3]]))).toBeUndefined();
  });
});
