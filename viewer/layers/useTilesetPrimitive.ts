import { useEffect, useState } from 'react';
import type { Cesium3DTileset } from 'cesium';
import { useCesium } from 'resium';
import type { LayerDefinition } from '../../layers/index.ts';
import type { LayerRendererProps } from './types.ts';
import { loadLayer } from './loadLayer.ts';
import { useRequested } from './useRequested.ts';

/**
 * A 3D Tiles layer in the scene: `load` (a module-level function of the layer, so that it is
 * stable) streams it once the layer is first shown; shown and hidden with the layer, removed
 * with it. The tileset, once in the scene, is returned for styling.
 */
export function useTilesetPrimitive<L extends LayerDefinition>(
  { layer, visible, onStatus }: LayerRendererProps<L>,
  load: (layer: L) => Promise<Cesium3DTileset>,
): Cesium3DTileset | undefined {
  const { viewer } = useCesium();
  const requested = useRequested(visible);
  const [tileset, setTileset] = useState<Cesium3DTileset>();

  useEffect(() => {
    if (!viewer || !requested) return;
    let cancelled = false;
    let added: Cesium3DTileset | undefined;
    loadLayer(layer.id, onStatus, {
      load: () => load(layer),
      attach: (loaded) => {
        added = viewer.scene.primitives.add(loaded) as Cesium3DTileset;
        setTileset(added);
      },
      isCancelled: () => cancelled || viewer.isDestroyed(),
      discard: (loaded) => loaded.destroy(),
    });
    return () => {
      cancelled = true;
      setTileset(undefined);
      if (added && !viewer.isDestroyed()) viewer.scene.primitives.remove(added);
    };
  }, [viewer, layer, onStatus, requested, load]);

  useEffect(() => {
    if (tileset) tileset.show = visible;
  }, [tileset, visible]);
  return tileset;
}
