import { join } from 'node:path';
import { ringCentroid, signedArea2 } from '../geometry/ring.ts';
import { dataUrl, pipelineMetadata, writeCatalogEntry } from '../output/catalogEntry.ts';
import { writeFeatureLayerFiles } from '../output/featureLayerFiles.ts';
import { layerRowOf } from '../output/featureTable.ts';
import { type Parcels, parcelPolygons } from './landUse.ts';
import { METRES_PER_DEGREE } from '../geo/units.ts';
import { LAND_USE_STYLE, landUseClassify } from '../landuse/landUseClassify.ts';
import { type LandUseCode, landUseClasses } from './landUseClasses.ts';
import { planningZones, zoneOfClass } from './planningZones.ts';

/**
 * The land-use parcels as a layer: `landuse.geojson` (each parcel with its oid, GB/T 21010 class,
 * area and resource code 资源码), its table for SQL (with geometry, so the server binds records
 * to parcels) and its catalog entry.
 */
export async function writeLandUse(dataDir: string, outDir: string, parcels: Parcels): Promise<{ resourceCode: string; code: string }[]> {
  const polygons = parcelPolygons(parcels);
  const serials = new Map<string, number>();
  const rows = polygons.map((polygon, i) => {
    const cls = parcels.classes[i]!;
    const township = parcels.townshipCodes[i]!;
    const serial = (serials.get(township) ?? 0) + 1;
    serials.set(township, serial);
    const outer = polygon.map((p) => p[0]!.flat());
    const largest = outer.reduce((a, b) => (Math.abs(signedArea2(b)) > Math.abs(signedArea2(a)) ? b : a));
    const [, lat] = ringCentroid(largest);
    const metres2 = outer.reduce((sum, ring) => sum + Math.abs(signedArea2(ring)) / 2, 0) * METRES_PER_DEGREE ** 2 * Math.cos((lat * Math.PI) / 180);
    return {
      oid: `parcel:330723-${String(i + 1).padStart(6, '0')}`,
      resourceCode: `${township}-${cls.code}-${String(serial).padStart(5, '0')}`,
      code: cls.code,
      className: cls.zh,
      zone: zoneOfClass[cls.code as LandUseCode],
      township,
      area: Math.round(metres2),
      polygon,
    };
  });
  const features = rows.map(({ polygon, ...properties }) => ({
    type: 'Feature' as const,
    id: properties.oid,
    properties,
    geometry: { type: 'MultiPolygon', coordinates: polygon },
  }));
  await writeFeatureLayerFiles(features.map(layerRowOf), { geoJson: join(outDir, 'landuse.geojson'), tableDir: outDir });
  const url = dataUrl(dataDir, outDir);
  const metadata = pipelineMetadata({ sourceSystem: 'wuyi-twin sample generator', updateFrequency: 'yearly', originalCrs: 'EPSG:4490', synthetic: true });
  await writeCatalogEntry(outDir, {
    id: 'landuse',
    kind: 'thematic',
    title: { zh: '土地利用现状（三调地类）', en: 'Land use (GB/T 21010 classes)' },
    description: { zh: '地块及其地类（GB/T 21010）、面积、规划分区与资源码', en: 'Parcels with their GB/T 21010 class, area, planning zone and resource code' },
    group: 'planning',
    visible: false,
    access: 'public',
    source: { type: 'geojson', url: `${url}/landuse.geojson` },
    table: { arrow: `${url}/attributes.arrow`, parquet: `${url}/attributes.parquet` },
    classify: landUseClassify(landUseClasses),
    style: LAND_USE_STYLE,
    metadata,
  });
  // The plan zones the same parcels, so its layer (in a folder of its own, as every catalog entry) reads the land-use file by another field.
  await writeCatalogEntry(join(outDir, '..', 'zoning'), {
    id: 'zoning',
    kind: 'thematic',
    title: { zh: '国土空间规划分区', en: 'Spatial planning zones' },
    description: { zh: '县级国土空间总体规划一级分区', en: 'First-level zones of the county spatial master plan' },
    group: 'planning',
    visible: false,
    access: 'public',
    source: { type: 'geojson', url: `${url}/landuse.geojson` },
    classify: { field: 'zone', classes: planningZones.map((z) => ({ value: z.value, color: z.color, label: { zh: z.value, en: z.en } })) },
    style: { opacity: 0.75 },
    metadata,
  });
  return rows.map(({ resourceCode, code }) => ({ resourceCode, code }));
}
