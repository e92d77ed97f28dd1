import { LAYER_TABLE_COLUMNS as C } from '../../layers/index.ts';
import { ringCentroid, signedArea2 } from '../geometry/ring.ts';
import { writeAttributeFiles } from '../output/attributeFiles.ts';
import type { Building } from './building.ts';

/**
 * The buildings layer as a table, one row per building, for SQL in the browser and for desktop
 * tools: its tile properties plus base height, footprint (GeoJSON, like every layer table),
 * extent (bbox) and the centroid of its largest part.
 */
export async function writeBuildingAttributeFiles(outDir: string, buildings: Building[]): Promise<void> {
  const n = buildings.length;
  const text = (pick: (b: Building) => string) => buildings.map(pick);
  const numbers = (pick: (b: Building) => number) => Float64Array.from(buildings, pick);
  const centroids = new Float64Array(2 * n);
  buildings.forEach(({ footprint }, i) => {
    const outers = footprint.polygons.map((rings) => rings[0]!);
    const largest = outers.reduce((a, b) => (signedArea2(b) > signedArea2(a) ? b : a));
    [centroids[2 * i], centroids[2 * i + 1]] = ringCentroid(largest);
  });
  await writeAttributeFiles(outDir, [
    { name: C.oid, type: 'utf8', values: text((b) => b.attributes.oid) },
    { name: 'name', type: 'utf8', values: text((b) => b.attributes.name) },
    { name: 'use', type: 'utf8', values: text((b) => b.attributes.use) },
    { name: 'address', type: 'utf8', values: text((b) => b.attributes.address) },
    { name: 'adminCode', type: 'utf8', values: text((b) => b.attributes.adminCode) },
    { name: 'height', type: 'float32', values: numbers((b) => b.attributes.height) },
    { name: 'floors', type: 'uint16', values: numbers((b) => b.attributes.floors) },
    { name: 'year', type: 'uint16', values: numbers((b) => b.attributes.year) },
    { name: 'base', type: 'float32', values: numbers((b) => b.base) },
    { name: C.geometry, type: 'utf8', values: text((b) => footprintGeoJson(b.footprint.polygons)) },
    { name: C.west, type: 'float64', values: numbers((b) => b.footprint.extent[0]) },
    { name: C.south, type: 'float64', values: numbers((b) => b.footprint.extent[1]) },
    { name: C.east, type: 'float64', values: numbers((b) => b.footprint.extent[2]) },
    { name: C.north, type: 'float64', values: numbers((b) => b.footprint.extent[3]) },
    { name: C.lon, type: 'float64', values: centroids.filter((_, i) => i % 2 === 0) },
    { name: C.lat, type: 'float64', values: centroids.filter((_, i) => i % 2 === 1) },
  ]);
}

/** A footprint's rings (open, flat lon/lat) as GeoJSON text, closed and rounded to ~1 cm. */
function footprintGeoJson(polygons: ArrayLike<number>[][]): string {
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  const ring = (flat: ArrayLike<number>) => {
    const points: number[][] = [];
    for (let i = 0; i < flat.length; i += 2) points.push([round(flat[i]!), round(flat[i + 1]!)]);
    points.push(points[0]!);
    return points;
  };
  const coordinates = polygons.map((rings) => rings.map(ring));
  return JSON.stringify(coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0] } : { type: 'MultiPolygon', coordinates });
}
