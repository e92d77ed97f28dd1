import type { ImageryLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { useImageryLayer } from './hooks.ts';

/** A base map or thematic raster from the twin server. */
export function ImageryLayerView(props: LayerRendererProps<ImageryLayerDefinition>) {
  useImageryLayer(props);
  return null;
}
