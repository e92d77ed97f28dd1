/**
 * The height between the centres of a grid's cells (row by row from the north-west) at a
 * fractional position: `column` and `row` count cell centres from 0 and are clamped to the grid,
 * so the edge cells' heights hold out to the rim. The surface a terrain mesh of the grid draws.
 */
export function bilinear(heights: ArrayLike<number>, width: number, height: number, column: number, row: number): number {
  const c = Math.min(Math.max(column, 0), width - 1);
  const r = Math.min(Math.max(row, 0), height - 1);
  const c0 = Math.min(Math.floor(c), Math.max(width - 2, 0));
  const r0 = Math.min(Math.floor(r), Math.max(height - 2, 0));
  const c1 = Math.min(c0 + 1, width - 1);
  const r1 = Math.min(r0 + 1, height - 1);
  const fc = c - c0;
  const fr = r - r0;
  const h = heights;
  return (h[r0 * width + c0]! * (1 - fc) + h[r0 * width + c1]! * fc) * (1 - fr) + (h[r1 * width + c0]! * (1 - fc) + h[r1 * width + c1]! * fc) * fr;
}
