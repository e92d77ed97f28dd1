import { useEffect } from 'react';
import { Cartesian3, Cartographic, SceneTransforms, sampleTerrainMostDetailed, type Viewer } from 'cesium';

/**
 * `window.wuyiTwin`: what a page that embeds or drives the twin (a host system, a test) may ask
 * of it without reaching into Cesium.
 */
export interface TwinPageApi {
  /** Terrain heights (m) at [lon, lat] points, at the terrain's most detailed level. */
  terrainHeights(points: [number, number][]): Promise<(number | undefined)[]>;
  /** Where a point (degrees, metres above the ellipsoid) is drawn in the page now, in CSS pixels; undefined when off screen. */
  screenPosition(lon: number, lat: number, height: number): [number, number] | undefined;
}

declare global {
  interface Window {
    wuyiTwin?: TwinPageApi;
  }
}

export function usePageApi(viewer: Viewer | undefined) {
  useEffect(() => {
    if (!viewer) return;
    window.wuyiTwin = {
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
    };
    return () => {
      delete window.wuyiTwin;
    };
  }, [viewer]);
}
