import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { basemapLayer } from '../basemap/basemapLayer.ts';
import { renderBasemap } from '../basemap/renderBasemap.ts';
import { buildingsLayer } from '../buildings/buildingsLayer.ts';
import { importBuildings } from '../buildings/importBuildings.ts';
import { dataUrl, writeCatalogEntry } from '../output/catalogEntry.ts';
import { writeDataFile } from '../output/writeDataFile.ts';
import { readDem } from '../raster/dem.ts';
import { GeographicGrid } from '../terrain/geographicGrid.ts';
import { importTerrain } from '../terrain/importTerrain.ts';
import { terrainLayer } from '../terrain/terrainLayer.ts';
import { writeSettlementFootprints } from './settlements.ts';
import { writeWuyiDem } from './wuyiDem.ts';
import { countyOutline, rivers, townshipSeats } from './wuyiPlaces.ts';

/** Bump when the sample's content changes, so `npm start` rebuilds an older sample. */
export const SAMPLE_VERSION = 3;

const SOURCE_SYSTEM = 'wuyi-twin sample generator';
/** About 20 m a pixel: finer than the 50 m DEM has nothing to add. */
const BASEMAP_LEVELS = 12;
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
 * data goes through: vector layers, a DEM turned into terrain, and settlement footprints turned
 * into 3D Tiles standing on that terrain. The manifest is written last, marking it complete.
 */
export async function buildSample(dataDir: string, log: (line: string) => void = () => {}): Promise<SampleSummary> {
  const started = performance.now();
  const sampleDir = join(dataDir, 'sample');
  await writeVectorLayers(sampleDir);

  log('DEM…');
  const demPath = join(sampleDir, 'source', 'wuyi-dem.tif');
  await writeWuyiDem(demPath);

  log('terrain…');
  const terrainDir = join(sampleDir, 'terrain');
  const terrain = await importTerrain({ input: demPath, outDir: terrainDir });
  await writeCatalogEntry(terrainDir, terrainLayer('terrain', `${dataUrl(dataDir, terrainDir)}/`, SOURCE_SYSTEM, true));

  log('base map…');
  const basemapDir = join(sampleDir, 'basemap');
  const grid = GeographicGrid.fromDem(await readDem(demPath));
  await renderBasemap(grid, {
    outDir: basemapDir,
    maxLevel: BASEMAP_LEVELS,
    lines: rivers.map((river) => ({ coordinates: river.course, width: river.name === '武义江' ? 60 : 30, color: [70, 150, 210] })),
  });
  await writeCatalogEntry(
    basemapDir,
    basemapLayer('relief-basemap', dataUrl(dataDir, basemapDir), {
      maximumLevel: BASEMAP_LEVELS,
      rectangle: [grid.west, grid.south, grid.east, grid.north],
      synthetic: true,
    }),
  );

  log('buildings…');
  const footprints = join(sampleDir, 'source', 'buildings.geojson');
  await mkdir(join(sampleDir, 'source'), { recursive: true });
  await writeSettlementFootprints(footprints, await readDem(demPath));
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

async function writeVectorLayers(sampleDir: string): Promise<void> {
  const files: Record<string, object> = {
    'county-boundary.geojson': featureCollection([
      {
        type: 'Feature',
        id: 'admin:330723',
        properties: { oid: 'admin:330723', name: '武义县', nameEn: 'Wuyi County', adminCode: '330723' },
        geometry: { type: 'Polygon', coordinates: [countyOutline] },
      },
    ]),
    'township-seats.geojson': featureCollection(
      townshipSeats.map((seat, index) => ({
        type: 'Feature',
        id: `seat:${index + 1}`,
        properties: { oid: `seat:${index + 1}`, name: seat.name, nameEn: seat.nameEn, type: seat.type },
        geometry: { type: 'Point', coordinates: [seat.lon, seat.lat] },
      })),
    ),
    'rivers.geojson': featureCollection(
      rivers.map((river, index) => ({
        type: 'Feature',
        id: `river:${index + 1}`,
        properties: { oid: `river:${index + 1}`, name: river.name, nameEn: river.nameEn },
        geometry: { type: 'LineString', coordinates: river.course },
      })),
    ),
  };
  for (const [name, content] of Object.entries(files)) {
    await writeDataFile(join(sampleDir, name), new TextEncoder().encode(JSON.stringify(content)), { gzip: true });
  }
}

function featureCollection(features: object[]) {
  return { type: 'FeatureCollection', features };
}
