import { join } from 'node:path';
import { ringCentroid, signedArea2 } from '../geometry/ring.ts';
import { writeAttributeFiles } from '../output/attributeFiles.ts';
import { writeDataFile } from '../output/writeDataFile.ts';
import { type Parcels, parcelPolygons } from './landUse.ts';
import { METRES_PER_DEGREE } from '../geo/units.ts';

/**
 * The land-use parcels as a layer: `landuse.geojson` (each parcel with its oid, GB/T 21010 class,
 * area and resource code 资源码) and its attribute table for SQL.
 */
export async function writeLandUse(outDir: string, parcels: Parcels): Promise<{ resourceCode: string; code: string }[]> {
  const polygons = parcelPolygons(parcels);
  const serials = new Map<string, number>();
  const rows = polygons.map((polygon, i) => {
    const cls = parcels.classes[i]!;
    const township = parcels.townshipCodes[i]!;
    const serial = (serials.get(township) ?? 0) + 1;
    serials.set(township, serial);
    const outer = polygon.map((p) => p[0]!.flat());
    const largest = outer.reduce((a, b) => (Math.abs(signedArea2(b)) > Math.abs(signedArea2(a)) ? b : a));
    const [lon, lat] = ringCentroid(largest);
    const metres2 = outer.reduce((sum, ring) => sum + Math.abs(signedArea2(ring)) / 2, 0) * METRES_PER_DEGREE ** 2 * Math.cos((lat * Math.PI) / 180);
    return {
      oid: `parcel:330723-${String(i + 1).padStart(6, '0')}`,
      resourceCode: `${township}-${cls.code}-${String(serial).padStart(5, '0')}`,
      code: cls.code,
      className: cls.zh,
      township,
      area: Math.round(metres2),
      lon,
      lat,
      polygon,
    };
  });
  const features = rows.map(({ polygon, lon: _lon, lat: _lat, ...properties }) => ({
    type: 'Feature',
    id: properties.oid,
    properties,
    geometry: { type: 'MultiPolygon', coordinates: polygon },
  }));
  await writeDataFile(join(outDir, 'landuse.geojson'), new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })), { gzip: true });
  await writeAttributeFiles(outDir, [
    { name: 'oid', type: 'utf8', values: rows.map((r) => r.oid) },
    { name: 'resourceCode', type: 'utf8', values: rows.map((r) => r.resourceCode) },
    { name: 'code', type: 'utf8', values: rows.map((r) => r.code) },
    { name: 'className', type: 'utf8', values: rows.map((r) => r.className) },
    { name: 'township', type: 'utf8', values: rows.map((r) => r.township) },
    { name: 'area', type: 'float64', values: rows.map((r) => r.area) },
    { name: 'lon', type: 'float64', values: rows.map((r) => r.lon) },
    { name: 'lat', type: 'float64', values: rows.map((r) => r.lat) },
  ]);
  return rows.map(({ resourceCode, code }) => ({ resourceCode, code }));
}
