import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCrs } from '../crs/resolveCrs.ts';
import { readDem } from '../raster/dem.ts';
import { GeographicGrid } from './geographicGrid.ts';

/**
 * A float32 DEM as GDAL delivers one: no-data -3.4e38 (stored as the float32 nearest to it), a
 * void across one row and a 2 × 2 void in the middle, 12 × 12 cells of 100 m in EPSG:4549.
 */
const SIZE = 12;
const VOID = '-3.4e38';
const heightAt = (row: number, column: number) => 200 + 5 * column + 3 * row;
const isVoid = (row: number, column: number) => row === 3 || (row >= 7 && row <= 8 && column >= 5 && column <= 6);

describe('terrain grid over a DEM with voids', () => {
  it('knows the float32 no-data, and bridges every void from its rim instead of dropping to 0 m', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-voids-'));
    const cells = Array.from({ length: SIZE }, (_, row) => Array.from({ length: SIZE }, (_, column) => (isVoid(row, column) ? VOID : heightAt(row, column))).join(' '));
    await writeFile(join(dir, 'dem.asc'), `ncols ${SIZE}\nnrows ${SIZE}\nxllcorner 481000\nyllcorner 3196000\ncellsize 100\nNODATA_value ${VOID}\n${cells.join('\n')}\n`);
    execFileSync('gdal_translate', ['-q', '-of', 'GTiff', '-a_srs', 'EPSG:4549', '-ot', 'Float32', '-a_nodata', VOID, 'dem.asc', 'dem.tif'], { cwd: dir });
    const dem = await readDem(join(dir, 'dem.tif'));
    const gk = resolveCrs('EPSG:4549');
    const centre = (row: number, column: number) => gk.toWgs84(481000 + 100 * column + 50, 3196000 + 100 * SIZE - 100 * row - 50);
    expect(dem.sample(...centre(3, 4))).toBeUndefined();
    expect(dem.sample(...centre(2, 4))).toBeCloseTo(heightAt(2, 4), 3);

    const grid = GeographicGrid.fromDem(dem);
    const heights = [...grid.heights];
    expect(heights.filter(Number.isNaN)).toEqual([]);
    // Every height lies within those the DEM has: never 0 m, never -3.4e38.
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(heightAt(0, 0) - 1e-3);
    expect(Math.max(...heights)).toBeLessThanOrEqual(heightAt(SIZE - 1, SIZE - 1) + 1e-3);
    // A void on a plane is bridged close to the plane: within a cell's rise of it.
    for (const [row, column] of [[3, 4], [3, 0], [7, 5], [8, 6]] as const) {
      expect(Math.abs(grid.sample(...centre(row, column)) - heightAt(row, column)), `cell ${row},${column}`).toBeLessThan(8);
    }
  });
});
