import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Martini from '@mapbox/martini';
import { IMPORT_REPORT_FILE } from '../../layers/index.ts';
import { writeDataFile } from '../output/writeDataFile.ts';
import { type Dem, readDem } from '../raster/dem.ts';
import { writeElevationFile } from './elevationFile.ts';
import { GeographicGrid } from './geographicGrid.ts';
import { encodeQuantizedMesh } from './quantizedMesh.ts';
import { type LevelAccuracy, type TileMesh, TerrainAccuracy } from './terrainAccuracy.ts';
import { type TileAddress, levelMaximumGeometricError, tileBounds, tileRange } from './tilingScheme.ts';
import type { VerticalDatum } from '../../layers/index.ts';

export interface ImportTerrainOptions {
  input: string;
  outDir: string;
  /** CRS of the DEM when its GeoKeys do not name one. */
  crs?: string;
  /** Samples per tile edge: 65 (Cesium's heightmap size) or 257. */
  gridSize?: number;
  /** Deepest level; by default the first whose samples are as fine as the DEM's cells. */
  maxLevel?: number;
  /** Datum of the DEM's heights, made ellipsoidal (default: they are). */
  verticalDatum?: VerticalDatum;
  onTile?: (tiles: number) => void;
}

export interface TerrainSummary {
  levels: number;
  tiles: number;
  rawBytes: number;
  gzipBytes: number;
  extent: [number, number, number, number];
  /** Each level's surface against the DEM at its cell centres (the deepest level is within DEEPEST_LEVEL_RMS). */
  accuracy: LevelAccuracy[];
}

type Range = { startX: number; startY: number; endX: number; endY: number };

/** Degrees over which the DEM's border heights ease down to the ellipsoid outside it. */
const EDGE_FADE = 0.05;

/**
 * zlib level for the tiles: measured on the sample's deepest level, level 5 makes them 0.6 %
 * larger than the default 6 in three quarters of its time (0.27 against 0.36 ms a tile).
 */
export const TILE_GZIP_LEVEL = 5;

/** Every this many levels, tiles carry the availability of the levels below them. */
const METADATA_LEVELS = 10;

/**
 * The deepest level has no finer level to refine to, so it carries the DEM itself: it is meshed
 * within this error (m), not its level's, and each of its tiles more finely still until its
 * surface keeps DEEPEST_LEVEL_RMS of the DEM's cells inside it (rough ground needs more triangles).
 */
export const DEEPEST_LEVEL_ERROR = 2;
export const DEEPEST_LEVEL_RMS = 1.5;

/** The finest mesh error tried for a tile of the deepest level (m); below it the mesh is nearly the whole grid. */
const FINEST_ERROR = 0.1;

/** The deepest level an import goes to (0.5 m samples at 65²). */
const MAX_LEVEL = 18;

/** Tiles the choice of the deepest level tries, about. */
const PROBE_TILES = 64;

/** DEM cell centres the accuracy of each level is measured at, at most. */
const ACCURACY_SAMPLES = 250_000;

/**
 * A GeoTIFF DEM → Cesium quantized-mesh terrain: `layer.json` and gzip-compressed
 * `{level}/{x}/{y}.terrain` tiles over the DEM's extent, in the geographic tiling scheme with
 * both level-0 tiles, each meshed by RTIN within its level's geometric error (the deepest level
 * within DEEPEST_LEVEL_ERROR), with each level's error against the DEM's cells measured, and
 * the heights it was meshed from beside them for the server's analyses.
 */
export async function importTerrain(options: ImportTerrainOptions): Promise<TerrainSummary> {
  const gridSize = options.gridSize ?? 65;
  const dem = await readDem(options.input, { crs: options.crs, verticalDatum: options.verticalDatum });
  const grid = GeographicGrid.fromDem(dem);
  const cells = dem.cellCentres(ACCURACY_SAMPLES);
  const martini = new Martini(gridSize);
  const maxLevel = options.maxLevel ?? deepestLevel(grid, martini, gridSize, cells);
  const extent: [number, number, number, number] = [grid.west, grid.south, grid.east, grid.north];
  const available: Range[][] = [];
  for (let level = 0; level <= maxLevel; level++) {
    available.push([level === 0 ? { startX: 0, startY: 0, endX: 1, endY: 0 } : tileRange(level, extent)]);
  }

  const accuracy = new TerrainAccuracy(cells);
  const summary: TerrainSummary = { levels: maxLevel + 1, tiles: 0, rawBytes: 0, gzipBytes: 0, extent, accuracy: [] };
  for (let level = 0; level <= maxLevel; level++) {
    const range = available[level]![0]!;
    const deepest = level === maxLevel;
    const maxError = deepest ? Math.min(DEEPEST_LEVEL_ERROR, levelMaximumGeometricError(level)) : levelMaximumGeometricError(level);
    for (let x = range.startX; x <= range.endX; x++) {
      for (let y = range.startY; y <= range.endY; y++) {
        const tile = { level, x, y };
        const bytes = buildTile(grid, martini, gridSize, tile, {
          maxError,
          accuracy,
          targetRms: deepest ? DEEPEST_LEVEL_RMS : undefined,
          available: subtreeAvailability(tile, available),
        });
        const gzipped = gzipSync(bytes, { level: TILE_GZIP_LEVEL });
        await writeDataFile(join(options.outDir, String(level), String(x), `${y}.terrain.gz`), gzipped);
        summary.tiles++;
        summary.rawBytes += bytes.byteLength;
        summary.gzipBytes += gzipped.byteLength;
        options.onTile?.(summary.tiles);
      }
    }
  }

  const layer = {
    tilejson: '2.1.0',
    name: 'terrain',
    format: 'quantized-mesh-1.0',
    version: '1.0.0',
    scheme: 'tms',
    tiles: ['{z}/{x}/{y}.terrain'],
    projection: 'EPSG:4326',
    bounds: [-180, -90, 180, 90],
    minzoom: 0,
    maxzoom: maxLevel,
    extensions: ['octvertexnormals', 'metadata'],
    // Cesium reads availability from the metadata of every tenth level's tiles; other clients from `available`.
    metadataAvailability: METADATA_LEVELS,
    available,
  };
  await writeDataFile(join(options.outDir, 'layer.json'), new TextEncoder().encode(JSON.stringify(layer)));
  await writeElevationFile(options.outDir, grid);
  summary.accuracy = accuracy.report();
  const report = { input: options.input, crs: dem.crs.id, verticalDatum: options.verticalDatum ?? 'ellipsoidal', cells: [dem.width, dem.height], gridSize, ...summary };
  await writeDataFile(join(options.outDir, IMPORT_REPORT_FILE), new TextEncoder().encode(JSON.stringify(report, null, 2)));
  return summary;
}

