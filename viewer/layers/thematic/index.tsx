import type { ThematicLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { useThematicLayer } from './hooks.ts';

/** Polygons coloured by class (land use, planning zones), draped on the terrain. */
export function ThematicLayerView(props: LayerRendererProps<ThematicLayerDefinition>) {
  useThematicLayer(props);
  return null;
}
