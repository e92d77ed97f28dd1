import type { LayerDefinition } from '../../../layers/index.ts';
import type { LiteScene } from '../liteScene.ts';

/** A layer drawn in the lite scene while it is wanted; `dispose` takes it out again. */
export interface LiteLayer {
  dispose(): void;
}

export type LiteLayerFactory<L extends LayerDefinition = LayerDefinition> = (layer: L, scene: LiteScene) => LiteLayer;
