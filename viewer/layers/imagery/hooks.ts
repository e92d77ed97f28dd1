import { useEffect, useState } from 'react';
import { GeographicTilingScheme, type ImageryLayer, type ImageryLayerCollection, Rectangle, UrlTemplateImageryProvider, WebMercatorTilingScheme } from 'cesium';
import { useCesium } from 'resium';
import type { ImageryLayerDefinition } from '../../../layers/index.ts';
import { useSplitDirection } from '../../compare/context.tsx';
import type { LayerRendererProps } from '../types.ts';
import { useRequested } from '../useRequested.ts';

/** Raster tiles from the twin server, drawn over the globe's fallback imagery. */
export function useImageryLayer({ layer, visible, onStatus }: LayerRendererProps<ImageryLayerDefinition>) {
  const { viewer } = useCesium();
  const requested = useRequested(visible);
  const [imagery, setImagery] = useState<ImageryLayer>();
  const split = useSplitDirection(layer.id);

  useEffect(() => {
    if (!viewer || !requested) return;
    const { source, style } = layer;
    const provider = new UrlTemplateImageryProvider({
      url: source.url,
      tilingScheme: source.tilingScheme === 'geographic' ? new GeographicTilingScheme() : new WebMercatorTilingScheme(),
      maximumLevel: source.maximumLevel,
      rectangle: source.rectangle ? Rectangle.fromDegrees(...source.rectangle) : undefined,
      tileWidth: 256,
      tileHeight: 256,
    });
    const added = viewer.imageryLayers.addImageryProvider(provider);
    slideUnderFinerLayers(viewer.imageryLayers, added);
    added.alpha = style.alpha;
    const removeErrorListener = provider.errorEvent.addEventListener(() => onStatus(layer.id, 'error'));
    setImagery(added);
    onStatus(layer.id, 'ready');
    return () => {
      removeErrorListener();
      setImagery(undefined);
      if (!viewer.isDestroyed()) viewer.imageryLayers.remove(added, true);
    };
  }, [viewer, layer, onStatus, requested]);

  useEffect(() => {
    if (!imagery) return;
    imagery.show = visible;
    imagery.splitDirection = split;
  }, [imagery, visible, split]);
}

/** The base maps this hook added; every other imagery layer (land use, heat, an analysis) is an overlay. */
const baseMaps = new WeakSet<ImageryLayer>();

/**
 * A base map shown after other layers goes beneath the overlays and beneath the base maps whose
 * tiles go deeper than its own: a county map never covers the detailed map of its county seat,
 * nor the land use or the heat drawn over them, whichever was shown first.
 */
function slideUnderFinerLayers(layers: ImageryLayerCollection, layer: ImageryLayer): void {
  baseMaps.add(layer);
  const depth = (candidate: ImageryLayer) => candidate.imageryProvider.maximumLevel ?? Infinity;
  const covers = (candidate: ImageryLayer) => !baseMaps.has(candidate) || depth(candidate) > depth(layer);
  // Index 0 is the world's fallback imagery, beneath everything.
  for (let below = layers.indexOf(layer) - 1; below > 0 && covers(layers.get(below)); below--) layers.lower(layer);
}
