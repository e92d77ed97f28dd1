import type { Highlight } from '../highlight/index.tsx';
import type { QueryResult } from './hooks.ts';

const MAX_POINTS = 5000;

/**
 * The objects of a result to show in 3D: every value of its `oid` column (drawn by their own
 * layers), or, for a result without oids, up to 5,000 of its `lon`/`lat` positions as marks.
 */
export function resultHighlight(result: QueryResult): Highlight {
  const column = (name: string) => result.columns.indexOf(name);
  const [oid, lon, lat] = [column('oid'), column('lon'), column('lat')];
  const oids = new Set<string>();
  if (oid >= 0) for (let row = 0; row < result.rowCount; row++) oids.add(String(result.cell(row, oid)));
  const points: [number, number][] = [];
  if (oid < 0 && lon >= 0 && lat >= 0) {
    for (let row = 0; row < Math.min(result.rowCount, MAX_POINTS); row++) points.push([Number(result.cell(row, lon)), Number(result.cell(row, lat))]);
  }
  return { oids, points };
}
