/**
 * Checks on one polygon ring in a local metric plane (x east, y north, metres), flattened as
 * [x0, y0, x1, y1, …] without the closing point.
 */

/**
 * Twice the signed area; positive when the ring runs counter-clockwise. Coordinates are taken
 * relative to the first point: products of raw longitudes and latitudes would cancel away the
 * area of a building-sized ring.
 */
export function signedArea2(ring: ArrayLike<number>): number {
  let sum = 0;
  const n = ring.length;
  const x0 = ring[0]!;
  const y0 = ring[1]!;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    sum += (ring[j]! - x0) * (ring[i + 1]! - y0) - (ring[i]! - x0) * (ring[j + 1]! - y0);
  }
  return sum;
}

/** Whether two edges of the ring that do not share a vertex cross or touch. */
export function selfIntersects(ring: ArrayLike<number>): boolean {
  const count = ring.length / 2;
  if (count < 4) return false;
  for (let i = 0; i < count; i++) {
    const i2 = (i + 1) % count;
    for (let j = i + 2; j < count; j++) {
      const j2 = (j + 1) % count;
      if (j2 === i) continue; // adjacent through the closing edge
      if (
        segmentsIntersect(
          ring[2 * i]!, ring[2 * i + 1]!, ring[2 * i2]!, ring[2 * i2 + 1]!,
          ring[2 * j]!, ring[2 * j + 1]!, ring[2 * j2]!, ring[2 * j2 + 1]!,
        )
      ) {
        return true;
      }
    }
  }
  return false;
}

function segmentsIntersect(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): boolean {
  const d1 = orientation(cx, cy, dx, dy, ax, ay);
  const d2 = orientation(cx, cy, dx, dy, bx, by);
  const d3 = orientation(ax, ay, bx, by, cx, cy);
  const d4 = orientation(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy))
  );
}

function orientation(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** Reverses a flattened ring in place, keeping each (x, y) pair together. */
export function reverseRing(ring: Float64Array): void {
  for (let i = 0, j = ring.length - 2; i < j; i += 2, j -= 2) {
    const x = ring[i]!;
    const y = ring[i + 1]!;
    ring[i] = ring[j]!;
    ring[i + 1] = ring[j + 1]!;
    ring[j] = x;
    ring[j + 1] = y;
  }
}

/** Area-weighted centroid of a ring (the mean of its points when it has no area), relative to its first point for precision. */
export function ringCentroid(ring: ArrayLike<number>): [number, number] {
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  const n = ring.length;
  const x0 = ring[0]!;
  const y0 = ring[1]!;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i]! - x0;
    const yi = ring[i + 1]! - y0;
    const xj = ring[j]! - x0;
    const yj = ring[j + 1]! - y0;
    const cross = xj * yi - xi * yj;
    area2 += cross;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
    sx += xi;
    sy += yi;
  }
  if (area2 === 0) return [x0 + sx / (n / 2), y0 + sy / (n / 2)];
  return [x0 + cx / (3 * area2), y0 + cy / (3 * area2)];
}

/** Whether a point lies inside a ring (even-odd rule); the ring as [x, y] pairs, closed or not. */
export function pointInRing(x: number, y: number, ring: ArrayLike<readonly number[]>): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
