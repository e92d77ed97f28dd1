import type { BoundObject } from '../../layers/index.ts';

/** The outer rings ([lon, lat] vertices) of an object's polygon or multipolygon from the object API. */
export function outerRings(object: BoundObject): number[][][] {
  const geometry = object.geometry as { type?: string; coordinates?: unknown } | null;
  if (geometry?.type === 'Polygon') return [(geometry.coordinates as number[][][])[0]!];
  if (geometry?.type === 'MultiPolygon') return (geometry.coordinates as number[][][][]).map((polygon) => polygon[0]!);
  return [];
}
