import type { Crs } from '../crs/resolveCrs.ts';
import { signedArea2 } from '../geometry/ring.ts';
import { largestRingCentroid } from '../output/featureTable.ts';
import { polygonsGeoJson } from '../output/geoJsonText.ts';
import type { Position, SourceGeometry } from '../readers/types.ts';

export interface ParcelGeometry {
  /** A MultiPolygon in longitude and latitude, outer rings counter-clockwise (RFC 7946), as GeoJSON text. */
  geoJson: string;
  /** m²: on the plane of the source CRS when it is projected (as GIS tools measure a Gauss-Krüger parcel), else on the sphere. */
  area: number;
  /** [west, south, east, north] in degrees. */
  bbox: Box;
  /** The centroid of its largest outer ring: [lon, lat]. */
  point: [number, number];
}

/** 1e-8° is about a millimetre: finer digits only make the file larger. */
const round = (degrees: number) => Math.round(degrees * 1e8) / 1e8;
const EARTH_RADIUS = 6378137;
const RADIANS = Math.PI / 180;

/**
 * A parcel's polygon in its source CRS → longitude/latitude with its area, extent and label
 * point, or why it cannot be one; `sourceExtent` grows by its source coordinates, those that
 * do not convert too. Rings stay flat arrays (closed, as the source's) and go straight to text.
 */
export function toParcelGeometry(geometry: SourceGeometry | null, crs: Crs, sourceExtent: Box): ParcelGeometry | string {
  if (!geometry) return 'no geometry';
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates as Position[][]] : geometry.type === 'MultiPolygon' ? (geometry.coordinates as Position[][][]) : undefined;
  if (!polygons) return `a ${geometry.type}, not a polygon`;
  const converted: Float64Array[][] = [];
  const bbox: Box = [Infinity, Infinity, -Infinity, -Infinity];
  let area = 0;
  for (const rings of polygons) {
    const polygon: Float64Array[] = [];
    for (const ring of rings) {
      if (ring.length < 4) {
        if (polygon.length === 0) break; // no outer ring, no polygon
        continue;
      }
      const lonLat = new Float64Array(ring.length * 2);
      const source = new Float64Array(ring.length * 2);
      for (let i = 0; i < ring.length; i++) {
        const [x, y] = ring[i]!;
        grow(sourceExtent, x!, y!);
        const [lon, lat] = crs.toWgs84(x!, y!);
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) return `coordinates that do not convert from ${crs.id} (${x}, ${y})`;
        source[2 * i] = x!;
        source[2 * i + 1] = y!;
        lonLat[2 * i] = round(lon);
        lonLat[2 * i + 1] = round(lat);
      }
      const ringArea = crs.geographic ? sphericalArea(lonLat) : Math.abs(signedArea2(source)) / 2;
      const outer = polygon.length === 0;
      area += outer ? ringArea : -ringArea;
      if (signedArea2(lonLat) > 0 !== outer) reversePairs(lonLat);
      if (outer) for (let i = 0; i < lonLat.length; i += 2) grow(bbox, lonLat[i]!, lonLat[i + 1]!);
      polygon.push(lonLat);
    }
    if (polygon.length > 0) converted.push(polygon);
  }
  if (converted.length === 0 || !(area > 0)) return 'zero area';
  return { geoJson: polygonsGeoJson(converted, { multi: true, close: false }), area, bbox, point: largestRingCentroid(converted.map((polygon) => polygon[0]!)) };
}

function reversePairs(ring: Float64Array): void {
  for (let i = 0, j = ring.length - 2; i < j; i += 2, j -= 2) {
    [ring[i], ring[j]] = [ring[j]!, ring[i]!];
    [ring[i + 1], ring[j + 1]] = [ring[j + 1]!, ring[i + 1]!];
  }
}

/** [west, south, east, north], or [x, y] minima and maxima. */
type Box = [number, number, number, number];

function grow(box: Box, x: number, y: number): void {
  if (x < box[0]) box[0] = x;
  if (y < box[1]) box[1] = y;
  if (x > box[2]) box[2] = x;
  if (y > box[3]) box[3] = y;
}

/** The area of a longitude/latitude ring (flat) on the sphere of the equatorial radius (as GeoJSON tools reckon it). */
function sphericalArea(ring: Float64Array): number {
  let sum = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    sum += (ring[i + 2]! - ring[i]!) * RADIANS * (2 + Math.sin(ring[i + 1]! * RADIANS) + Math.sin(ring[i + 3]! * RADIANS));
  }
  return Math.abs((sum * EARTH_RADIUS * EARTH_RADIUS) / 2);
}
