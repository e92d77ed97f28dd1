import type { Material, Mesh, Object3D } from 'three';
import { TilesRenderer } from '3d-tiles-renderer/three';
import type { LiteScene } from '../liteScene.ts';
import type { LiteLayer } from './types.ts';

/**
 * A tileset streamed from the twin server into the scene, set up for its format by `configure`
 * (plugins), with `restyle` applied to each tile's materials as it arrives.
 */
export function tilesetLayer(scene: LiteScene, url: string, configure: (tiles: TilesRenderer) => void, restyle: (material: Material) => void): LiteLayer {
  const tiles = new TilesRenderer(url);
  configure(tiles);
  tiles.addEventListener('load-model', ({ scene: model }: { scene: Object3D }) => {
    model.traverse((object) => {
      const { material } = object as Mesh;
      if (material) for (const each of Array.isArray(material) ? material : [material]) restyle(each);
    });
  });
  scene.addTiles(tiles);
  return {
    dispose() {
      scene.removeTiles(tiles);
      tiles.dispose();
    },
  };
}
