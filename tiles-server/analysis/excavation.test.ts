import { describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS } from '../../layers/index.ts';
import { excavation } from './excavation.ts';
import { gridOf } from './testGrid.ts';

const RAD = Math.PI / 180;
const extent = { west: 119.8, south: 28.9, cell: 0.0002, width: 120, height: 120 };
// A slope with a knoll: the pit's floor cuts into some ground and lies above the rest.
const ground = (lon: number, lat: number) => 100 + (lon - 119.8) * 800 + 12 * Math.exp(-((lon - 119.81) ** 2 + (lat - 28.91) ** 2) / 0.002 ** 2);
const grid = gridOf(extent, ground);
const square = { type: 'Polygon' as const, coordinates: [[[119.805, 28.905], [119.815, 28.905], [119.815, 28.915], [119.805, 28.915], [119.805, 28.905]]] as [number, number][][] };

/** Direct sums over the cells whose centres lie in the square: earth above the floor, room below it. */
function oracle(floor: number) {
  let cut = 0;
  let fill = 0;
  for (let row = 0; row < extent.height; row++) {
    const lat = grid.north - (row + 0.5) * extent.cell;
    for (let column = 0; column < extent.width; column++) {
      const lon = extent.west + (column + 0.5) * extent.cell;
      if (lon < 119.805 || lon > 119.815 || lat < 28.905 || lat > 28.915) continue;
      const area = (extent.cell * RAD * EARTH_MEAN_RADIUS) ** 2 * Math.cos(lat * RAD);
      const h = ground(lon, lat);
      if (h > floor) cut += (h - floor) * area;
      else fill += (floor - h) * area;
    }
  }
  return { cut, fill };
}

describe('excavation', () => {
  it('cuts the earth above its floor and fills the room below it, as direct sums over the cells give them', () => {
    const result = excavation(grid, { polygon: square, floorLevel: 108 });
    const expected = oracle(108);
    expect(expected.cut).toBeGreaterThan(0);
    expect(expected.fill).toBeGreaterThan(0);
    expect(result.cutVolume / expected.cut).toBeCloseTo(1, 2);
    expect(result.fillVolume / expected.fill).toBeCloseTo(1, 2);
    expect(result.area / (0.01 * RAD * EARTH_MEAN_RADIUS) ** 2 / Math.cos(28.91 * RAD)).toBeCloseTo(1, 1);
    expect(result.rim).toHaveLength(5);
    result.rim.forEach((height, i) => expect(height).toBeCloseTo(ground(...square.coordinates[0]![i]!), 0));
  });

  it('digs a pit a depth below the lowest ground: all cut, nothing to fill', () => {
    const result = excavation(grid, { polygon: square, depth: 5 });
    expect(result.floorLevel).toBeCloseTo(result.lowestGround - 5, 2);
    expect(result.fillVolume).toBe(0);
    expect(result.cutVolume / oracle(result.floorLevel).cut).toBeCloseTo(1, 2);
  });
});
