import { BoundingSphere, Cartesian3, Cartographic, HeadingPitchRange, Math as CesiumMath, type Viewer, sampleTerrainMostDetailed } from 'cesium';

/** Flights asked for and not yet ended, per viewer: the view is not settled while one is under way. */
const flights = new WeakMap<Viewer, number>();

/** Whether a flight asked of flyToGround is still on its way (reading the terrain's height, or flying). */
export const flightPending = (viewer: Viewer): boolean => (flights.get(viewer) ?? 0) > 0;

/**
 * Flies the camera to look down obliquely from the south on a circle of `radius` metres around
 * a place on the terrain (at least a street's width, so a point is framed with its surroundings);
 * returns a function that calls the flight off while the terrain height is still being read.
 */
export function flyToGround(viewer: Viewer, lon: number, lat: number, radius: number, pitchDegrees: number): () => void {
  let cancelled = false;
  let ended = false;
  flights.set(viewer, (flights.get(viewer) ?? 0) + 1);
  const end = () => {
    if (ended) return;
    ended = true;
    flights.set(viewer, flights.get(viewer)! - 1);
  };
  const ground = Cartographic.fromDegrees(lon, lat);
  void sampleTerrainMostDetailed(viewer.terrainProvider, [ground])
    .catch(() => [ground])
    .then(([sampled]) => {
      if (cancelled || viewer.isDestroyed()) return end();
      const centre = Cartesian3.fromDegrees(lon, lat, (sampled?.height ?? 0) + 20);
      const framed = Math.max(60, radius);
      viewer.camera.flyToBoundingSphere(new BoundingSphere(centre, framed), {
        offset: new HeadingPitchRange(0, CesiumMath.toRadians(pitchDegrees), Math.max(520, framed * 3.2)),
        duration: 1.5,
        complete: end,
        cancel: end,
      });
    });
  return () => {
    cancelled = true;
  };
}
