import type { BuildingsLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { useBuildingsLayer } from './hooks.ts';

/** Buildings as 3D Tiles, each building a feature whose properties a click shows. */
export function BuildingsLayerView(props: LayerRendererProps<BuildingsLayerDefinition>) {
  useBuildingsLayer(props);
  return null;
}
