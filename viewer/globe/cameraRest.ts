import { Cartesian3, type Viewer } from 'cesium';

/** Smaller moves than these are the arithmetic's noise, not the camera moving. */
const STILL_METRES = 0.001;
const STILL_RADIANS = 1e-8;
/** How long the camera keeps still before it is at rest: Cesium's own wait for `moveEnd`. */
const REST_MS = 500;

export interface CameraRest {
  atRest(): boolean;
  remove(): void;
}

/**
 * Whether the camera has kept still, judged after each frame. Cesium's moveStart/moveEnd count
 * a change of 1e-15 as a move, and over 3D Tiles its collision check turns an oblique camera by
 * about that much every frame: its moveEnd then never comes, and a view looked at would never
 * be taken as settled.
 */
export function watchCameraRest(viewer: Viewer): CameraRest {
  const { camera } = viewer;
  const position = Cartesian3.clone(camera.positionWC);
  const direction = Cartesian3.clone(camera.directionWC);
  let movedAt = performance.now();
  const remove = viewer.scene.postRender.addEventListener(() => {
    if (Cartesian3.distance(camera.positionWC, position) <= STILL_METRES && Cartesian3.angleBetween(camera.directionWC, direction) <= STILL_RADIANS) return;
    Cartesian3.clone(camera.positionWC, position);
    Cartesian3.clone(camera.directionWC, direction);
    movedAt = performance.now();
  });
  return { atRest: () => performance.now() - movedAt > REST_MS, remove };
}
