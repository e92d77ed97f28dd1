import { seededRandom } from './random.ts';

/**
 * Smooth 2D value noise summed over octaves (fractal Brownian motion), seeded, in −1…1: enough to
 * give a synthetic DEM believable hills without a noise library.
 */
export function fractalNoise(seed: number, octaves = 5): (x: number, y: number) => number {
  const random = seededRandom(seed);
  const size = 256;
  const values = Float32Array.from({ length: size * size }, () => random() * 2 - 1);
  const lattice = (x: number, y: number) => values[((y & (size - 1)) * size + (x & (size - 1)))]!;
  const smooth = (t: number) => t * t * (3 - 2 * t);
  const noise = (x: number, y: number) => {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const sx = smooth(x - x0);
    const sy = smooth(y - y0);
    const top = lattice(x0, y0) * (1 - sx) + lattice(x0 + 1, y0) * sx;
    const bottom = lattice(x0, y0 + 1) * (1 - sx) + lattice(x0 + 1, y0 + 1) * sx;
    return top * (1 - sy) + bottom * sy;
  };
  return (x, y) => {
    let sum = 0;
    let amplitude = 0.5;
    let frequency = 1;
    let total = 0;
    for (let o = 0; o < octaves; o++) {
      sum += amplitude * noise(x * frequency, y * frequency);
      total += amplitude;
      amplitude *= 0.5;
      frequency *= 2;
    }
    return sum / total;
  };
}
