import simplify from 'simplify-js';
import { METRES_PER_DEGREE } from '../geo/units.ts';

/**
 * Most vertices a footprint keeps: checking an outline for self-intersection and triangulating it
 * cost the square of its vertices, and no building needs more to be drawn at a metre's accuracy.
 */
export const MAX_FOOTPRINT_VERTICES = 2000;

/** The largest distance (m) a simplified outline may move from the source's. */
export const MAX_SIMPLIFY_TOLERANCE = 1;

export interface Simplified {
  rings: Float64Array[];
  /** Vertices before and after. */
  from: number;
  to: number;
  toleranceMetres: number;
}

/**
 * Rings (lon/lat, flattened, open) with more than MAX_FOOTPRINT_VERTICES in all, simplified by
 * Douglas–Peucker in metres with the smallest tolerance (from 5 cm, doubling, up to 1 m) that
 * brings them under it, holes smaller than it left out; undefined when they are under it
 * already, a string when even 1 m does not.
 */
export function simplifyFootprint(rings: Float64Array[]): Simplified | string | undefined {
  const from = rings.reduce((sum, ring) => sum + ring.length / 2, 0);
  if (from <= MAX_FOOTPRINT_VERTICES) return undefined;
  const lon0 = rings[0]![0]!;
  const lat0 = rings[0]![1]!;
  const xScale = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const local = rings.map((ring) => {
    const points = [];
    for (let i = 0; i < ring.length; i += 2) points.push({ x: (ring[i]! - lon0) * xScale, y: (ring[i + 1]! - lat0) * METRES_PER_DEGREE });
    return points;
  });
  // 5 cm, doubling, and the largest tolerance last.
  const tolerances = [0.05, 0.1, 0.2, 0.4, 0.8, MAX_SIMPLIFY_TOLERANCE];
  for (const tolerance of tolerances) {
    // A hole smaller than the tolerance vanishes; the outline itself must keep its shape.
    const simplified = local.map((points) => simplify(points, tolerance, true)).filter((points, r) => r === 0 || points.length >= 3);
    const to = simplified.reduce((sum, points) => sum + points.length, 0);
    if (to > MAX_FOOTPRINT_VERTICES || simplified[0]!.length < 3) continue;
    return {
      rings: simplified.map((points) => Float64Array.from(points.flatMap(({ x, y }) => [lon0 + x / xScale, lat0 + y / METRES_PER_DEGREE]))),
      from,
      to,
      toleranceMetres: tolerance,
    };
  }
  return `footprint too complex: ${from} vertices, over ${MAX_FOOTPRINT_VERTICES} even simplified within ${MAX_SIMPLIFY_TOLERANCE} m`;
}
