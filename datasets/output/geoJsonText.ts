/**
 * Polygons whose rings are flat [x, y, …] arrays as GeoJSON text. The nested arrays are made only
 * for the moment of writing: kept for a hundred thousand polygons, they kept the garbage
 * collector busy for longer than the writing took.
 */
export function polygonsGeoJson(polygons: readonly (readonly ArrayLike<number>[])[], options: { multi: boolean; close: boolean; digits?: number }): string {
  const scale = options.digits === undefined ? undefined : 10 ** options.digits;
  const positions = (ring: ArrayLike<number>) => {
    const points: number[][] = [];
    for (let i = 0; i < ring.length; i += 2) {
      points.push(scale === undefined ? [ring[i]!, ring[i + 1]!] : [Math.round(ring[i]! * scale) / scale, Math.round(ring[i + 1]! * scale) / scale]);
    }
    if (options.close && points.length > 0) points.push(points[0]!);
    return points;
  };
  const coordinates = polygons.map((rings) => rings.map(positions));
  return JSON.stringify(!options.multi && coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0] } : { type: 'MultiPolygon', coordinates });
}
