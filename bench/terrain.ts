import { gzipSync } from 'node:zlib';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Martini from '@mapbox/martini';
import { readDem } from '../datasets/raster/dem.ts';
import { writeWuyiDem } from '../datasets/sample/wuyiDem.ts';
import { GeographicGrid } from '../datasets/terrain/geographicGrid.ts';
import { DEEPEST_LEVEL_ERROR, DEEPEST_LEVEL_RMS, TILE_GZIP_LEVEL, buildTile } from '../datasets/terrain/importTerrain.ts';
import { TerrainAccuracy } from '../datasets/terrain/terrainAccuracy.ts';
import { levelMaximumGeometricError, tileBounds, tileRange } from '../datasets/terrain/tilingScheme.ts';

/**
 * DEM → quantized-mesh on one core: whole tiles (sample the DEM, RTIN mesh, encode, gzip as the import does)
 * against the RTIN mesher alone on the same height grids, in the same run; at a level's own
 * error, and at the deepest level as an import makes it (within DEEPEST_LEVEL_ERROR, each tile
 * measured against the DEM's cells for the accuracy report).
 * Usage: npm run bench -- terrain
 */
export async function benchTerrain() {
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-terrain-'));
  try {
    await writeWuyiDem(join(dir, 'dem.tif'));
    const dem = await readDem(join(dir, 'dem.tif'));
    const grid = GeographicGrid.fromDem(dem);
    const cells = dem.cellCentres(250_000);
    const rows = [];
    const cases = [
      { gridSize: 65, level: 13, deepest: false },
      { gridSize: 65, level: 13, deepest: true },
      { gridSize: 257, level: 11, deepest: false },
    ];
    for (const { gridSize, level, deepest } of cases) {
      const range = tileRange(level, [grid.west, grid.south, grid.east, grid.north]);
      const tiles: { level: number; x: number; y: number }[] = [];
      for (let x = range.startX; x <= range.endX; x++) for (let y = range.startY; y <= range.endY; y++) tiles.push({ level, x, y });
      const martini = new Martini(gridSize);
      const maxError = deepest ? DEEPEST_LEVEL_ERROR : levelMaximumGeometricError(level);
      const heightGrids = tiles.map((tile) => sampleGrid(grid, gridSize, tile));

      const meshOnly = timeTiles(heightGrids.length, (i) => martini.createTile(heightGrids[i]!).getMesh(maxError));
      let raw = 0;
      let gzipped = 0;
      // One measure for all tiles, as an import has: the cells are sorted into the level's tiles once.
      const accuracy = deepest ? new TerrainAccuracy(cells) : undefined;
      const full = timeTiles(tiles.length, (i) => {
        const bytes = buildTile(grid, martini, gridSize, tiles[i]!, { maxError, accuracy, targetRms: deepest ? DEEPEST_LEVEL_RMS : undefined });
        raw += bytes.byteLength;
        gzipped += gzipSync(bytes, { level: TILE_GZIP_LEVEL }).byteLength;
      });
      const runs = full.runs;
      rows.push({
        grid: `${gridSize}²`,
        meshed: deepest ? `within ${DEEPEST_LEVEL_ERROR} m, measured` : `level ${level} error`,
        tiles: tiles.length,
        'RTIN mesh only /s': Math.round(meshOnly.perSecond),
        'whole tile /s': Math.round(full.perSecond),
        'vs mesh only': `${(full.perSecond / meshOnly.perSecond).toFixed(2)}×`,
        'vs bar 1,000/s': gridSize === 65 ? `${(full.perSecond / 1000).toFixed(2)}×` : '—',
        'raw B/tile': Math.round(raw / (tiles.length * runs)),
        'gzip B/tile': Math.round(gzipped / (tiles.length * runs)),
      });
    }
    console.log('\nDEM → quantized-mesh tiles, one core (sample Wuyi DEM, deepest levels)');
    console.table(rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function sampleGrid(grid: GeographicGrid, gridSize: number, tile: { level: number; x: number; y: number }): Float32Array {
  const bounds = tileBounds(tile);
  const step = (bounds.east - bounds.west) / (gridSize - 1);
  const heights = new Float32Array(gridSize * gridSize);
  for (let row = 0; row < gridSize; row++) {
    for (let column = 0; column < gridSize; column++) heights[row * gridSize + column] = grid.sampleOrFade(bounds.west + column * step, bounds.north - row * step, 0.05);
  }
  return heights;
}

/** Runs `work` over all tiles repeatedly for at least two seconds, after a warm-up pass. */
function timeTiles(count: number, work: (i: number) => void) {
  for (let i = 0; i < count; i++) work(i);
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < 2000) {
    for (let i = 0; i < count; i++) work(i);
    runs++;
  }
  return { perSecond: (runs * count) / ((performance.now() - started) / 1000), runs: runs + 1 };
}
