import { type FlatPolygon, polygonContains } from '../../layers/index.ts';

/**
 * The stretches of the segment a→b that lie inside a polygon, as [t0, t1] fractions of its
 * length in order: its crossings with every ring's edges cut it, and each piece is inside or out
 * as its middle is.
 */
export function segmentInside(polygon: FlatPolygon, a: readonly [number, number], b: readonly [number, number]): [number, number][] {
  const [ax, ay] = a;
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const cuts = [0, 1];
  for (const ring of polygon) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const ex = ring[i]! - ring[j]!;
      const ey = ring[i + 1]! - ring[j + 1]!;
      const denominator = dx * ey - dy * ex;
      if (denominator === 0) continue;
      const qx = ring[j]! - ax;
      const qy = ring[j + 1]! - ay;
      const t = (qx * ey - qy * ex) / denominator;
      const u = (qx * dy - qy * dx) / denominator;
      if (t > 0 && t < 1 && u >= 0 && u <= 1) cuts.push(t);
    }
  }
  cuts.sort((p, q) => p - q);
  const inside: [number, number][] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [t0, t1] = [cuts[k]!, cuts[k + 1]!];
    if (t1 - t0 < 1e-12) continue;
    const middle = (t0 + t1) / 2;
    if (!polygonContains(polygon, ax + dx * middle, ay + dy * middle)) continue;
    const last = inside.at(-1);
    if (last && last[1] === t0) last[1] = t1;
    else inside.push([t0, t1]);
  }
  return inside;
}
