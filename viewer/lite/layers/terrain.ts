import { type Material, MeshStandardMaterial } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import { QuantizedMeshPlugin } from '3d-tiles-renderer/three/plugins';
import type { TerrainLayerDefinition } from '../../../layers/index.ts';
import { quantizedMeshAccept } from './quantizedMeshAccept.ts';
import type { LiteLayerFactory } from './types.ts';
import { tilesetLayer } from './tileset.ts';

/** Quantized-mesh terrain (the layer.json under the layer's url), lit in one earthy colour. */
export const terrainLayer: LiteLayerFactory<TerrainLayerDefinition> = (layer, scene) =>
  tilesetLayer(scene, layer.source.url, withQuantizedMesh, (material: Material) => {
    if (material instanceof MeshStandardMaterial) {
      material.color.set('#b9c49a');
      material.roughness = 1;
    }
  });

function withQuantizedMesh(tiles: TilesRenderer): void {
  tiles.registerPlugin(new QuantizedMeshPlugin({}));
  // The plugin asks for the layer's extensions once it has read layer.json, in a header the server must understand.
  tiles.addEventListener('load-root-tileset', () => {
    const headers = tiles.fetchOptions.headers as Record<string, string>;
    headers.Accept = quantizedMeshAccept(headers.Accept ?? '');
  });
}
