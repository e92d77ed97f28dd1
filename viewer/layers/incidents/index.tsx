import type { IncidentsLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { useIncidentsLayer } from './hooks.ts';

export function IncidentsLayerView(props: LayerRendererProps<IncidentsLayerDefinition>) {
  useIncidentsLayer(props);
  return null;
}
