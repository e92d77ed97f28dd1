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
import { callTileWorker } from './tileWorkerClient.ts';

type Extent = [number, number, number, number] | undefined;

/**
 * Has the tile worker load and class the layer's polygons the first time it is shown, then
 * drapes them on the terrain as imagery; a change of the class filter redraws from memory.
 */
export function useThematicLayer({ layer, visible, onStatus }: LayerRendererProps<ThematicLayerDefinition>) {
  const { viewer } = useCesium();
  const requested = useRequested(visible);
  const [opened, setOpened] = useState<{ extent: Extent }>();
  const hiddenValues = useClassFilter().hidden(layer.id);
  const split = useSplitDirection(layer.id);
  const [imagery, setImagery] = useState<ImageryLayer>();

  useEffect(() => {
    if (!requested) return;
    let cancelled = false;
    const { field, classes } = layer.classify;
    loadLayer(layer.id, onStatus, {
      load: () => callTileWorker<'opened'>({ type: 'open', layerId: layer.id, url: layer.source.url, field, classes }),
      attach: ({ extent }) => setOpened({ extent }),
      isCancelled: () => cancelled,
    });
    return () => {
      cancelled = true;
    };
  }, [layer, onStatus, requested]);

  const hidden = useMemo(() => layer.classify.classes.flatMap((cls, i) => (hiddenValues.has(cls.value) ? [i] : [])), [layer, hiddenValues]);

  useEffect(() => {
    if (!viewer || !opened) return;
    const style = { colors: layer.classify.classes.map((c) => c.color), hidden, outline: layer.style.outline };
    const provider = new ThematicImageryProvider(layer.id, opened.extent, style);
    const added = new ImageryLayer(provider.asImageryProvider(), { alpha: layer.style.opacity });
    viewer.imageryLayers.add(added);
    setImagery(added);
    return () => {
      setImagery(undefined);
      if (!viewer.isDestroyed()) viewer.imageryLayers.remove(added, true);
    };
  }, [viewer, opened, layer, hidden]);

  useEffect(() => {
    if (!imagery) return;
    imagery.show = visible;
    imagery.splitDirection = split;
  }, [imagery, visible, split]);
}
