import { MathUtils } from 'three';
import { XYZTilesOverlay } from '3d-tiles-renderer/three/plugins';
import { type ImageryLayerDefinition, LAYER_CAPABILITIES } from '../../../layers/index.ts';
import type { LiteLayerFactory } from './types.ts';

/** The part of the overlay's tile source this layer bounds (not in the library's typings). */
interface TiledSource {
  init(): Promise<void>;
  tiling: { setContentBounds(west: number, south: number, east: number, north: number): void };
}

/** A raster base map from the twin server, draped on the terrain. */
export const imageryLayer: LiteLayerFactory<ImageryLayerDefinition> = (layer, scene) => {
  const { url, tilingScheme, maximumLevel, rectangle } = layer.source;
  const overlay = new XYZTilesOverlay({
    url,
    projection: tilingScheme === 'geographic' ? 'EPSG:4326' : 'EPSG:3857',
    levels: (maximumLevel ?? 18) + 1,
    opacity: layer.style.alpha,
  });
  if (rectangle) {
    // Only tiles inside the layer's extent exist: bound the source, as the full viewer's
    // provider is, or every tile outside it is asked for and answered 404.
    const source = (overlay as unknown as { imageSource: TiledSource }).imageSource;
    const init = source.init.bind(source);
    source.init = async () => {
      await init();
      source.tiling.setContentBounds(...(rectangle.map((degrees) => degrees * MathUtils.DEG2RAD) as [number, number, number, number]));
    };
  }
  const remove = scene.drapes.add(overlay, LAYER_CAPABILITIES[layer.kind].drapeOrder);
  return { dispose: remove };
};
