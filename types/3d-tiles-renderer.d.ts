/** Frame constants the package exports from `3d-tiles-renderer/three` but leaves out of that entry's typings. */
import type { Frames } from '3d-tiles-renderer/src/three/renderer/math/Ellipsoid.js';

declare module '3d-tiles-renderer/three' {
  export const CAMERA_FRAME: Frames;
}
