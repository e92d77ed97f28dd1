import { useEffect, useRef } from 'react';
import { Cartesian3, Math as CesiumMath } from 'cesium';
import { useCesium } from 'resium';
import type { CameraView } from '../../layers/index.ts';
import { viewDrawn } from '../globe/hooks.ts';

/** The longest camera flight between scenes, seconds; a short scene flies in a third of its time. */
const MAX_FLIGHT_SECONDS = 4;

/**
 * Flies the globe's camera to each scene's view as the storyboard moves on (the first is set at
 * once), and calls `onViewDrawn` once the camera is there and the view's tiles have loaded.
 * `held` leaves the camera to something else (a township drilled into) and flies back after.
 */
export function SceneCamera({ camera, durationSeconds, onViewDrawn, held = false }: { camera: CameraView; durationSeconds: number; onViewDrawn: () => void; held?: boolean }) {
  const { viewer } = useCesium();
  const first = useRef(true);
  useEffect(() => {
    if (!viewer || held) return;
    const target = {
      destination: Cartesian3.fromDegrees(camera.lon, camera.lat, camera.height),
      orientation: { heading: CesiumMath.toRadians(camera.heading), pitch: CesiumMath.toRadians(camera.pitch), roll: 0 },
    };
    let stopWatching: (() => void) | undefined;
    const watchUntilDrawn = () => {
      stopWatching = viewer.scene.postRender.addEventListener(() => {
        if (!viewDrawn(viewer)) return;
        stopWatching?.();
        stopWatching = undefined;
        onViewDrawn();
      });
    };
    if (first.current) {
      first.current = false;
      viewer.camera.setView(target);
      watchUntilDrawn();
    } else {
      viewer.camera.flyTo({ ...target, duration: Math.min(MAX_FLIGHT_SECONDS, durationSeconds / 3), complete: watchUntilDrawn });
    }
    return () => {
      stopWatching?.();
      if (!viewer.isDestroyed()) viewer.camera.cancelFlight();
    };
  }, [viewer, camera, durationSeconds, onViewDrawn, held]);
  return null;
}
