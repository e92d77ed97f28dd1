import { describe, expect, it } from 'vitest';
import { enclosedArea, formatArea, formatLength, pathLength } from './measurement.ts';

describe('measurement', () => {
  it('measures a path by its legs and climbs', () => {
    // One minute of latitude is one nautical mile, 1852 m (on the mean-radius sphere, 1853.2 m).
    expect(pathLength([{ lon: 119.8, lat: 28.8, height: 0 }, { lon: 119.8, lat: 28.8 + 1 / 60, height: 0 }])).toBeCloseTo(1853.2, 0);
    const flat = pathLength([{ lon: 119.8, lat: 28.8, height: 0 }, { lon: 119.801, lat: 28.8, height: 0 }]);
    const climbing = pathLength([{ lon: 119.8, lat: 28.8, height: 0 }, { lon: 119.801, lat: 28.8, height: 100 }]);
    expect(climbing).toBeCloseTo(Math.hypot(flat, 100), 6);
    expect(pathLength([{ lon: 1, lat: 1, height: 0 }])).toBe(0);
  });

  it('measures the area of a square kilometre at Wuyi, whichever way it is drawn', () => {
    const dLat = 1000 / (6_371_008.8 * (Math.PI / 180));
    const dLon = dLat / Math.cos((28.8 * Math.PI) / 180);
    const square = [
      { lon: 119.8, lat: 28.8, height: 90 },
      { lon: 119.8 + dLon, lat: 28.8, height: 95 },
      { lon: 119.8 + dLon, lat: 28.8 + dLat, height: 120 },
      { lon: 119.8, lat: 28.8 + dLat, height: 100 },
    ];
    expect(enclosedArea(square) / 1_000_000).toBeCloseTo(1, 3);
    expect(enclosedArea([...square].reverse())).toBeCloseTo(enclosedArea(square), 6);
    expect(enclosedArea(square.slice(0, 2))).toBe(0);
  });

  it('writes lengths and areas in the unit a reader expects', () => {
    expect(formatLength(523.44)).toBe('523.4 m');
    expect(formatLength(12_345)).toBe('12.345 km');
    expect(formatArea(950)).toBe('950 m²');
    expect(formatArea(94_228)).toBe('9.42 ha');
    expect(formatArea(1_580_000_000)).toBe('1580.000 km²');
  });
});
