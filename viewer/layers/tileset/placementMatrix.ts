import { Cartesian3, Ellipsoid, Math as CesiumMath, Matrix3, Matrix4, Transforms } from 'cesium';
import type { TilesetLayerDefinition } from '../../../layers/index.ts';

/**
 * The model matrix that stands a tileset where its catalog entry says. Placed: its local
 * metres (x east, y north, z up once turned by the heading) at the origin, lifted by the
 * offset. Not placed: its own frame, lifted by the offset along the vertical at `centre` (its
 * bounding sphere's), as a survey delivered on the wrong height datum needs.
 */
export function placementMatrix(layer: Pick<TilesetLayerDefinition, 'placement' | 'heightOffset'>, centre: Cartesian3): Matrix4 {
  const { placement, heightOffset } = layer;
  if (placement) {
    const origin = Cartesian3.fromDegrees(placement.lon, placement.lat, placement.height + heightOffset);
    const frame = Transforms.eastNorthUpToFixedFrame(origin);
    const turn = Matrix4.fromRotation(Matrix3.fromRotationZ(-CesiumMath.toRadians(placement.heading)));
    return Matrix4.multiply(frame, turn, new Matrix4());
  }
  if (heightOffset === 0) return Matrix4.clone(Matrix4.IDENTITY);
  const up = Ellipsoid.WGS84.geodeticSurfaceNormal(centre, new Cartesian3());
  return Matrix4.fromTranslation(Cartesian3.multiplyByScalar(up, heightOffset, up));
}
