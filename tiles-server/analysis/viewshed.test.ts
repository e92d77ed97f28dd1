import { describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS, VIEWSHED_CELL } from '../../layers/index.ts';
import type { ElevationGrid } from './elevationGrid.ts';
import { boxBuilding, gridOf, volumes } from './testGrid.ts';
import { viewshed } from './viewshed.ts';

const RAD = Math.PI / 180;
const extent = { west: 119.8, south: 28.9, cell: 0.0004, width: 150, height: 150 };
const observer: [number, number] = [119.83, 28.93];
// Gently rolling ground with a 40 m wall running east-west 600 m north of the observer.
const wallLat = 28.93 + 600 / (RAD * EARTH_MEAN_RADIUS);
const ground = (lon: number, lat: number) => 100 + 8 * Math.sin(lon * 700) * Math.cos(lat * 500);
const withWall = (lon: number, lat: number) => ground(lon, lat) + (Math.abs(lat - wallLat) < extent.cell * 0.6 && Math.abs(lon - 119.83) < 0.004 ? 40 : 0);

/**
 * The test's own answer: from the eye, march to each cell centre in 5 m steps over the ground as
 * the terrain draws it (linear between cell centres) with the Earth's curvature; the cell is
 * seen when nothing on the way rises above the straight line to it.
 */
function castEveryCell(grid: ElevationGrid, eyeHeight: number, radius: number) {
  const across = grid.cellWidth * Math.cos(observer[1] * RAD) * RAD * EARTH_MEAN_RADIUS;
  const down = grid.cellHeight * RAD * EARTH_MEAN_RADIUS;
  const cell = (x: number, y: number) => grid.heights[Math.min(Math.max(y, 0), grid.height - 1) * grid.width + Math.min(Math.max(x, 0), grid.width - 1)]!;
  const heightAt = (x: number, y: number) => {
    const [fx, fy] = [x - 0.5 - Math.floor(x - 0.5), y - 0.5 - Math.floor(y - 0.5)];
    const [x0, y0] = [Math.floor(x - 0.5), Math.floor(y - 0.5)];
    return (cell(x0, y0) * (1 - fx) + cell(x0 + 1, y0) * fx) * (1 - fy) + (cell(x0, y0 + 1) * (1 - fx) + cell(x0 + 1, y0 + 1) * fx) * fy;
  };
  const ox = grid.column(observer[0]);
  const oy = grid.row(observer[1]);
  const eye = heightAt(ox, oy) + eyeHeight;
  const drop = (d: number) => (d * d) / (2 * EARTH_MEAN_RADIUS);
  let inRadius = 0;
  let seen = 0;
  const visible = new Set<number>();
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      const length = Math.hypot((x + 0.5 - ox) * across, (y + 0.5 - oy) * down);
      if (length > radius) continue;
      inRadius++;
      const target = (heightAt(x + 0.5, y + 0.5) - drop(length) - eye) / length;
      const steps = Math.ceil(length / 5);
      let blocked = false;
      for (let k = 1; k < steps && !blocked; k++) {
        const t = k / steps;
        const px = ox + (x + 0.5 - ox) * t;
        const py = oy + (y + 0.5 - oy) * t;
        blocked = (heightAt(px, py) - drop(length * t) - eye) / (length * t) > target;
      }
      if (!blocked || length === 0) {
        seen++;
        visible.add(y * grid.width + x);
      }
    }
  }
  return { fraction: seen / inRadius, visible };
}

function stateAt(result: ReturnType<typeof viewshed>, lon: number, lat: number): number {
  const { raster } = result;
  const cells = Buffer.from(raster.cells, 'base64');
  const x = Math.floor(((lon - raster.west) / (raster.east - raster.west)) * raster.width);
  const y = Math.floor(((raster.north - lat) / (raster.north - raster.south)) * raster.height);
  return cells[y * raster.width + x]!;
}

describe('viewshed', () => {
  it('sees what the test sees casting a ray to every cell, on rolling ground with a wall', () => {
    const grid = gridOf(extent, withWall);
    const result = viewshed(grid, { observer, observerHeight: 2, targetHeight: 0, radius: 1500 }, volumes());
    const expected = castEveryCell(grid, 2, 1500);
    expect(result.fraction).toBeGreaterThan(0.1);
    expect(result.fraction).toBeLessThan(0.95);
    expect(Math.abs(result.fraction - expected.fraction)).toBeLessThan(0.03);
    // Ground just behind the wall is hidden, the same ground in front of it seen.
    expect(stateAt(result, 119.83, wallLat + 0.002)).toBe(VIEWSHED_CELL.hidden);
    expect(stateAt(result, 119.83, wallLat - 0.002)).toBe(VIEWSHED_CELL.visible);
    expect(stateAt(result, 119.83 + 0.014, 28.93 + 0.012)).toBe(VIEWSHED_CELL.outside);
    // The area within the radius is the circle's.
    expect(result.area / (Math.PI * 1500 ** 2)).toBeCloseTo(1, 1);
  });

  it('is hidden behind buildings as behind terrain, and sees over them from high enough', () => {
    const grid = gridOf(extent, ground);
    const block = boxBuilding('bldg:block', [119.826, wallLat - 0.0006, 119.834, wallLat + 0.0006], 100, 40);
    const low = viewshed(grid, { observer, observerHeight: 2, targetHeight: 0, radius: 1500 }, volumes(block));
    expect(stateAt(low, 119.83, wallLat + 0.003)).toBe(VIEWSHED_CELL.hidden);
    const bare = viewshed(grid, { observer, observerHeight: 2, targetHeight: 0, radius: 1500 }, volumes());
    expect(low.fraction).toBeLessThan(bare.fraction);
    const high = viewshed(grid, { observer, observerHeight: 300, targetHeight: 0, radius: 1500 }, volumes(block));
    expect(stateAt(high, 119.83, wallLat + 0.006)).toBe(VIEWSHED_CELL.visible);
  });

  it('refuses an observer off the terrain, by field', () => {
    const grid = gridOf(extent, ground);
    expect(() => viewshed(grid, { observer: [121, 30], observerHeight: 2, targetHeight: 0, radius: 500 }, volumes())).toThrow(/outside the terrain/);
  });
});
