import { MathUtils, type Camera } from 'three';
import { CAMERA_FRAME, WGS84_ELLIPSOID } from '3d-tiles-renderer/three';
import type { CameraView } from '../../layers/index.ts';

/**
 * Camera views as the catalog and the address bar write them (degrees, metres above the
 * ellipsoid, heading clockwise from north, pitch -90 straight down), on a scene whose world
 * frame is Earth-centred, Earth-fixed (ECEF), as the tiles are.
 */
export function placeCamera(camera: Camera, { lon, lat, height, heading, pitch }: CameraView): void {
  const toRad = MathUtils.DEG2RAD;
  WGS84_ELLIPSOID.getObjectFrame(lat * toRad, lon * toRad, height, heading * toRad, pitch * toRad, 0, camera.matrix, CAMERA_FRAME);
  camera.matrix.decompose(camera.position, camera.quaternion, camera.scale);
  camera.updateMatrixWorld(true);
}

export function cameraViewOf(camera: Camera): CameraView {
  const pose = WGS84_ELLIPSOID.getCartographicFromObjectFrame(camera.matrixWorld, {}, CAMERA_FRAME);
  const toDeg = MathUtils.RAD2DEG;
  return {
    lon: pose.lon * toDeg,
    lat: pose.lat * toDeg,
    height: pose.height,
    heading: MathUtils.euclideanModulo(pose.azimuth * toDeg, 360),
    pitch: pose.elevation * toDeg,
  };
}
