import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Martini from '@mapbox/martini';
import { writeDataFile } from '../output/writeDataFile.ts';
import { readDem } from '../raster/dem.ts';
import { GeographicGrid } from './geographicGrid.ts';
import { encodeQuantizedMesh } from './quantizedMesh.ts';
import { type TileAddress, levelMaximumGeometricError, tileBounds, tileRange } from './tilingScheme.ts';

export interface ImportTerrainOptions {
  input: string;
  outDir: string;
  /** CRS of the DEM when its GeoKeys do not name one. */
  crs?: string;
  /** Samples per tile edge: 65 (Cesium's heightmap size) or 257. */
  gridSize?: number;
  /** Deepest level; by default the first whose samples are as fine as the DEM's cells. */
  maxLevel?: number;
  onTile?: (tiles: number) => void;
}

export interface TerrainSummary {
  levels: number;
  tiles: number;
  rawBytes: number;
  gzipBytes: number;
  extent: [number, number, number, number];
}

type Range = { startX: number; startY: number; endX: number; endY: number };

/** Degrees over which the DEM's border heights ease down to the ellipsoid outside it. */
const EDGE_FADE = 0.05;

/** Every this many levels, tiles carry the availability of the levels below them. */
const METADATA_LEVELS = 10;

/**
 * A GeoTIFF DEM → Cesium quantized-mesh terrain: `layer.json` and gzip-compressed
 * `{level}/{x}/{y}.terrain` tiles over the DEM's extent, in the geographic tiling scheme with
 * both level-0 tiles, each meshed by RTIN within its level's geometric error.
 */
export async function importTerrain(options: ImportTerrainOptions): Promise<TerrainSummary> {
  const gridSize = options.gridSize ?? 65;
  const dem = await readDem(options.input, { crs: options.crs });
  const grid = GeographicGrid.fromDem(dem);
  const maxLevel = options.maxLevel ?? finestLevel(grid.resolution, gridSize);
  const extent: [number, number, number, number] = [grid.west, grid.south, grid.east, grid.north];
  const available: Range[][] = [];
  for (let level = 0; level <= maxLevel; level++) {
    available.push([level === 0 ? { startX: 0, startY: 0, endX: 1, endY: 0 } : tileRange(level, extent)]);
  }

  const martini = new Martini(gridSize);
  const summary: TerrainSummary = { levels: maxLevel + 1, tiles: 0, rawBytes: 0, gzipBytes: 0, extent };
  for (let level = 0; level <= maxLevel; level++) {
    const range = available[level]![0]!;
    for (let x = range.startX; x <= range.endX; x++) {
      for (let y = range.startY; y <= range.endY; y++) {
        const tile = { level, x, y };
        const bytes = terrainTile(grid, martini, gridSize, tile, subtreeAvailability(tile, available));
        const gzipped = gzipSync(bytes);
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
  return summary;
}

/** Meshes and encodes one tile; exposed for the benchmark, which times exactly this. */
export function terrainTile(grid: GeographicGrid, martini: Martini, gridSize: number, tile: TileAddress, available?: Range[][]): Uint8Array {
  const bounds = tileBounds(tile);
  const heights = new Float32Array(gridSize * gridSize);
  const step = (bounds.east - bounds.west) / (gridSize - 1);
  for (let row = 0; row < gridSize; row++) {
    const lat = bounds.north - row * step;
    for (let column = 0; column < gridSize; column++) {
      heights[row * gridSize + column] = grid.sampleOrFade(bounds.west + column * step, lat, EDGE_FADE);
    }
  }
  const { vertices, triangles } = martini.createTile(heights).getMesh(levelMaximumGeometricError(tile.level));
  return encodeQuantizedMesh({ vertices, triangles, gridSize, heights, bounds }, available ? { available } : {});
}

/** The first level whose samples are at least as fine as the grid's cells. */
function finestLevel(resolution: number, gridSize: number): number {
  let level = 0;
  while (180 / 2 ** level / (gridSize - 1) > resolution && level < 18) level++;
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
