import type { TerrainLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { useTerrainLayer } from './hooks.ts';

/** Terrain from the twin server: hills and valleys that the other layers stand on. */
export function TerrainLayerView(props: LayerRendererProps<TerrainLayerDefinition>) {
  useTerrainLayer(props);
  return null;
}
