import { useEffect } from 'react';
import { BoundingSphere, Cartesian3, Cartographic, HeadingPitchRange, Math as CesiumMath, type Viewer, sampleTerrainMostDetailed } from 'cesium';
import { useSelection } from './index.tsx';

/** Flies the camera to each new selection, looking down on it obliquely from the south. */
export function useFlyToSelection(viewer: Viewer | undefined): void {
  const { selected } = useSelection();
  useEffect(() => {
    if (!viewer || !selected) return;
    let cancelled = false;
    const ground = Cartographic.fromDegrees(selected.lon, selected.lat);
    sampleTerrainMostDetailed(viewer.terrainProvider, [ground])
      .catch(() => [ground])
      .then(([sampled]) => {
        if (cancelled || viewer.isDestroyed()) return;
        const centre = Cartesian3.fromDegrees(selected.lon, selected.lat, (sampled?.height ?? 0) + 20);
        viewer.camera.flyToBoundingSphere(new BoundingSphere(centre, 60), {
          offset: new HeadingPitchRange(0, CesiumMath.toRadians(-35), 520),
          duration: 1.5,
        });
      });
    return () => {
      cancelled = true;
    };
  }, [viewer, selected]);
}
