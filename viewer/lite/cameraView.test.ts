import { Cartesian3, Math as CesiumMath, Matrix4, Transforms } from 'cesium';
import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { cameraViewOf, placeCamera } from './cameraView.ts';

const view = { lon: 119.96, lat: 29.13, height: 21000, heading: 216, pitch: -34 };

/** Where Cesium (the full viewer's engine) puts a camera with this view, and where it looks. */
function cesiumCamera({ lon, lat, height, heading, pitch }: typeof view) {
  const position = Cartesian3.fromDegrees(lon, lat, height);
  const [h, p] = [CesiumMath.toRadians(heading), CesiumMath.toRadians(pitch)];
  const local = new Cartesian3(Math.cos(p) * Math.sin(h), Math.cos(p) * Math.cos(h), Math.sin(p));
  const direction = Matrix4.multiplyByPointAsVector(Transforms.eastNorthUpToFixedFrame(position), local, new Cartesian3());
  return { position, direction };
}

describe('camera views on the ECEF scene', () => {
  it('puts the camera where Cesium puts it for the same view, looking the same way', () => {
    const camera = new PerspectiveCamera();
    placeCamera(camera, view);
    const expected = cesiumCamera(view);
    expect(camera.position.distanceTo(new Vector3(expected.position.x, expected.position.y, expected.position.z))).toBeLessThan(0.01);
    const direction = camera.getWorldDirection(new Vector3());
    expect(direction.angleTo(new Vector3(expected.direction.x, expected.direction.y, expected.direction.z))).toBeLessThan(1e-4); // 0.006°
  });

  it('reads back the view it was placed at', () => {
    const camera = new PerspectiveCamera();
    for (const v of [view, { lon: 119.8, lat: 28.9, height: 900, heading: 10, pitch: -60 }, { lon: -70.1, lat: -33.4, height: 50, heading: 359, pitch: 5 }]) {
      placeCamera(camera, v);
      const read = cameraViewOf(camera);
      expect(read.lon).toBeCloseTo(v.lon, 9);
      expect(read.lat).toBeCloseTo(v.lat, 9);
      expect(read.height).toBeCloseTo(v.height, 3);
      expect(read.heading).toBeCloseTo(v.heading, 6);
      expect(read.pitch).toBeCloseTo(v.pitch, 6);
    }
  });
});
