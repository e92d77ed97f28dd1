import type { ElevationGrid } from './elevationGrid.ts';
import type { CellSpan } from './polygonCells.ts';

/** The ground of some cells against a level: what lies below it (water, fill) and above it (cut), with areas and volumes. */
export interface LevelSums {
  cells: number;
  highestGround: number;
  below: { cells: number; area: number; volume: number; deepest: number };
  above: { cells: number; area: number; volume: number };
}

/** The lowest ground of the cells, metres. */
export function lowestGround(grid: ElevationGrid, spans: CellSpan[]): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (const { row, from, to } of spans) {
    for (let column = from; column <= to; column++) lowest = Math.min(lowest, grid.heights[row * grid.width + column]!);
  }
  return lowest;
}

/**
 * Each cell's ground against a level, summed over its ground area on the sphere: the depth of
 * the level above lower ground (a flood's water, an excavation's fill), the height of higher
 * ground above it (the cut). `onBelow` hears each cell below the level.
 */
export function groundAgainstLevel(grid: ElevationGrid, spans: CellSpan[], level: number, onBelow?: (row: number, column: number) => void): LevelSums {
  const sums: LevelSums = { cells: 0, highestGround: Number.NEGATIVE_INFINITY, below: { cells: 0, area: 0, volume: 0, deepest: 0 }, above: { cells: 0, area: 0, volume: 0 } };
  for (const { row, from, to } of spans) {
    const area = grid.cellArea(row);
    sums.cells += to - from + 1;
    for (let column = from; column <= to; column++) {
      const ground = grid.heights[row * grid.width + column]!;
      sums.highestGround = Math.max(sums.highestGround, ground);
      const side = ground < level ? sums.below : ground > level ? sums.above : undefined;
      if (!side) continue;
      side.cells++;
      side.area += area;
      side.volume += Math.abs(level - ground) * area;
      if (side === sums.below) {
        sums.below.deepest = Math.max(sums.below.deepest, level - ground);
        onBelow?.(row, column);
      }
    }
  }
  return sums;
}
