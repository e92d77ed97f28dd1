import { describe, expect, it } from 'vitest';
import { ringCentroid, selfIntersects, signedArea2 } from './ring.ts';

// A 10 m × 20 m L-free rectangle at Delaware's longitude, where raw lon × lat products are ~3,000.
const rectangle = Float64Array.from([-75.4836, 39.1134, -75.4835, 39.1134, -75.4835, 39.1136, -75.4836, 39.1136]);

describe('rings', () => {
  it('measures small rings far from the origin without cancellation', () => {
    expect(signedArea2(rectangle) / 2).toBeCloseTo(0.0001 * 0.0002, 12);
    const [lon, lat] = ringCentroid(rectangle);
    expect(lon).toBeCloseTo(-75.48355, 9);
    expect(lat).toBeCloseTo(39.1135, 9);
  });

  it('weights the centroid by area, not by vertex count', () => {
    // Extra vertices along the bottom edge must not pull the centroid down.
    const dense = Float64Array.from([0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 4, 2, 0, 2]);
    expect(ringCentroid(dense)).toEqual([2, 1]);
  });

  it('finds crossing and touching edges', () => {
    expect(selfIntersects(Float64Array.from([0, 0, 2, 2, 2, 0, 0, 2]))).toBe(true);
    expect(selfIntersects(Float64Array.from([0, 0, 4, 0, 4, 4, 2, 0, 0, 4]))).toBe(true);
    expect(selfIntersects(Float64Array.from([0, 0, 4, 0, 4, 4, 0, 4]))).toBe(false);
  });
});
