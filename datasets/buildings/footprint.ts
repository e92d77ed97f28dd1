import type { Crs } from '../crs/resolveCrs.ts';
import { gcj02ToWgs84 } from '../crs/gcj02.ts';
import { reverseRing, selfIntersects, signedArea2 } from '../geometry/ring.ts';
import type { Position, SourceGeometry } from '../readers/types.ts';
import { METRES_PER_DEGREE } from '../geo/units.ts';
import { simplifyFootprint } from './simplifyFootprint.ts';

/**
 * A building's ground outline in WGS84: polygons of rings, each ring flattened as
 * [lon0, lat0, lon1, lat1, …] without the closing point; outer rings counter-clockwise,
 * holes clockwise.
 */
export interface Footprint {
  polygons: Float64Array[][];
  /** Extent in degrees: west, south, east, north. */
  extent: [number, number, number, number];
  /** Lowest z of the source coordinates, when they have one. */
  minZ?: number;
  /** How the outline was simplified, when it had too many vertices to check and triangulate. */
  simplified?: { from: number; to: number; toleranceMetres: number };
}

export interface FootprintOptions {
  crs: Crs;
  /** Undo the GCJ-02 offset after reprojecting. */
  gcj02?: boolean;
}

/** Slack around a CRS's area of use: data a little outside it is still plausible. */
const AREA_OF_USE_MARGIN = 0.5;

/** Reprojects and checks a geometry; returns the footprint, or why the feature cannot be a building. */
export function toFootprint(geometry: SourceGeometry | null, options: FootprintOptions): Footprint | string {
  if (!geometry) return 'no geometry';
  let polygons: unknown;
  if (geometry.type === 'Polygon') polygons = [geometry.coordinates];
  else if (geometry.type === 'MultiPolygon') polygons = geometry.coordinates;
  else return `unsupported geometry type ${geometry.type}`;
  if (!Array.isArray(polygons) || polygons.length === 0) return 'empty geometry';

  const extent: Footprint['extent'] = [Infinity, Infinity, -Infinity, -Infinity];
  const result: Float64Array[][] = [];
  let minZ = Infinity;
  let simplified: Footprint['simplified'];
  for (const polygon of polygons as unknown[]) {
    if (!Array.isArray(polygon) || polygon.length === 0) return 'empty polygon';
    let rings: Float64Array[] = [];
    for (const source of polygon as unknown[]) {
      const ring = toWgs84Ring(source, options);
      if (typeof ring === 'string') return ring;
      for (let i = 0; i < ring.lonLat.length; i += 2) {
        extent[0] = Math.min(extent[0], ring.lonLat[i]!);
        extent[1] = Math.min(extent[1], ring.lonLat[i + 1]!);
        extent[2] = Math.max(extent[2], ring.lonLat[i]!);
        extent[3] = Math.max(extent[3], ring.lonLat[i + 1]!);
      }
      minZ = Math.min(minZ, ring.minZ);
      rings.push(ring.lonLat);
    }
    const simpler = simplifyFootprint(rings);
    if (typeof simpler === 'string') return simpler;
    if (simpler) {
      rings = simpler.rings;
      simplified = { from: (simplified?.from ?? 0) + simpler.from, to: (simplified?.to ?? 0) + simpler.to, toleranceMetres: Math.max(simplified?.toleranceMetres ?? 0, simpler.toleranceMetres) };
    }
    const problem = checkAndOrient(rings);
    if (problem) return problem;
    result.push(rings);
  }
  return { polygons: result, extent, ...(Number.isFinite(minZ) ? { minZ } : {}), ...(simplified ? { simplified } : {}) };
}

function toWgs84Ring(source: unknown, { crs, gcj02 }: FootprintOptions): { lonLat: Float64Array; minZ: number } | string {
  if (!Array.isArray(source)) return 'ring is not an array of positions';
  const points: number[] = [];
  let minZ = Infinity;
  for (const position of source as Position[]) {
    if (!Array.isArray(position) || position.length < 2) return 'position with fewer than 2 coordinates';
    const [x, y, z] = position as [number, number, number | undefined];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return 'non-finite coordinate (NaN or infinity)';
    if (z !== undefined && Number.isFinite(z)) minZ = Math.min(minZ, z);
    let [lon, lat] = crs.toWgs84(x, y);
    if (gcj02) [lon, lat] = gcj02ToWgs84(lon, lat);
    if (!inRange(lon, lat, crs)) return `coordinates out of range for ${crs.id} (${x}, ${y})`;
    const n = points.length;
    if (n >= 2 && points[n - 2] === lon && points[n - 1] === lat) continue;
    points.push(lon, lat);
  }
  if (points.length >= 4 && points[0] === points[points.length - 2] && points[1] === points[points.length - 1]) {
    points.length -= 2;
  }
  if (points.length < 6) return 'fewer than 3 distinct points';
  return { lonLat: Float64Array.from(points), minZ };
}

function inRange(lon: number, lat: number, crs: Crs): boolean {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return false;
  if (!crs.areaOfUse) return true;
  const [west, south, east, north] = crs.areaOfUse;
  const m = AREA_OF_USE_MARGIN;
  return lon >= west - m && lon <= east + m && lat >= south - m && lat <= north + m;
}

/** Zero-area and self-intersecting rings are refused; outer rings are made CCW, holes CW. */
function checkAndOrient(rings: Float64Array[]): string | undefined {
  const lon0 = rings[0]![0]!;
  const lat0 = rings[0]![1]!;
  const xScale = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r]!;
    const local = new Float64Array(ring.length);
    for (let i = 0; i < ring.length; i += 2) {
      local[i] = (ring[i]! - lon0) * xScale;
      local[i + 1] = (ring[i + 1]! - lat0) * METRES_PER_DEGREE;
    }
    const area2 = signedArea2(local);
    if (Math.abs(area2) / 2 < 0.01) return r === 0 ? 'zero area' : `zero-area hole (ring ${r})`;
    if (selfIntersects(local)) return r === 0 ? 'self-intersecting outline' : `self-intersecting hole (ring ${r})`;
    const counterClockwise = area2 > 0;
    if (counterClockwise !== (r === 0)) reverseRing(ring);
  }
  return undefined;
}
