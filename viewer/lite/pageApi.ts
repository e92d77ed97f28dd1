import { Quaternion, Vector3 } from 'three';
import type { TwinPageApi } from '../api/pageApi.ts';
import { cameraViewOf } from './cameraView.ts';
import type { LiteScene } from './liteScene.ts';
import { ecef } from './markers.ts';
import { surfaceAt, surfaceHeight } from './surface.ts';

/** The lite viewer's answer to `window.wuyiTwin`, the same page API as the full viewer's. */
export function litePageApi(view: LiteScene): TwinPageApi {
  return {
    async terrainHeights(points) {
      return points.map(([lon, lat]) => surfaceHeight(view, lon, lat));
    },
    screenPosition(lon, lat, height) {
      const point = ecef({ lon, lat, height }, new Vector3()).project(view.camera);
      if (point.z > 1 || Math.abs(point.x) > 1 || Math.abs(point.y) > 1) return undefined;
      const box = view.renderer.domElement.getBoundingClientRect();
      return [box.left + ((point.x + 1) / 2) * box.width, box.top + ((1 - point.y) / 2) * box.height];
    },
    camera() {
      return cameraViewOf(view.camera);
    },
    measureFrameRate(seconds) {
      return orbitAndCount(view, seconds);
    },
  };
}

/** Orbits the camera once around the surface point in the middle of the view, counting the frames drawn. */
async function orbitAndCount(view: LiteScene, seconds: number): Promise<number> {
  const { camera, controls, renderer } = view;
  const middle = surfaceAt(view, renderer.domElement.clientWidth / 2, renderer.domElement.clientHeight / 2);
  if (!middle) throw new Error('Nothing is in the middle of the view to orbit around');
  const pivot = middle.point.clone();
  const up = pivot.clone().normalize();
  const offset = camera.position.clone().sub(pivot);
  const orientation = camera.quaternion.clone();
  const turn = new Quaternion();
  controls.enabled = false;
  const firstFrame = view.frames;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const stop = view.onFrame(() => {
      const elapsed = (performance.now() - started) / 1000;
      turn.setFromAxisAngle(up, (elapsed / seconds) * 2 * Math.PI);
      camera.position.copy(offset).applyQuaternion(turn).add(pivot);
      camera.quaternion.copy(orientation).premultiply(turn);
      camera.updateMatrixWorld();
      if (elapsed >= seconds) {
        stop();
        resolve();
      }
    });
  });
  controls.enabled = true;
  return (view.frames - firstFrame) / ((performance.now() - started) / 1000);
}
