import type { Material, Mesh, Object3D } from 'three';
import { TilesRenderer } from '3d-tiles-renderer/three';
import type { LiteScene } from '../liteScene.ts';
import type { LiteLayer } from './types.ts';

/**
 * A tileset streamed from the twin server into the scene, set up for its format by `configure`
 * (plugins, placement), with `restyle` applied to each tile's materials as it arrives. `placed`:
 * `configure` moves it out of the scene's Earth-centred frame, so it cannot give the globe its frame.
 */
export function tilesetLayer(scene: LiteScene, url: string, configure: (tiles: TilesRenderer) => void, restyle: (material: Material) => void, placed = false): LiteLayer {
  const tiles = new TilesRenderer(url);
  configure(tiles);
  tiles.addEventListener('load-model', ({ scene: model }: { scene: Object3D }) => {
    model.traverse((object) => {
      const { material } = object as Mesh;
      if (material) for (const each of Array.isArray(material) ? material : [material]) restyle(each);
    });
  });
  scene.addTiles(tiles, !placed);
  return {
    dispose() {
      scene.removeTiles(tiles);
      tiles.dispose();
    },
  };
}
