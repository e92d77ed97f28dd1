import { EARTH_MEAN_RADIUS } from '../../layers/index.ts';

/**
 * The height above the sphere of the straight line between two points `distance` metres apart
 * on the ground, at heights `from` and `to`, a fraction `t` of the way along: the chord sags
 * below the straight interpolation by t(1 - t)d²/2R as the Earth curves away (0.5 m at 5 km).
 */
export function sightHeight(from: number, to: number, distance: number, t: number): number {
  return from + (to - from) * t - (t * (1 - t) * distance * distance) / (2 * EARTH_MEAN_RADIUS);
}

/** How far the ground falls below the tangent plane at `distance` metres: d²/2R. */
export function curvatureDrop(distance: number): number {
  return (distance * distance) / (2 * EARTH_MEAN_RADIUS);
}
