import { describe, expect, it } from 'vitest';
import { resolveCrs } from '../crs/resolveCrs.ts';
import { signedArea2 } from '../geometry/ring.ts';
import { type Footprint, toFootprint } from './footprint.ts';

const wgs84 = { crs: resolveCrs('EPSG:4326') };
const polygon = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });
// A 10 m × 10 m square near the Wuyi county seat, counter-clockwise and closed.
const square = [[119.81, 28.89], [119.8101, 28.89], [119.8101, 28.8901], [119.81, 28.8901], [119.81, 28.89]];

function footprint(geometry: object, options = wgs84): Footprint {
  const result = toFootprint(geometry as never, options);
  if (typeof result === 'string') throw new Error(result);
  return result;
}

describe('footprints', () => {
  it('drops the closing point and repeated points', () => {
    const withRepeat = [square[0]!, square[1]!, square[1]!, ...square.slice(2)];
    expect(footprint(polygon(withRepeat)).polygons[0]![0]).toHaveLength(8);
  });

  it('makes outer rings counter-clockwise and holes clockwise', () => {
    const clockwise = [...square].reverse();
    const hole = [[119.81003, 28.89003], [119.81006, 28.89003], [119.81006, 28.89006], [119.81003, 28.89006], [119.81003, 28.89003]];
    const [outer, inner] = footprint(polygon(clockwise, hole)).polygons[0]!;
    expect(signedArea2(outer!)).toBeGreaterThan(0);
    expect(signedArea2(inner!)).toBeLessThan(0);
  });

  it('keeps every polygon of a MultiPolygon and the lowest z', () => {
    const shifted = square.map(([x, y]) => [x! + 0.001, y!, 55]);
    const result = footprint({ type: 'MultiPolygon', coordinates: [[square.map(([x, y]) => [x, y, 60])], [shifted]] });
    expect(result.polygons).toHaveLength(2);
    expect(result.minZ).toBe(55);
    expect(result.extent[0]).toBeCloseTo(119.81, 9);
    expect(result.extent[2]).toBeCloseTo(119.8111, 9);
  });

  it('reprojects from a Gauss-Krüger zone', () => {
    const gk = polygon([[40481467.0225, 3197092.3355], [40481477, 3197092.3355], [40481477, 3197102], [40481467.0225, 3197092.3355]]);
    const result = footprint(gk, { crs: resolveCrs('EPSG:4528') });
    expect(result.extent[0]).toBeCloseTo(119.81, 7);
    expect(result.extent[1]).toBeCloseTo(28.89, 7);
  });

  const bad: [string, object, string][] = [
    ['no geometry', null as unknown as object, 'no geometry'],
    ['a point', { type: 'Point', coordinates: [119.81, 28.89] }, 'unsupported geometry type Point'],
    ['two points', polygon([[119.81, 28.89], [119.8101, 28.89], [119.81, 28.89]]), 'fewer than 3 distinct points'],
    ['a NaN', polygon([[119.81, 28.89], [Number.NaN, 28.89], [119.8101, 28.8901], [119.81, 28.89]]), 'non-finite coordinate (NaN or infinity)'],
    ['a collinear ring', polygon([[119.81, 28.89], [119.8101, 28.89], [119.8102, 28.89], [119.81, 28.89]]), 'zero area'],
    [
      'a bow tie',
      polygon([[119.81, 28.89], [119.8102, 28.8901], [119.8102, 28.89], [119.81, 28.8902], [119.81, 28.89]]),
      'self-intersecting outline',
    ],
    ['latitude 95', polygon([[119.81, 95], [119.8101, 95], [119.8101, 95.0001], [119.81, 95]]), 'coordinates out of range for EPSG:4326 (119.81, 95)'],
  ];
  for (const [what, geometry, reason] of bad) {
    it(`refuses ${what}: "${reason}"`, () => {
      expect(toFootprint(geometry as never, wgs84)).toBe(reason);
    });
  }

  it('refuses coordinates outside the area of use of a projected CRS', () => {
    // Metres meant for zone 40 read as zone 25 (CM 75°E) land far from that zone.
    const gk = polygon([[40481467, 3197092], [40481477, 3197092], [40481477, 3197102], [40481467, 3197092]]);
    expect(toFootprint(gk as never, { crs: resolveCrs('EPSG:4513') })).toMatch(/^coordinates out of range for EPSG:4513/);
  });
});