/**
 * One tile: its height grid sampled from the DEM's, meshed by RTIN within `maxError` metres (and
 * finer, while its surface misses `targetRms` of the DEM's cells), measured against the DEM when
 * `accuracy` is given, and encoded (the benchmark times this).
 */
export function buildTile(
  grid: GeographicGrid,
  martini: Martini,
  gridSize: number,
  tile: TileAddress,
  options: { maxError: number; accuracy?: TerrainAccuracy | undefined; targetRms?: number | undefined; available?: Range[][] | undefined },
): Uint8Array {
  const heights = sampleHeights(grid, gridSize, tile);
  const rtin = martini.createTile(heights);
  let maxError = options.maxError;
  let mesh: TileMesh = { ...rtin.getMesh(maxError), heights, gridSize };
  if (options.accuracy) {
    let error = options.accuracy.measure(tile, mesh);
    while (options.targetRms !== undefined && error.rms > options.targetRms && maxError > FINEST_ERROR) {
      maxError /= 2;
      mesh = { ...rtin.getMesh(maxError), heights, gridSize };
      error = options.accuracy.measure(tile, mesh);
    }
    options.accuracy.record(tile.level, error);
  }
  return encodeQuantizedMesh({ ...mesh, bounds: tileBounds(tile) }, { available: options.available });
}

/** A tile's height grid, sampled from the DEM's. */
function sampleHeights(grid: GeographicGrid, gridSize: number, tile: TileAddress): Float32Array {
  const bounds = tileBounds(tile);
  const heights = new Float32Array(gridSize * gridSize);
  const step = (bounds.east - bounds.west) / (gridSize - 1);
  const lons = Float64Array.from({ length: gridSize }, (_, column) => bounds.west + column * step);
  const lats = Float64Array.from({ length: gridSize }, (_, row) => bounds.north - row * step);
  grid.sampleLattice(lons, lats, EDGE_FADE, heights);
  return heights;
}

/**
 * The deepest level: the first whose samples are at least as fine as the DEM's cells, or one or
 * two finer where the ground is so rough between samples that even a mesh of every sample misses
 * DEEPEST_LEVEL_RMS of the DEM's cells (tried on a few tiles spread over the DEM).
 */
function deepestLevel(grid: GeographicGrid, martini: Martini, gridSize: number, cells: ReturnType<Dem['cellCentres']>): number {
  let level = 0;
  while (180 / 2 ** level / (gridSize - 1) > grid.resolution && level < MAX_LEVEL) level++;
  const finest = level;
  while (level < Math.min(finest + 2, MAX_LEVEL)) {
    const probe = new TerrainAccuracy(cells);
    const range = tileRange(level, [grid.west, grid.south, grid.east, grid.north]);
    const columns = range.endX - range.startX + 1;
    const rows = range.endY - range.startY + 1;
    const step = Math.max(1, Math.floor(Math.sqrt((columns * rows) / PROBE_TILES)));
    for (let x = range.startX; x <= range.endX; x += step) {
      for (let y = range.startY; y <= range.endY; y += step) {
        const tile = { level, x, y };
        const heights = sampleHeights(grid, gridSize, tile);
        probe.record(level, probe.measure(tile, { ...martini.createTile(heights).getMesh(FINEST_ERROR), heights, gridSize }));
      }
    }
    const [measured] = probe.report();
    if (!measured || measured.rmsMetres <= DEEPEST_LEVEL_RMS) break;
    level++;
  }
  return level;
}

/**
 * For tiles on every `METADATA_LEVELS`th level: the tiles of the next levels under this one,
 * one list per level, as the `metadata` extension carries them.
 */
function subtreeAvailability({ level, x, y }: TileAddress, available: Range[][]): Range[][] | undefined {
  if (level % METADATA_LEVELS !== 0 || level + 1 >= available.length) return undefined;
  const levels: Range[][] = [];
  for (let depth = 1; depth <= METADATA_LEVELS && level + depth < available.length; depth++) {
    const scale = 2 ** depth;
    const next = available[level + depth]![0]!;
    const range = {
      startX: Math.max(x * scale, next.startX),
      startY: Math.max(y * scale, next.startY),
      endX: Math.min((x + 1) * scale - 1, next.endX),
      endY: Math.min((y + 1) * scale - 1, next.endY),
    };
    levels.push(range.startX <= range.endX && range.startY <= range.endY ? [range] : []);
  }
  return levels;
}
