import { Cesium3DTileset } from 'cesium';
import type { TilesetLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { useTilesetPrimitive } from '../useTilesetPrimitive.ts';
import { placementMatrix } from './placementMatrix.ts';

/** A delivered 3D Tiles tileset (photogrammetry, BIM, point clouds), placed as its catalog entry says. */
export function TilesetLayerView(props: LayerRendererProps<TilesetLayerDefinition>) {
  useTilesetPrimitive(props, loadPlaced);
  return null;
}

async function loadPlaced(layer: TilesetLayerDefinition): Promise<Cesium3DTileset> {
  const tileset = await Cesium3DTileset.fromUrl(layer.source.url, { maximumScreenSpaceError: layer.maximumScreenSpaceError });
  tileset.modelMatrix = placementMatrix(layer, tileset.boundingSphere.center);
  return tileset;
}
