import { useEffect, useState } from 'react';
import { Cartesian3, Cesium3DTileset, ImageBasedLighting } from 'cesium';
import { useCesium } from 'resium';
import type { BuildingsLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { useRequested } from '../useRequested.ts';

/** Streams the layer's 3D Tiles from the twin server once it is first shown. */
export function useBuildingsLayer({ layer, visible, onStatus }: LayerRendererProps<BuildingsLayerDefinition>) {
  const { viewer } = useCesium();
  const requested = useRequested(visible);
  const [tileset, setTileset] = useState<Cesium3DTileset>();

  useEffect(() => {
    if (!viewer || !requested) return;
    let cancelled = false;
    let added: Cesium3DTileset | undefined;
    onStatus(layer.id, 'loading');
    Cesium3DTileset.fromUrl(layer.source.url, { imageBasedLighting: softDaylight() }).then(
      (loaded) => {
        if (cancelled || viewer.isDestroyed()) {
          loaded.destroy();
          return;
        }
        added = viewer.scene.primitives.add(loaded) as Cesium3DTileset;
        setTileset(added);
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
      setTileset(undefined);
      if (added && !viewer.isDestroyed()) viewer.scene.primitives.remove(added);
    };
  }, [viewer, layer, onStatus, requested]);

  useEffect(() => {
    if (tileset) tileset.show = visible;
  }, [tileset, visible]);
}

/**
 * Even, slightly blue ambient light (a clear sky's), so walls facing away from the light read
 * as shaded rather than black.
 */
function softDaylight(): ImageBasedLighting {
  const coefficients = Array.from({ length: 9 }, () => new Cartesian3());
  coefficients[0] = new Cartesian3(0.42, 0.44, 0.5);
  const lighting = new ImageBasedLighting();
  lighting.sphericalHarmonicCoefficients = coefficients;
  return lighting;
}
