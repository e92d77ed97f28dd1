import { useEffect } from 'react';
import { Cartographic, sampleTerrainMostDetailed, type Viewer } from 'cesium';

/**
 * `window.wuyiTwin`: what a page that embeds or drives the twin (a host system, a test) may ask
 * of it without reaching into Cesium.
 */
export interface TwinPageApi {
  /** Terrain heights (m) at [lon, lat] points, at the terrain's most detailed level. */
  terrainHeights(points: [number, number][]): Promise<(number | undefined)[]>;
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
    };
    return () => {
      delete window.wuyiTwin;
    };
  }, [viewer]);
}
