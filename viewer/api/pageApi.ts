import type { CameraView } from '../../layers/index.ts';

/**
 * `window.wuyiTwin`: what a page that embeds or drives the twin (a host system, a test) may ask
 * of it without reaching into its 3D engine. The full and the lite viewer both answer it.
 */
export interface TwinPageApi {
  /** Terrain heights (m) at [lon, lat] points, at the terrain's most detailed level (the lite viewer: of the tiles loaded). */
  terrainHeights(points: [number, number][]): Promise<(number | undefined)[]>;
  /** Where a point (degrees, metres above the ellipsoid) is drawn in the page now, in CSS pixels; undefined when off screen. */
  screenPosition(lon: number, lat: number, height: number): [number, number] | undefined;
  /** Where the camera is and where it looks; undefined while the scene morphs between 3D and 2D. */
  camera(): CameraView | undefined;
  /** Frames drawn per second while the camera orbits the point at the centre of the view for `seconds` (for benchmarks). */
  measureFrameRate(seconds: number): Promise<number>;
}

declare global {
  interface Window {
    wuyiTwin?: TwinPageApi;
  }
}
