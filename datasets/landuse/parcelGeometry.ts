import type { Crs } from '../crs/resolveCrs.ts';
import { signedArea2 } from '../geometry/ring.ts';
import type { Position, SourceGeometry } from '../readers/types.ts';

export interface ParcelGeometry {
  /** A MultiPolygon in longitude and latitude, outer rings counter-clockwise (RFC 7946). */
  coordinates: number[][][][];
  /** m²: on the plane of the source CRS when it is projected (as GIS tools measure a Gauss-Krüger parcel), else on the sphere. */
  area: number;
}

/** 1e-8° is about a millimetre: finer digits only make the file larger. */
const round = (degrees: number) => Math.round(degrees * 1e8) / 1e8;
const EARTH_RADIUS = 6378137;
const RADIANS = Math.PI / 180;

/** A parcel's polygon in its source CRS → longitude/latitude with its area, or why it cannot be one. */
export function toParcelGeometry(geometry: SourceGeometry | null, crs: Crs): ParcelGeometry | string {
  if (!geometry) return 'no geometry';
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates as Position[][]] : geometry.type === 'MultiPolygon' ? (geometry.coordinates as Position[][][]) : undefined;
  if (!polygons) return `a ${geometry.type}, not a polygon`;
  const coordinates: number[][][][] = [];
  let area = 0;
  for (const rings of polygons) {
    const polygon: number[][][] = [];
    for (const ring of rings) {
      if (ring.length < 4) {
        if (polygon.length === 0) break; // no outer ring, no polygon
        continue;
      }
      const lonLat: number[][] = [];
      for (const [x, y] of ring) {
        const [lon, lat] = crs.toWgs84(x!, y!);
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) return `coordinates that do not convert from ${crs.id} (${x}, ${y})`;
        lonLat.push([round(lon), round(lat)]);
      }
      const ringArea = crs.geographic ? sphericalArea(lonLat) : Math.abs(signedArea2(ring.flatMap(([x, y]) => [x!, y!]))) / 2;
      const outer = polygon.length === 0;
      area += outer ? ringArea : -ringArea;
      if (signedArea2(lonLat.flat()) > 0 !== outer) lonLat.reverse();
      polygon.push(lonLat);
    }
    if (polygon.length > 0) coordinates.push(polygon);
  }
  if (coordinates.length === 0 || !(area > 0)) return 'zero area';
  return { coordinates, area };
}

/** The area of a longitude/latitude ring on the sphere of the equatorial radius (as GeoJSON tools reckon it). */
function sphericalArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [lon1, lat1] = ring[i]!;
    const [lon2, lat2] = ring[i + 1]!;
    sum += (lon2! - lon1!) * RADIANS * (2 + Math.sin(lat1! * RADIANS) + Math.sin(lat2! * RADIANS));
  }
  return Math.abs((sum * EARTH_RADIUS * EARTH_RADIUS) / 2);
}
