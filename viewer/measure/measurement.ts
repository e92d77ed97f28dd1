import { EARTH_MEAN_RADIUS, metresBetween } from '../../layers/index.ts';

/** A measured point: degrees and metres above the ellipsoid (the terrain where it was picked). */
export interface MeasuredPoint {
  lon: number;
  lat: number;
  height: number;
}

const RAD = Math.PI / 180;

/** Length of a path over the points: great-circle distance per leg, with the climb between them. */
export function pathLength(points: readonly MeasuredPoint[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    total += Math.hypot(metresBetween([a.lon, a.lat], [b.lon, b.lat]), b.height - a.height);
  }
  return total;
}

/**
 * Area enclosed by the points as seen from above (m²), on a plane tangent at their centre:
 * exact enough for parcels and townships (a county is ~60 km across; the error stays below 0.01 %).
 */
export function enclosedArea(points: readonly MeasuredPoint[]): number {
  if (points.length < 3) return 0;
  const lat0 = points.reduce((sum, p) => sum + p.lat, 0) / points.length;
  const lon0 = points.reduce((sum, p) => sum + p.lon, 0) / points.length;
  const x = points.map((p) => (p.lon - lon0) * RAD * EARTH_MEAN_RADIUS * Math.cos(lat0 * RAD));
  const y = points.map((p) => (p.lat - lat0) * RAD * EARTH_MEAN_RADIUS);
  let twice = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) twice += x[j]! * y[i]! - x[i]! * y[j]!;
  return Math.abs(twice) / 2;
}

/** A length for reading: metres below a kilometre, kilometres above. */
export function formatLength(metres: number): string {
  return metres < 1000 ? `${metres.toFixed(1)} m` : `${(metres / 1000).toFixed(3)} km`;
}

/** An area for reading: m² below a hectare, then hectares, then km². */
export function formatArea(squareMetres: number): string {
  if (squareMetres < 10_000) return `${squareMetres.toFixed(0)} m²`;
  if (squareMetres < 1_000_000) return `${(squareMetres / 10_000).toFixed(2)} ha`;
  return `${(squareMetres / 1_000_000).toFixed(3)} km²`;
}
