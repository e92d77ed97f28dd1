import { useEffect } from 'react';
import { currentView } from './hooks.ts';
import { Cartesian2, Cartesian3, Cartographic, HeadingPitchRange, Matrix4, SceneTransforms, sampleTerrainMostDetailed, type Viewer } from 'cesium';
import type { TwinPageApi } from '../api/pageApi.ts';

export function usePageApi(viewer: Viewer | undefined) {
  useEffect(() => {
    if (!viewer) return;
    const api: TwinPageApi = {
      async terrainHeights(points) {
        const positions = points.map(([lon, lat]) => Cartographic.fromDegrees(lon, lat));
        const sampled = await sampleTerrainMostDetailed(viewer.terrainProvider, positions);
        return sampled.map((position) => position?.height);
      },
      screenPosition(lon, lat, height) {
        const canvas = SceneTransforms.worldToWindowCoordinates(viewer.scene, Cartesian3.fromDegrees(lon, lat, height));
        if (!canvas) return undefined;
        const box = viewer.canvas.getBoundingClientRect();
        return [box.left + canvas.x, box.top + canvas.y];
      },
      camera() {
        return currentView(viewer);
      },
      measureFrameRate(seconds) {
        return orbitAndCount(viewer, seconds);
      },
    };
    window.wuyiTwin = api;
    return () => {
      delete window.wuyiTwin;
    };
  }, [viewer]);
}

/** Orbits the camera once around the point in the middle of the view, counting the frames Cesium draws. */
async function orbitAndCount(viewer: Viewer, seconds: number): Promise<number> {
  const { camera, scene } = viewer;
  const middle = new Cartesian2(viewer.canvas.clientWidth / 2, viewer.canvas.clientHeight / 2);
  const ray = camera.getPickRay(middle);
  const target = (ray && scene.globe.pick(ray, scene)) ?? camera.pickEllipsoid(middle);
  if (!target) throw new Error('Nothing is in the middle of the view to orbit around');
  const range = Cartesian3.distance(camera.positionWC, target);
  const start = { heading: camera.heading, pitch: camera.pitch };
  let frames = 0;
  const countFrame = () => frames++;
  scene.postRender.addEventListener(countFrame);
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const step = () => {
      const elapsed = (performance.now() - started) / 1000;
      camera.lookAt(target, new HeadingPitchRange(start.heading + (elapsed / seconds) * 2 * Math.PI, start.pitch, range));
      if (elapsed < seconds) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  scene.postRender.removeEventListener(countFrame);
  camera.lookAtTransform(Matrix4.IDENTITY);
  return frames / ((performance.now() - started) / 1000);
}
