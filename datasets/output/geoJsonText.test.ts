import { describe, expect, it } from 'vitest';
import { polygonsGeoJson } from './geoJsonText.ts';

describe('polygonsGeoJson', () => {
  const square = Float64Array.from([119.8, 28.9, 119.81, 28.9, 119.81, 28.91, 119.8, 28.91]);
  const hole = Float64Array.from([119.802, 28.902, 119.802, 28.904, 119.804, 28.904]);
  const nested = (ring: Float64Array, close: boolean, round = (v: number) => v) => {
    const points = [];
    for (let i = 0; i < ring.length; i += 2) points.push([round(ring[i]!), round(ring[i + 1]!)]);
    return close ? [...points, points[0]] : points;
  };

  it('writes what JSON.stringify writes of the same coordinates', () => {
    expect(polygonsGeoJson([[square, hole]], { multi: false, close: true })).toBe(
      JSON.stringify({ type: 'Polygon', coordinates: [nested(square, true), nested(hole, true)] }),
    );
    expect(polygonsGeoJson([[square], [hole]], { multi: false, close: false })).toBe(
      JSON.stringify({ type: 'MultiPolygon', coordinates: [[nested(square, false)], [nested(hole, false)]] }),
    );
    expect(polygonsGeoJson([[square]], { multi: true, close: false })).toBe(JSON.stringify({ type: 'MultiPolygon', coordinates: [[nested(square, false)]] }));
  });

  it('rounds to the digits asked for, negative numbers and zero included', () => {
    const ring = Float64Array.from([-0.123456789, 1e-9, 2.5, -3.999999999, 0, 0]);
    const round = (v: number) => Math.round(v * 1e7) / 1e7;
    expect(polygonsGeoJson([[ring]], { multi: false, close: true, digits: 7 })).toBe(JSON.stringify({ type: 'Polygon', coordinates: [nested(ring, true, round)] }));
    expect(JSON.parse(polygonsGeoJson([[ring]], { multi: false, close: false, digits: 7 })).coordinates[0][1]).toEqual([2.5, -4]);
  });
});
