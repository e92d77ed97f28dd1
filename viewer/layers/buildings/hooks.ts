import { useEffect, useState } from 'react';
import { Cartesian3, Cesium3DTileStyle, Cesium3DTileset, ImageBasedLighting } from 'cesium';
import { useCesium } from 'resium';
import type { BuildingsLayerDefinition } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { loadLayer } from '../loadLayer.ts';
import { useRequested } from '../useRequested.ts';
import { useSelection } from '../../selection/index.tsx';

/** Streams the layer's 3D Tiles from the twin server once it is first shown. */
export function useBuildingsLayer({ layer, visible, onStatus }: LayerRendererProps<BuildingsLayerDefinition>) {
  const { viewer } = useCesium();
  const requested = useRequested(visible);
  const [tileset, setTileset] = useState<Cesium3DTileset>();

  useEffect(() => {
    if (!viewer || !requested) return;
    let cancelled = false;
    let added: Cesium3DTileset | undefined;
    loadLayer(layer.id, onStatus, {
      load: () => Cesium3DTileset.fromUrl(layer.source.url, { imageBasedLighting: softDaylight() }),
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
  }, [viewer, layer, onStatus, requested]);

  useEffect(() => {
    if (tileset) tileset.show = visible;
  }, [tileset, visible]);

  // The selected object, when it is one of these buildings, stands out in a warning colour.
  const selectedOid = useSelection().selected?.oid;
  useEffect(() => {
    if (!tileset) return;
    tileset.style = selectedOid
      ? new Cesium3DTileStyle({ color: { conditions: [[`\${oid} === ${JSON.stringify(selectedOid)}`, "color('#ff3d00')"], ['true', "color('#ffffff')"]] } })
      : undefined;
  }, [tileset, selectedOid]);
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
