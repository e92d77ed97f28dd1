import { LAYER_TABLE_COLUMNS as C } from '../../layers/index.ts';
import type { Highlight } from '../highlight/index.tsx';
import { outerRings } from '../selection/outerRings.ts';
import type { QueryResult } from './hooks.ts';

const MAX_POINTS = 5000;
/** Areas outlined at most: each is a line on the ground, and a result may hold thousands of parcels. */
export const MAX_OUTLINES = 500;

/**
 * What a result shows in 3D: every value of its `oid` column (drawn by their own layers); the
 * outlines of its areas, from its `geometry` column (GeoJSON text) and from `shapes`, the
 * geometries its oids have in the tables loaded; and, for rows without an oid (a result with no
 * such column, a record bound to nothing), up to 5,000 of their `lon`/`lat` positions as marks.
 * Framed by the extent of all of them.
 */
export function resultHighlight(result: QueryResult, shapes: readonly string[] = []): Highlight {
  const column = (name: string) => result.columns.indexOf(name);
  const [oid, lon, lat, geometry] = [column(C.oid), column(C.lon), column(C.lat), column(C.geometry)];
  // An empty cell is no value: no object, and no position (Number(null) would be 0°, 0°).
  const present = (row: number, column: number) => {
    const value = column < 0 ? null : result.cell(row, column);
    return value === null || value === undefined || value === '' ? undefined : value;
  };
  const oids = new Set<string>();
  const positions: [number, number][] = [];
  const points: [number, number][] = [];
  for (let row = 0; row < result.rowCount; row++) {
    const [id, x, y] = [present(row, oid), present(row, lon), present(row, lat)];
    if (id !== undefined) oids.add(String(id));
    if (x === undefined || y === undefined) continue;
    positions.push([Number(x), Number(y)]);
    if (id === undefined && points.length < MAX_POINTS) points.push([Number(x), Number(y)]);
  }
  const geometries = geometry >= 0 ? Array.from({ length: result.rowCount }, (_, row) => String(result.cell(row, geometry))) : [];
  const outlines = [...new Set([...geometries, ...shapes])].slice(0, MAX_OUTLINES).flatMap((text) => outerRings(parsedGeometry(text)));
  return { oids, points, outlines, extent: extentOf([...positions, ...outlines.flat()]) };
}

/** A GeoJSON geometry, or nothing for text that is not one (a column named `geometry` may hold anything). */
function parsedGeometry(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function extentOf(coordinates: readonly (readonly number[])[]): Highlight['extent'] {
  const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of coordinates) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    extent[0] = Math.min(extent[0], x!);
    extent[1] = Math.min(extent[1], y!);
    extent[2] = Math.max(extent[2], x!);
    extent[3] = Math.max(extent[3], y!);
  }
  return extent[0] <= extent[2] ? extent : undefined;
}
