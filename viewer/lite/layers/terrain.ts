import { type Material, MeshStandardMaterial } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import { ImageOverlayPlugin, QuantizedMeshPlugin } from '3d-tiles-renderer/three/plugins';
import type { TerrainLayerDefinition } from '../../../layers/index.ts';
import { quantizedMeshAccept } from './quantizedMeshAccept.ts';
import type { LiteLayerFactory } from './types.ts';
import { tilesetLayer } from './tileset.ts';

/**
 * Quantized-mesh terrain (the layer.json under the layer's url) with the imagery layers draped on
 * it, lit; one earthy colour where no imagery is.
 */
export const terrainLayer: LiteLayerFactory<TerrainLayerDefinition> = (layer, scene) => {
  const overlays = new ImageOverlayPlugin({ renderer: scene.renderer, overlays: [] });
  const detach = scene.drapes.attach(overlays);
  const drawn = tilesetLayer(
    scene,
    layer.source.url,
    (tiles) => withQuantizedMesh(tiles, overlays),
    (material: Material) => {
      if (material instanceof MeshStandardMaterial) {
        material.color.set(scene.drapes.size > 0 ? '#ffffff' : '#b9c49a');
        material.roughness = 1;
      }
    },
  );
  return {
    dispose() {
      detach();
      drawn.dispose();
    },
  };
};

function withQuantizedMesh(tiles: TilesRenderer, overlays: ImageOverlayPlugin): void {
  tiles.registerPlugin(new QuantizedMeshPlugin({}));
  tiles.registerPlugin(overlays);
  // The plugin asks for the layer's extensions once it has read layer.json, in a header the server must understand.
  tiles.addEventListener('load-root-tileset', () => {
    const headers = tiles.fetchOptions.headers as Record<string, string>;
    headers.Accept = quantizedMeshAccept(headers.Accept ?? '');
  });
}
