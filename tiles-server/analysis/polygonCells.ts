import type { FlatPolygon } from '../../layers/index.ts';
import type { ElevationGrid } from './elevationGrid.ts';

/** The cells of one row whose centres lie inside a polygon: columns `from` to `to`, both included. */
export interface CellSpan {
  row: number;
  from: number;
  to: number;
}

/**
 * The grid cells whose centres lie inside a polygon (even-odd over all its rings, so holes are
 * out), row by row: each row's centre line is crossed with the rings' edges and filled between
 * pairs of crossings. Linear in rows × edges, however large the polygon.
 */
export function polygonCells(grid: ElevationGrid, polygon: FlatPolygon): CellSpan[] {
  let south = Number.POSITIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const ring of polygon) {
    for (let i = 1; i < ring.length; i += 2) {
      south = Math.min(south, ring[i]!);
      north = Math.max(north, ring[i]!);
    }
  }
  const firstRow = Math.max(0, Math.ceil(grid.row(north) - 0.5));
  const lastRow = Math.min(grid.height - 1, Math.floor(grid.row(south) - 0.5));
  const spans: CellSpan[] = [];
  const crossings: number[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    const lat = grid.latOf(row + 0.5);
    crossings.length = 0;
    for (const ring of polygon) {
      const n = ring.length;
      for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
        const yi = ring[i + 1]!;
        const yj = ring[j + 1]!;
        if (yi > lat !== yj > lat) crossings.push(grid.column(ring[i]! + ((ring[j]! - ring[i]!) * (lat - yi)) / (yj - yi)));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.ceil(crossings[k]! - 0.5));
      const to = Math.min(grid.width - 1, Math.ceil(crossings[k + 1]! - 0.5) - 1);
      if (from <= to) spans.push({ row, from, to });
    }
  }
  return spans;
}
