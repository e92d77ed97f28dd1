import type { Footprint } from './footprint.ts';

/**
 * A 52-bit FNV-1a hash of a footprint's coordinates and of the heights it spans, so that exact
 * duplicates (the same building delivered twice) are found among millions without keeping a
 * string per building; a match is confirmed by `sameGeometry`.
 */
export function geometryKey(footprint: Footprint, base: number, height: number): number {
  let hash = 0xcbf29ce4;
  let high = 0x84222325;
  const mix = (value: number) => {
    scratch[0] = value;
    for (let w = 0; w < 2; w++) {
      hash = Math.imul(hash ^ words[w]!, 0x01000193) >>> 0;
      high = Math.imul(high ^ hash, 0x01000193) >>> 0;
    }
  };
  for (const polygon of footprint.polygons) for (const ring of polygon) for (const value of ring) mix(value);
  mix(base);
  mix(height);
  return (high & 0xfffff) * 2 ** 32 + hash;
}

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

/** Whether two footprints have the same polygons, rings and coordinates. */
export function sameGeometry(a: Footprint, b: Footprint): boolean {
  if (a.polygons.length !== b.polygons.length) return false;
  return a.polygons.every((rings, p) => {
    const other = b.polygons[p]!;
    return rings.length === other.length && rings.every((ring, r) => ring.length === other[r]!.length && ring.every((v, i) => v === other[r]![i]));
  });
}
