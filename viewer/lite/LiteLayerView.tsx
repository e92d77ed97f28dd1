import { useEffect } from 'react';
import type { LayerDefinition } from '../../layers/index.ts';
import { liteLayerFor } from './layers/registry.ts';
import type { LiteScene } from './liteScene.ts';

/** One catalog layer in the lite scene while it is visible. */
export function LiteLayerView({ layer, view, visible }: { layer: LayerDefinition; view: LiteScene; visible: boolean }) {
  useEffect(() => {
    const create = liteLayerFor(layer);
    if (!visible || !create) return;
    const drawn = create(layer, view);
    return () => drawn.dispose();
  }, [layer, view, visible]);
  return null;
}
