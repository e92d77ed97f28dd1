/** A polygon as flat rings [lon0, lat0, lon1, lat1, …]; the first ring is the outline, the rest holes. */
export type FlatPolygon = Float64Array[];

/** The polygons of a GeoJSON Polygon or MultiPolygon; nothing for other geometry types or none. */
export function polygonsOf(geometry: { type: string; coordinates: unknown } | null | undefined): FlatPolygon[] {
  if (!geometry) return [];
  const toRing = (ring: number[][]) => Float64Array.from(ring.flatMap(([lon, lat]) => [lon!, lat!]));
  if (geometry.type === 'Polygon') return [(geometry.coordinates as number[][][]).map(toRing)];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as number[][][][]).map((polygon) => polygon.map(toRing));
  return [];
}

/** Even-odd test over every ring of the polygon, so holes are outside. */
export function polygonContains(polygon: FlatPolygon, lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of polygon) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const yi = ring[i + 1]!;
      const yj = ring[j + 1]!;
      if (yi > lat !== yj > lat && lon < ((ring[j]! - ring[i]!) * (lat - yi)) / (yj - yi) + ring[i]!) inside = !inside;
    }
  }
  return inside;
}

/** Area in square degrees scaled by cos(latitude): enough to rank objects by size. */
export function polygonArea(polygon: FlatPolygon): number {
  let area = 0;
  polygon.forEach((ring, r) => {
    let sum = 0;
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) sum += (ring[j]! - ring[0]!) * (ring[i + 1]! - ring[1]!) - (ring[i]! - ring[0]!) * (ring[j + 1]! - ring[1]!);
    area += (r === 0 ? 1 : -1) * Math.abs(sum / 2);
  });
  return area * Math.cos(((polygon[0]?.[1] ?? 0) * Math.PI) / 180);
}
