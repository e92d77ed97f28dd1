import { useEffect } from 'react';
import { CesiumTerrainProvider, EllipsoidTerrainProvider } from 'cesium';
import { useCesium } from 'resium';
import type { TerrainLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';

/** Puts the globe on the layer's quantized-mesh terrain while visible, on the ellipsoid otherwise. */
export function useTerrainLayer({ layer, visible, onStatus }: LayerRendererProps<TerrainLayerDefinition>) {
  const { viewer } = useCesium();

  useEffect(() => {
    if (!viewer || !visible) return;
    let cancelled = false;
    onStatus(layer.id, 'loading');
    CesiumTerrainProvider.fromUrl(layer.source.url, { requestVertexNormals: true, requestMetadata: true }).then(
      (provider) => {
        if (cancelled || viewer.isDestroyed()) return;
        viewer.terrainProvider = provider;
        onStatus(layer.id, 'ready');
      },
      (error: unknown) => {
        if (cancelled) return;
        console.error(`Layer ${layer.id} failed to load`, error);
        onStatus(layer.id, 'error');
      },
    );
    return () => {
      cancelled = true;
      if (!viewer.isDestroyed()) viewer.terrainProvider = new EllipsoidTerrainProvider();
    };
  }, [viewer, layer, visible, onStatus]);
}
