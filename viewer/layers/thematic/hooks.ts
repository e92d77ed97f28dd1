import { useEffect, useMemo, useState } from 'react';
import { ImageryLayer } from 'cesium';
import { useCesium } from 'resium';
import type { ThematicLayerDefinition } from '../../../layers/index.ts';
import { useSplitDirection } from '../../compare/context.tsx';
import { loadLayer } from '../loadLayer.ts';
import type { LayerRendererProps } from '../types.ts';
import { useRequested } from '../useRequested.ts';
import { useClassFilter } from './classFilter.tsx';
import { ThematicImageryProvider } from './ThematicImageryProvider.ts';
import { type ThematicFeatures, thematicFeatures } from './thematicFeatures.ts';

/**
 * Loads the layer's polygons the first time it is shown and drapes them on the terrain as
 * imagery drawn in the browser; a change of the class filter redraws them from memory.
 */
export function useThematicLayer({ layer, visible, onStatus }: LayerRendererProps<ThematicLayerDefinition>) {
  const { viewer } = useCesium();
  const requested = useRequested(visible);
  const [features, setFeatures] = useState<ThematicFeatures>();
  const hiddenValues = useClassFilter().hidden(layer.id);
  const split = useSplitDirection(layer.id);
  const [imagery, setImagery] = useState<ImageryLayer>();

  useEffect(() => {
    if (!requested) return;
    let cancelled = false;
    loadLayer(layer.id, onStatus, {
      load: async () => {
        const response = await fetch(layer.source.url);
        if (!response.ok) throw new Error(`${layer.source.url} answered ${response.status}`);
        const collection = (await response.json()) as { features: Parameters<typeof thematicFeatures>[0] };
        return thematicFeatures(collection.features, layer.classify.field, layer.classify.classes);
      },
      attach: setFeatures,
      isCancelled: () => cancelled,
    });
    return () => {
      cancelled = true;
    };
  }, [layer, onStatus, requested]);

  const hidden = useMemo(
    () => new Set(layer.classify.classes.flatMap((cls, i) => (hiddenValues.has(cls.value) ? [i] : []))),
    [layer, hiddenValues],
  );

  useEffect(() => {
    if (!viewer || !features) return;
    const provider = new ThematicImageryProvider(features, { colors: layer.classify.classes.map((c) => c.color), hidden, outline: layer.style.outline });
    const added = new ImageryLayer(provider.asImageryProvider(), { alpha: layer.style.opacity });
    viewer.imageryLayers.add(added);
    setImagery(added);
    return () => {
      setImagery(undefined);
      if (!viewer.isDestroyed()) viewer.imageryLayers.remove(added, true);
    };
  }, [viewer, features, layer, hidden]);

  useEffect(() => {
    if (!imagery) return;
    imagery.show = visible;
    imagery.splitDirection = split;
  }, [imagery, visible, split]);
}
