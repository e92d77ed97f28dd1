import { gzipSync } from 'node:zlib';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Martini from '@mapbox/martini';
import { readDem } from '../datasets/raster/dem.ts';
import { writeWuyiDem } from '../datasets/sample/wuyiDem.ts';
import { GeographicGrid } from '../datasets/terrain/geographicGrid.ts';
import { terrainTile } from '../datasets/terrain/importTerrain.ts';
import { levelMaximumGeometricError, tileBounds, tileRange } from '../datasets/terrain/tilingScheme.ts';

/**
 * DEM → quantized-mesh on one core: whole tiles (sample the DEM, RTIN mesh within the level's
 * error, encode, gzip) against the RTIN mesher alone on the same height grids, in the same run.
 * Usage: npm run bench -- terrain
 */
export async function benchTerrain() {
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-terrain-'));
  try {
    await writeWuyiDem(join(dir, 'dem.tif'));
    const grid = GeographicGrid.fromDem(await readDem(join(dir, 'dem.tif')));
    const rows = [];
    for (const { gridSize, level } of [{ gridSize: 65, level: 13 }, { gridSize: 257, level: 11 }]) {
      const range = tileRange(level, [grid.west, grid.south, grid.east, grid.north]);
      const tiles: { level: number; x: number; y: number }[] = [];
      for (let x = range.startX; x <= range.endX; x++) for (let y = range.startY; y <= range.endY; y++) tiles.push({ level, x, y });
      const martini = new Martini(gridSize);
      const error = levelMaximumGeometricError(level);
      const heightGrids = tiles.map((tile) => sampleGrid(grid, gridSize, tile));

      const meshOnly = timeTiles(heightGrids.length, (i) => martini.createTile(heightGrids[i]!).getMesh(error));
      let raw = 0;
      let gzipped = 0;
      const full = timeTiles(tiles.length, (i) => {
        const bytes = terrainTile(grid, martini, gridSize, tiles[i]!);
        raw += bytes.byteLength;
        gzipped += gzipSync(bytes).byteLength;
      });
      const runs = full.runs;
      rows.push({
        grid: `${gridSize}²`,
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
