import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { basemapLayer } from '../basemap/basemapLayer.ts';
import { renderBasemap } from '../basemap/renderBasemap.ts';
import { buildingsLayer } from '../buildings/buildingsLayer.ts';
import { importBuildings } from '../buildings/importBuildings.ts';
import { dataUrl, writeCatalogEntry } from '../output/catalogEntry.ts';
import { writeFeatureLayerFiles } from '../output/featureLayerFiles.ts';
import { type GeoJsonFeature, layerRowOf } from '../output/featureTable.ts';
import { writeDataFile } from '../output/writeDataFile.ts';
import { readDem } from '../raster/dem.ts';
import { GeographicGrid } from '../terrain/geographicGrid.ts';
import { importTerrain } from '../terrain/importTerrain.ts';
import { terrainLayer } from '../terrain/terrainLayer.ts';
import { generateParcels } from './landUse.ts';
import { hexColor } from '../landuse/landUseClasses.ts';
import { landUseClasses } from './landUseClasses.ts';
import { writeLandUse } from './landUseLayer.ts';
import { lifecycleRecords, monitoringPoints, seedIncidents } from './records.ts';
import { type Road, sampleRoads } from './roads.ts';
import { sampleStreets, settlementAreas, writeSettlementFootprints } from './settlements.ts';
import { demGrid, writeWuyiDem } from './wuyiDem.ts';
import { placeAdminAreas } from './adminAreas.ts';
import { wuyiDivisions } from './wuyiDivisions.ts';
import { countyOutline, neighbouringCounties, rivers } from './wuyiPlaces.ts';
import { neighbourBorders } from './neighbourBorders.ts';

/** Bump when the sample's content changes, so `npm start` rebuilds an older sample. */
export const SAMPLE_VERSION = 16;

const SOURCE_SYSTEM = 'wuyi-twin sample generator';
/** About 20 m a pixel: finer than the 50 m DEM has nothing to add. */
const BASEMAP_LEVELS = 12;
const SEAT_BASEMAP_LEVELS = 15;
type Extent = [number, number, number, number];
/** The county seat's built-up area, where its base map is rendered in detail. */
const SEAT_EXTENT: Extent = [119.775, 28.86, 119.86, 28.925];
/** Metres, as drawn on the base map. */
const roadWidths: Record<Road['grade'], number> = { 省道: 26, 县道: 16, 城市道路: 12 };
const manifestPath = (dataDir: string) => join(dataDir, 'sample', 'manifest.json');

export async function sampleIsCurrent(dataDir: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(manifestPath(dataDir), 'utf8')) as { version?: number };
    return manifest.version === SAMPLE_VERSION;
  } catch {
    return false;
  }
}

export interface SampleSummary {
  buildings: number;
  terrainTiles: number;
  seconds: number;
}

/**
 * Builds the Wuyi sample twin into `dataDir/sample/` through the same pipeline a county's own
 * data goes through: a DEM turned into terrain and a relief base map tinted by land use; the
 * real townships and villages; land-use parcels with resource codes; roads and rivers;
 * settlement footprints turned into 3D Tiles standing on the terrain; and the business records
 * (monitoring points, resource-code lifecycles, incidents) the data server binds to them.
 * The manifest is written last, marking it complete.
 */
