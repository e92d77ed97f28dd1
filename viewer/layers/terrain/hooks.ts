import { useEffect } from 'react';
import { CesiumTerrainProvider, EllipsoidTerrainProvider } from 'cesium';
import { useCesium } from 'resium';
import type { TerrainLayerDefinition } from '../../../layers/index.ts';
import { loadLayer } from '../loadLayer.ts';
import type { LayerRendererProps } from '../types.ts';

/** Puts the globe on the layer's quantized-mesh terrain while visible, on the ellipsoid otherwise. */
export function useTerrainLayer({ layer, visible, onStatus }: LayerRendererProps<TerrainLayerDefinition>) {
  const { viewer } = useCesium();

  useEffect(() => {
    if (!viewer || !visible) return;
    let cancelled = false;
    loadLayer(layer.id, onStatus, {
      load: () => CesiumTerrainProvider.fromUrl(layer.source.url, { requestVertexNormals: true, requestMetadata: true }),
      attach: (provider) => {
        viewer.terrainProvider = provider;
      },
      isCancelled: () => cancelled || viewer.isDestroyed(),
    });
    return () => {
      cancelled = true;
      if (!viewer.isDestroyed()) viewer.terrainProvider = new EllipsoidTerrainProvider();
    };
  }, [viewer, layer, visible, onStatus]);
}
