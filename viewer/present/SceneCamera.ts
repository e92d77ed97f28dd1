import { useEffect, useRef } from 'react';
import { Cartesian3, Math as CesiumMath } from 'cesium';
import { useCesium } from 'resium';
import type { CameraView } from '../../layers/index.ts';

/** The longest camera flight between scenes, seconds; a short scene flies in a third of its time. */
const MAX_FLIGHT_SECONDS = 4;

/** Flies the globe's camera to each scene's view as the storyboard moves on (the first is set at once). */
export function SceneCamera({ camera, durationSeconds }: { camera: CameraView; durationSeconds: number }) {
  const { viewer } = useCesium();
  const first = useRef(true);
  useEffect(() => {
    if (!viewer) return;
    const target = {
      destination: Cartesian3.fromDegrees(camera.lon, camera.lat, camera.height),
      orientation: { heading: CesiumMath.toRadians(camera.heading), pitch: CesiumMath.toRadians(camera.pitch), roll: 0 },
    };
    if (first.current) {
      first.current = false;
      viewer.camera.setView(target);
      return;
    }
    viewer.camera.flyTo({ ...target, duration: Math.min(MAX_FLIGHT_SECONDS, durationSeconds / 3) });
    return () => {
      if (!viewer.isDestroyed()) viewer.camera.cancelFlight();
    };
  }, [viewer, camera, durationSeconds]);
  return null;
}
