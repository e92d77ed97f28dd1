import { type Material, MeshStandardMaterial } from 'three';
import { GLTFExtensionsPlugin } from '3d-tiles-renderer/three/plugins';
import type { BuildingsLayerDefinition } from '../../../layers/index.ts';
import type { LiteLayerFactory } from './types.ts';
import { tilesetLayer } from './tileset.ts';

/**
 * Buildings as 3D Tiles; the glTF metadata extensions are read so a click finds the building's
 * feature and its `oid`.
 */
export const buildingsLayer: LiteLayerFactory<BuildingsLayerDefinition> = (layer, scene) =>
  tilesetLayer(scene, layer.source.url, (tiles) => tiles.registerPlugin(new GLTFExtensionsPlugin({ metadata: true, rtc: true })), (material: Material) => {
    if (layer.style.color && material instanceof MeshStandardMaterial) material.color.set(layer.style.color.slice(0, 7));
  });
