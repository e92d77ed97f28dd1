import type { LayerDefinition } from '../../layers/index.ts';

export type LayerStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What every kind's renderer receives; it draws `layer` into the globe while `visible`. */
export interface LayerRendererProps<L extends LayerDefinition = LayerDefinition> {
  layer: L;
  visible: boolean;
  onStatus: (layerId: string, status: LayerStatus) => void;
}
