import { BoundingSphere, Cartesian3, Cartographic, HeadingPitchRange, Math as CesiumMath, type Viewer, sampleTerrainMostDetailed } from 'cesium';

/**
 * Flies the camera to look down obliquely from the south on a circle of `radius` metres around
 * a place on the terrain (at least a street's width, so a point is framed with its surroundings);
 * returns a function that calls the flight off while the terrain height is still being read.
 */
export function flyToGround(viewer: Viewer, lon: number, lat: number, radius: number, pitchDegrees: number): () => void {
  let cancelled = false;
  const ground = Cartographic.fromDegrees(lon, lat);
  void sampleTerrainMostDetailed(viewer.terrainProvider, [ground])
    .catch(() => [ground])
    .then(([sampled]) => {
      if (cancelled || viewer.isDestroyed()) return;
      const centre = Cartesian3.fromDegrees(lon, lat, (sampled?.height ?? 0) + 20);
      const framed = Math.max(60, radius);
      viewer.camera.flyToBoundingSphere(new BoundingSphere(centre, framed), {
        offset: new HeadingPitchRange(0, CesiumMath.toRadians(pitchDegrees), Math.max(520, framed * 3.2)),
        duration: 1.5,
      });
    });
  return () => {
    cancelled = true;
  };
}
