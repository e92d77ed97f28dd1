import { describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS } from '../../layers/index.ts';
import { profile } from './profile.ts';
import { boxBuilding, gridOf, volumes } from './testGrid.ts';

const RAD = Math.PI / 180;
const extent = { west: 119.8, south: 28.9, cell: 0.0004, width: 200, height: 120 };
const slope = (lon: number, lat: number) => 80 + (lon - 119.8) * 5000 + (lat - 28.9) * 2000;

describe('profile', () => {
  it('gives the ground’s height at evenly spaced points along a bent line, and the buildings it passes through', () => {
    const grid = gridOf(extent, slope);
    const line: [number, number][] = [[119.81, 28.91], [119.85, 28.91], [119.85, 28.93]];
    const tower = boxBuilding('bldg:tower', [119.83, 28.9095, 119.831, 28.9105], 100, 30);
    const result = profile(grid, { line, samples: 101 }, volumes(tower));
    const metresPerDegree = RAD * EARTH_MEAN_RADIUS;
    const legs = [0.04 * metresPerDegree * Math.cos(28.91 * RAD), 0.02 * metresPerDegree];
    expect(result.length).toBeCloseTo(legs[0]! + legs[1]!, -1);
    expect(result.points).toHaveLength(101);
    for (const point of result.points) expect(Math.abs(point.height - slope(point.lon, point.lat))).toBeLessThan(0.05);
    expect(result.points.at(-1)).toMatchObject({ lon: 119.85, lat: 28.93 });
    const entry = 0.02 * metresPerDegree * Math.cos(28.91 * RAD);
    expect(result.buildings).toHaveLength(1);
    expect(result.buildings[0]!.oid).toBe('bldg:tower');
    expect(result.buildings[0]!.from).toBeCloseTo(entry, 0);
    expect(result.buildings[0]!.to - result.buildings[0]!.from).toBeCloseTo(0.001 * metresPerDegree * Math.cos(28.91 * RAD), 0);
  });

  it('refuses a line leaving the terrain, by field', () => {
    expect(() => profile(gridOf(extent, slope), { line: [[119.81, 28.91], [121, 28.91]], samples: 10 }, volumes())).toThrow(/leaves the terrain/);
  });
});
