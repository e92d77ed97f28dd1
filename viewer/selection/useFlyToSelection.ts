import { useEffect } from 'react';
import { BoundingSphere, Cartesian3, Cartographic, HeadingPitchRange, Math as CesiumMath, type Viewer, sampleTerrainMostDetailed } from 'cesium';
import { metresBetween } from '../../layers/index.ts';
import { useSelection } from './index.tsx';

/** Flies the camera to each new selection, looking down on it obliquely from the south. */
export function useFlyToSelection(viewer: Viewer | undefined): void {
  const { selected } = useSelection();
  useEffect(() => {
    if (!viewer || !selected || selected.fly === false) return;
    let cancelled = false;
    const ground = Cartographic.fromDegrees(selected.lon, selected.lat);
    sampleTerrainMostDetailed(viewer.terrainProvider, [ground])
      .catch(() => [ground])
      .then(([sampled]) => {
        if (cancelled || viewer.isDestroyed()) return;
        const centre = Cartesian3.fromDegrees(selected.lon, selected.lat, (sampled?.height ?? 0) + 20);
        const radius = selected.bbox ? Math.max(60, metresBetween([selected.bbox[0], selected.bbox[1]], [selected.bbox[2], selected.bbox[3]]) / 2) : 60;
        viewer.camera.flyToBoundingSphere(new BoundingSphere(centre, radius), {
          offset: new HeadingPitchRange(0, CesiumMath.toRadians(-35), Math.max(520, radius * 3.2)),
          duration: 1.5,
        });
      });
    return () => {
      cancelled = true;
    };
  }, [viewer, selected]);
}
