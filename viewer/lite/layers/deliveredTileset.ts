import { MathUtils, Matrix4, Sphere, Vector3 } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import type { TilesetLayerDefinition } from '../../../layers/index.ts';
import type { LiteLayerFactory } from './types.ts';
import { tilesetLayer } from './tileset.ts';

/**
 * A delivered tileset (photogrammetry, BIM) as its catalog entry places it, drawn as it comes; a
 * click on it finds the building under the place clicked, as on open ground.
 */
export const deliveredTilesetLayer: LiteLayerFactory<TilesetLayerDefinition> = (layer, scene) =>
  tilesetLayer(
    scene,
    layer.source.url,
    (tiles) => {
      tiles.errorTarget = layer.maximumScreenSpaceError;
      place(tiles, layer);
    },
    () => undefined,
    true,
  );

/** The full viewer's placement (placementMatrix), on the tileset's group in the scene's Earth-centred frame. */
function place(tiles: TilesRenderer, { placement, heightOffset }: TilesetLayerDefinition): void {
  const { group, ellipsoid } = tiles;
  if (placement) {
    const frame = ellipsoid.getEastNorthUpFrame(MathUtils.degToRad(placement.lat), MathUtils.degToRad(placement.lon), placement.height + heightOffset, new Matrix4());
    frame.multiply(new Matrix4().makeRotationZ(-MathUtils.degToRad(placement.heading)));
    frame.decompose(group.position, group.quaternion, group.scale);
    return;
  }
  if (heightOffset === 0) return;
  tiles.addEventListener('load-root-tileset', () => {
    const sphere = new Sphere();
    if (!tiles.getBoundingSphere(sphere)) return;
    const up = ellipsoid.getPositionToNormal(sphere.center, new Vector3());
    group.position.copy(up.multiplyScalar(heightOffset));
  });
}