export async function buildSample(dataDir: string, log: (line: string) => void = () => {}): Promise<SampleSummary> {
  const started = performance.now();
  const sampleDir = join(dataDir, 'sample');

  log('DEM…');
  const demPath = join(sampleDir, 'source', 'wuyi-dem.tif');
  await writeWuyiDem(demPath);
  const dem = await readDem(demPath);

  log('townships and villages…');
  const divisions = await wuyiDivisions();
  const admin = placeAdminAreas(divisions.townships, divisions.villages, dem);

  log('terrain…');
  const terrainDir = join(sampleDir, 'terrain');
  const terrain = await importTerrain({ input: demPath, outDir: terrainDir });
  await writeCatalogEntry(terrainDir, terrainLayer('terrain', `${dataUrl(dataDir, terrainDir)}/`, SOURCE_SYSTEM, true));

  log('land use and roads…');
  const townshipNames = new Map(admin.townships.map((t) => [t.code, t.name]));
  const villageCentres = admin.villages
    .filter((village) => village.kind === '村')
    .map((village) => ({ name: village.name.replace(/村?委员?会$/, ''), lon: village.lon, lat: village.lat, township: townshipNames.get(village.townshipCode)! }));
  const parcels = generateParcels(dem, admin.townships, settlementAreas(villageCentres));
  const landUseDir = join(sampleDir, 'landuse');
  const parcelCodes = await writeLandUse(dataDir, landUseDir, parcels);
  const records = {
    'monitoring-points.json': monitoringPoints(admin.townships),
    'lifecycle-records.json': lifecycleRecords(parcelCodes),
    'incidents.json': seedIncidents(admin.townships, admin.villages),
  };
  for (const [name, content] of Object.entries(records)) {
    await writeDataFile(join(sampleDir, 'records', name), new TextEncoder().encode(JSON.stringify(content, null, 1)));
  }
  const roads = [...sampleRoads(), ...sampleStreets()];
  await writeVectorLayers(sampleDir, admin, roads);

  log('base map…');
  const grid = GeographicGrid.fromDem(dem);
  const basemap = {
    groundColor: (lon: number, lat: number) => parcels.classAt(lon, lat)?.color,
    lines: [
      ...roads.map((road) => ({ coordinates: road.course, width: roadWidths[road.grade], color: [250, 246, 236] as [number, number, number], minor: road.grade === '城市道路' })),
      ...rivers.map((river) => ({ coordinates: river.course, width: river.name === '武义江' ? 60 : 30, color: [70, 150, 210] as [number, number, number] })),
    ],
    legend: [
      ...landUseClasses.map((c) => ({ symbol: 'fill' as const, color: hexColor(c.color), label: { zh: `${c.code} ${c.zh}`, en: `${c.code} ${c.en}` } })),
      { symbol: 'line' as const, color: '#faf6ec', label: { zh: '道路', en: 'Road' } },
      { symbol: 'line' as const, color: '#4696d2', label: { zh: '河流', en: 'River' } },
    ],
  };
  // The county to level 12 (about 19 m a pixel), and the county seat, where the camera comes
  // down among the buildings, to level 15 (about 2.4 m): its streets stay sharp at street level and on a 4K wall.
  for (const { id, title, extent, maximumLevel } of [
    { id: 'relief-basemap', title: undefined, extent: [grid.west, grid.south, grid.east, grid.north] as Extent, maximumLevel: BASEMAP_LEVELS },
    { id: 'relief-basemap-seat', title: { zh: '县城高清底图', en: 'County seat base map, in detail' }, extent: SEAT_EXTENT, maximumLevel: SEAT_BASEMAP_LEVELS },
  ]) {
    const dir = join(sampleDir, id === 'relief-basemap' ? 'basemap' : id.replace('relief-', ''));
    await renderBasemap(grid, { outDir: dir, maxLevel: maximumLevel, extent, ...basemap });
    await writeCatalogEntry(dir, basemapLayer(id, dataUrl(dataDir, dir), { maximumLevel, rectangle: extent, synthetic: true, legend: basemap.legend, title }));
  }

  log('buildings…');
  const footprints = join(sampleDir, 'source', 'buildings.geojson');
  await mkdir(join(sampleDir, 'source'), { recursive: true });
  await writeSettlementFootprints(footprints, villageCentres);
  const buildingsDir = join(sampleDir, 'buildings');
  const buildings = await importBuildings({
    input: footprints,
    outDir: buildingsDir,
    dem: demPath,
    floorHeight: 3,
    defaultHeight: 10,
    oidPrefix: 'bldg:330723-',
    adminCode: '330723',
  });
  await writeCatalogEntry(
    buildingsDir,
    buildingsLayer('buildings', `${dataUrl(dataDir, buildingsDir)}/tileset.json`, { sourceSystem: SOURCE_SYSTEM, originalCrs: 'EPSG:4490', synthetic: true }),
  );

  const manifest = { version: SAMPLE_VERSION, buildings: buildings.imported, terrainTiles: terrain.tiles };
  await writeDataFile(manifestPath(dataDir), new TextEncoder().encode(JSON.stringify(manifest, null, 2)));
  return { buildings: buildings.imported, terrainTiles: terrain.tiles, seconds: (performance.now() - started) / 1000 };
}

async function writeVectorLayers(sampleDir: string, admin: ReturnType<typeof placeAdminAreas>, roads: Road[]): Promise<void> {
  const files: Record<string, GeoJsonFeature[]> = {
    'county-boundary.geojson': [
      {
        type: 'Feature',
        id: 'admin:330723',
        properties: { oid: 'admin:330723', name: '武义县', nameEn: 'Wuyi County', code: '330723' },
        geometry: { type: 'Polygon', coordinates: [countyOutline] },
      },
    ],
    'neighbouring-counties.geojson': neighbouringCounties.map((county) => ({
      type: 'Feature',
      id: `admin:${county.code}`,
      properties: { oid: `admin:${county.code}`, name: county.name, nameEn: county.nameEn, code: county.code },
      geometry: { type: 'MultiLineString', coordinates: neighbourBorders(county.outline, countyOutline, demGrid) },
    })),
    'townships.geojson': admin.townships.map((township) => ({
      type: 'Feature',
      id: `admin:${township.code}`,
      properties: { oid: `admin:${township.code}`, name: township.name, nameEn: township.nameEn, code: township.code, type: township.type },
      geometry: { type: 'MultiPolygon', coordinates: township.area },
    })),
    'township-seats.geojson': admin.townships.map((township) => ({
      type: 'Feature',
      id: `seat:${township.code}`,
      properties: { oid: `seat:${township.code}`, name: township.name, nameEn: township.nameEn, code: township.code, type: township.type },
      geometry: { type: 'Point', coordinates: township.seat },
    })),
    'villages.geojson': admin.villages.map((village) => ({
      type: 'Feature',
      id: `village:${village.code}`,
      properties: { oid: `village:${village.code}`, name: village.name, code: village.code, townshipCode: village.townshipCode, type: village.kind },
      geometry: { type: 'Point', coordinates: [village.lon, village.lat] },
    })),
    'roads.geojson': roads.map((road, i) => ({
      type: 'Feature',
      id: `road:330723-${String(i + 1).padStart(4, '0')}`,
      properties: { oid: `road:330723-${String(i + 1).padStart(4, '0')}`, name: road.name, grade: road.grade },
      geometry: { type: 'LineString', coordinates: road.course },
    })),
    'rivers.geojson': rivers.map((river, index) => ({
      type: 'Feature',
      id: `river:${index + 1}`,
      properties: { oid: `river:${index + 1}`, name: river.name, nameEn: river.nameEn },
      geometry: { type: 'LineString', coordinates: river.course },
    })),
  };
  for (const [name, features] of Object.entries(files)) {
    // The same layer as a table for SQL in the browser (Arrow) and for desktop tools (Parquet).
    await writeFeatureLayerFiles(features.map(layerRowOf), { geoJson: join(sampleDir, name), tableDir: join(sampleDir, 'tables'), tableName: name.replace(/\.geojson$/, '') });
  }
}

