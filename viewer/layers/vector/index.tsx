import type { VectorLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { useVectorLayer } from './hooks.ts';

/** GeoJSON features from the data folder: polygons, lines and labelled points. */
export function VectorLayerView(props: LayerRendererProps<VectorLayerDefinition>) {
  useVectorLayer(props);
  return null;
}
