/** The outer rings ([lon, lat] vertices) of a GeoJSON polygon or multipolygon; none for other shapes. */
export function outerRings(geometry: unknown): number[][][] {
  const shape = geometry as { type?: string; coordinates?: unknown } | null;
  if (shape?.type === 'Polygon') return [(shape.coordinates as number[][][])[0]!];
  if (shape?.type === 'MultiPolygon') return (shape.coordinates as number[][][][]).map((polygon) => polygon[0]!);
  return [];
}
