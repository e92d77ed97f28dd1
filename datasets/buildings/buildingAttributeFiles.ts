import { LAYER_TABLE_COLUMNS as C } from '../../layers/index.ts';
import { writeAttributeFiles } from '../output/attributeFiles.ts';
import { largestRingCentroid } from '../output/featureTable.ts';
import { polygonsGeoJson } from '../output/geoJsonText.ts';
import type { Building } from './building.ts';

/**
 * The buildings layer as a table, one row per building, for SQL in the browser and for desktop
 * tools: its tile properties plus base height, footprint (GeoJSON, closed and rounded to ~1 cm,
 * like every layer table), extent (bbox) and the centroid of its largest part.
 */
export async function writeBuildingAttributeFiles(outDir: string, buildings: Building[]): Promise<void> {
  const n = buildings.length;
  const text = (pick: (b: Building) => string) => buildings.map(pick);
  const [height, base] = [new Float32Array(n), new Float32Array(n)];
  const [floors, year] = [new Uint16Array(n), new Uint16Array(n)];
  const [west, south, east, north, lon, lat] = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const geometry: string[] = new Array(n);
  buildings.forEach(({ footprint, base: baseHeight, attributes }, i) => {
    height[i] = attributes.height;
    floors[i] = attributes.floors;
    year[i] = attributes.year;
    base[i] = baseHeight;
    [west[i], south[i], east[i], north[i]] = footprint.extent;
    [lon[i], lat[i]] = largestRingCentroid(footprint.polygons.map((rings) => rings[0]!));
    geometry[i] = polygonsGeoJson(footprint.polygons, { multi: false, close: true, digits: 7 });
  });
  await writeAttributeFiles(outDir, [
    { name: C.oid, type: 'utf8', values: text((b) => b.attributes.oid) },
    { name: 'name', type: 'utf8', values: text((b) => b.attributes.name) },
    { name: 'use', type: 'utf8', values: text((b) => b.attributes.use) },
    { name: 'address', type: 'utf8', values: text((b) => b.attributes.address) },
    { name: 'adminCode', type: 'utf8', values: text((b) => b.attributes.adminCode) },
    { name: 'height', type: 'float32', values: height },
    { name: 'floors', type: 'uint16', values: floors },
    { name: 'year', type: 'uint16', values: year },
    { name: 'base', type: 'float32', values: base },
    { name: C.geometry, type: 'utf8', values: geometry },
    { name: C.west, type: 'float64', values: west },
    { name: C.south, type: 'float64', values: south },
    { name: C.east, type: 'float64', values: east },
    { name: C.north, type: 'float64', values: north },
    { name: C.lon, type: 'float64', values: lon },
    { name: C.lat, type: 'float64', values: lat },
  ]);
}
