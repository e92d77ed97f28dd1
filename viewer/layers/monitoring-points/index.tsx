import type { MonitoringPointsLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { useMonitoringPointsLayer } from './hooks.ts';

export function MonitoringPointsLayerView(props: LayerRendererProps<MonitoringPointsLayerDefinition>) {
  useMonitoringPointsLayer(props);
  return null;
}
