import { describe, expect, it } from 'vitest';
import { indexedRing } from './indexedRing.ts';
import { pointInRing } from './ring.ts';
import { seededRandom } from '../sample/random.ts';

describe('indexed ring', () => {
  it('answers as the plain even-odd test does, for a ragged ring of many vertices', () => {
    const random = seededRandom(5);
    // A star-shaped ring with 2,000 jagged vertices, closed.
    const ring: [number, number][] = Array.from({ length: 2000 }, (_, i) => {
      const angle = (i / 2000) * 2 * Math.PI;
      const radius = 1 + 0.3 * random();
      return [radius * Math.cos(angle), radius * Math.sin(angle)];
    });
    ring.push(ring[0]!);
    const { contains: inside } = indexedRing(ring);
    let disagreements = 0;
    let insides = 0;
    for (let n = 0; n < 20_000; n++) {
      const x = -1.5 + 3 * random();
      const y = -1.5 + 3 * random();
      if (inside(x, y) !== pointInRing(x, y, ring)) disagreements++;
      if (pointInRing(x, y, ring)) insides++;
    }
    expect(disagreements).toBe(0);
    expect(insides).toBeGreaterThan(5000);
    expect(insides).toBeLessThan(15_000);
  });

  it('finds nothing inside beyond the ring, on any side', () => {
    const square = indexedRing([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    const inside = (x: number, y: number) => square.contains(x, y);
    expect([inside(0.5, 0.5), inside(-0.5, 0.5), inside(1.5, 0.5), inside(0.5, -0.5), inside(0.5, 1.5)]).toEqual([true, false, false, false, false]);
  });

  it('tells a box the ring may cross from one well inside or outside it', () => {
    const square = indexedRing([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    expect(square.mayCross(0.2, 0.2, 0.8, 0.8)).toBe(false);
    expect(square.mayCross(2, 2, 3, 3)).toBe(false);
    expect(square.mayCross(0.9, 0.4, 1.1, 0.6)).toBe(true);
  });
});
