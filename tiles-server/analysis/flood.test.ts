import { describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS, type MonitoringPoint } from '../../layers/index.ts';
import { flood } from './flood.ts';
import { boxBuilding, gridOf, volumes } from './testGrid.ts';

const RAD = Math.PI / 180;
const extent = { west: 119.8, south: 28.9, cell: 0.0005, width: 240, height: 200 };
// A valley running north-south with a wavy floor and a side basin: 60 m at its floor, rising 2 m a cell's width away.
const valley = (lon: number, lat: number) => 60 + Math.abs(lon - 119.86) * 4000 + Math.sin(lat * 900) * 1.5 + (Math.hypot(lon - 119.9, lat - 28.93) < 0.004 ? -6 : 0);
const grid = gridOf(extent, valley);
const ring: [number, number][] = [
  [119.83, 28.91],
  [119.9, 28.905],
  [119.915, 28.96],
  [119.86, 28.99],
  [119.825, 28.97],
  [119.83, 28.91],
];
const polygon = { type: 'Polygon' as const, coordinates: [ring] };

/** The test's own even-odd point-in-ring test. */
function inside(lon: number, lat: number): boolean {
  let crossings = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [[x1, y1], [x2, y2]] = [ring[i]!, ring[i + 1]!];
    if (y1 > lat !== y2 > lat && lon < x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1)) crossings++;
  }
  return crossings % 2 === 1;
}

/** Direct count over the grid's cells: those inside the polygon below the level, with cos(lat)-scaled cell areas. */
function oracle(level: number) {
  let area = 0;
  let volume = 0;
  let maxDepth = 0;
  for (let row = 0; row < extent.height; row++) {
    const lat = grid.north - (row + 0.5) * extent.cell;
    const cellArea = (extent.cell * RAD * EARTH_MEAN_RADIUS) ** 2 * Math.cos(lat * RAD);
    for (let column = 0; column < extent.width; column++) {
      const lon = extent.west + (column + 0.5) * extent.cell;
      const depth = level - valley(lon, lat);
      if (!inside(lon, lat) || depth <= 0) continue;
      area += cellArea;
      volume += depth * cellArea;
      maxDepth = Math.max(maxDepth, depth);
    }
  }
  return { area, volume, maxDepth };
}

describe('flood', () => {
  it('floods the cells below the level inside the polygon: area, volume and depth as a direct count over the cells gives them', () => {
    for (const waterLevel of [62, 66, 75]) {
      const result = flood(grid, { polygon, waterLevel }, volumes(), []);
      const expected = oracle(waterLevel);
      expect(expected.area).toBeGreaterThan(0);
      expect(result.floodedArea / expected.area).toBeCloseTo(1, 2);
      expect(result.volume / expected.volume).toBeCloseTo(1, 2);
      expect(result.maxDepth).toBeCloseTo(expected.maxDepth, 1);
    }
  });

  it('rises from the lowest ground inside the polygon, and traces the flooded area as polygons around those cells', () => {
    const result = flood(grid, { polygon, rise: 3 }, volumes(), []);
    let lowest = Number.POSITIVE_INFINITY;
    for (let row = 0; row < extent.height; row++) {
      for (let column = 0; column < extent.width; column++) {
        const [lon, lat] = [extent.west + (column + 0.5) * extent.cell, grid.north - (row + 0.5) * extent.cell];
        if (inside(lon, lat)) lowest = Math.min(lowest, valley(lon, lat));
      }
    }
    expect(result.lowestGround).toBeCloseTo(lowest, 1);
    expect(result.waterLevel).toBeCloseTo(lowest + 3, 1);
    // The outline's area (shoelace on the sphere's cos(lat) scale) is the flooded cells' within a cell's rim.
    const outlineArea = result.flooded.coordinates.reduce(
      (sum, rings) => sum + rings.reduce((s, r, k) => s + (k === 0 ? 1 : -1) * Math.abs(shoelace(r)), 0),
      0,
    );
    expect(outlineArea / result.floodedArea).toBeGreaterThan(0.85);
    expect(outlineArea / result.floodedArea).toBeLessThan(1.05);
  });

  it('names the buildings and monitoring points standing in water, with their depth, and not those on dry ground', () => {
    const wet = boxBuilding('bldg:wet', [119.8598, 28.94, 119.8603, 28.9405], 60, 10);
    const dry = boxBuilding('bldg:dry', [119.835, 28.94, 119.8355, 28.9405], 160, 10);
    const outside = boxBuilding('bldg:outside', [119.8598, 28.995, 119.8603, 28.9955], 60, 10);
    const point = (id: string, lon: number, lat: number) => ({ id, name: id, lon, lat }) as MonitoringPoint;
    const result = flood(grid, { polygon, waterLevel: 66 }, volumes(wet, dry, outside), [point('wl-1', 119.86, 28.95), point('wl-2', 119.84, 28.95)]);
    expect(result.buildings.map((b) => b.oid)).toEqual(['bldg:wet']);
    expect(result.buildings[0]!.depth).toBeGreaterThan(66 - valley(119.86, 28.94) - 2.5);
    expect(result.monitoringPoints.map((p) => p.id)).toEqual(['wl-1']);
  });

  it('refuses a polygon that covers no cell of the terrain, by field', () => {
    const far = { type: 'Polygon' as const, coordinates: [[[118, 27], [118.1, 27], [118.1, 27.1], [118, 27]]] as [number, number][][] };
    expect(() => flood(grid, { polygon: far, waterLevel: 70 }, volumes(), [])).toThrow(/covers no cell/);
  });
});

function shoelace(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  const lat = ring[0]![1]!;
  return (sum / 2) * (RAD * EARTH_MEAN_RADIUS) ** 2 * Math.cos(lat * RAD);
}
