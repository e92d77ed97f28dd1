import { distanceToCourse } from './riverDistance.ts';

/** Closer than this to the county's outline a neighbour's border is the county's own, drawn by its layer, km. */
const SHARED_BORDER_KM = 0.15;

/**
 * A neighbouring county's borders as the twin draws them around the county: the stretches of its
 * outline inside the sample's extent and away from the county's own border. A few
 * hundred vertices instead of thousands, each of which the globe clamps to the terrain.
 */
export function neighbourBorders(
  outline: [number, number][],
  countyOutline: [number, number][],
  extent: { west: number; south: number; east: number; north: number },
): [number, number][][] {
  const cosLat = Math.cos((((extent.south + extent.north) / 2) * Math.PI) / 180);
  const ring = outline.slice(0, -1);
  const kept = ring.map(
    ([lon, lat]) =>
      lon >= extent.west && lon <= extent.east && lat >= extent.south && lat <= extent.north && distanceToCourse(countyOutline, lon, lat, cosLat).distanceKm > SHARED_BORDER_KM,
  );
  // Start the walk at a dropped vertex, so no stretch is cut in two where the ring closes.
  const start = Math.max(0, kept.indexOf(false));
  const stretches: [number, number][][] = [];
  let stretch: [number, number][] = [];
  for (let k = 0; k <= ring.length; k++) {
    const i = (start + k) % ring.length;
    if (kept[i] && k < ring.length) {
      stretch.push(ring[i]!);
    } else {
      if (stretch.length >= 2) stretches.push(stretch);
      stretch = [];
    }
  }
  return stretches;
}
