import { describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS, metresBetween } from '../../layers/index.ts';
import { lineOfSight } from './lineOfSight.ts';
import { boxBuilding, gridOf, volumes } from './testGrid.ts';

const RAD = Math.PI / 180;
const extent = { west: 119.8, south: 28.9, cell: 0.0004, width: 200, height: 120 };
// A smooth 60 m hill between the two ends.
const hill = (lon: number, lat: number) => 100 + 60 * Math.exp(-((lon - 119.84) ** 2 + (lat - 28.92) ** 2) / 0.003 ** 2);
const grid = gridOf(extent, hill);
const from: [number, number] = [119.81, 28.92];
const to: [number, number] = [119.87, 28.92];

/** The test's own march along the straight line over the analytic ground, 1 m a step: the first distance where the ground rises above it. */
function firstHit(eyeHeight: number, targetHeight: number): number | undefined {
  const length = metresBetween(from, to);
  const [eye, target] = [hill(...from) + eyeHeight, hill(...to) + targetHeight];
  for (let d = 1; d < length; d++) {
    const t = d / length;
    const line = eye + (target - eye) * t - (t * (1 - t) * length ** 2) / (2 * EARTH_MEAN_RADIUS);
    if (hill(from[0] + (to[0] - from[0]) * t, from[1]) > line) return d;
  }
  return undefined;
}

describe('line of sight', () => {
  it('is blocked by the hill where the test’s own march over the ground meets it, and clears it from high enough', () => {
    const low = lineOfSight(grid, { from, to, fromHeight: 2, toHeight: 0 }, volumes());
    const expected = firstHit(2, 0);
    expect(expected).toBeDefined();
    expect(low.visible).toBe(false);
    expect(low.obstruction!.by).toBe('terrain');
    // Within a DEM cell (about 39 m) of where the ground itself rises above the line.
    expect(Math.abs(low.obstruction!.distance - expected!)).toBeLessThan(39);
    const mast = 150;
    expect(firstHit(mast, 0)).toBeUndefined();
    expect(lineOfSight(grid, { from, to, fromHeight: mast, toHeight: 0 }, volumes()).visible).toBe(true);
  });

  it('is blocked by a building the line passes through, where it enters the footprint, and not by the building it starts in', () => {
    const flat = gridOf(extent, () => 100);
    const tower = boxBuilding('bldg:tower', [119.85, 28.9195, 119.851, 28.9205], 100, 30);
    const home = boxBuilding('bldg:home', [119.8095, 28.9195, 119.8105, 28.9205], 100, 12);
    const blocked = lineOfSight(flat, { from, to, fromHeight: 10, toHeight: 0 }, volumes(tower, home));
    expect(blocked.visible).toBe(false);
    expect(blocked.obstruction!.by).toEqual({ oid: 'bldg:tower', layerId: 'buildings' });
    const entry = (119.85 - from[0]) * RAD * EARTH_MEAN_RADIUS * Math.cos(28.92 * RAD);
    expect(Math.abs(blocked.obstruction!.distance - entry)).toBeLessThan(1);
    // Between two points 40 m up, the line passes over the 30 m tower.
    expect(lineOfSight(flat, { from, to, fromHeight: 40, toHeight: 40 }, volumes(tower, home)).visible).toBe(true);
  });

  it('refuses an end off the terrain, by field', () => {
    expect(() => lineOfSight(grid, { from, to: [121, 30], fromHeight: 2, toHeight: 0 }, volumes())).toThrow(/outside the terrain/);
  });
});
