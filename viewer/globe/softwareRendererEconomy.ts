import { useEffect } from 'react';
import type { Viewer } from 'cesium';
import { isSoftwareRenderer } from '../app/softwareWebgl.ts';
import { watchCameraRest } from './cameraRest.ts';
import { viewTilesLoaded } from './hooks.ts';

/** The share of the resolution the globe is drawn at on software WebGL while it is busy. */
const BUSY_RESOLUTION = 0.5;

/**
 * On a machine without a graphics card (an office PC or a virtual desktop drawing WebGL in
 * software), every pixel is drawn by the CPU, and a frame of the county costs half a second.
 * There the twin draws without multisampling, and at half resolution while the view is busy
 * (tiles loading, the camera moving): tiles come in and navigation answers twice as fast. Once
 * the view has settled it is drawn at full resolution, so what a user stops to look at is sharp.
 * Tiles are chosen by CSS pixels, so the change of resolution loads nothing more.
 */
export function useSoftwareRendererEconomy(viewer: Viewer | undefined) {
  useEffect(() => {
    // The context Cesium created: asking the canvas again hands back the same one.
    const gl = viewer?.canvas.getContext('webgl2') ?? viewer?.canvas.getContext('webgl');
    if (!viewer || !gl || !isSoftwareRenderer(gl)) return;
    viewer.scene.msaaSamples = 1;
    const camera = watchCameraRest(viewer);
    // Decided after each frame for the next: a frame's size is set before it is drawn.
    const stop = viewer.scene.postRender.addEventListener(() => {
      const scale = !camera.atRest() || !viewTilesLoaded(viewer) ? BUSY_RESOLUTION : 1;
      if (viewer.resolutionScale !== scale) viewer.resolutionScale = scale;
    });
    return () => {
      stop();
      camera.remove();
      if (!viewer.isDestroyed()) viewer.resolutionScale = 1;
    };
  }, [viewer]);
}
