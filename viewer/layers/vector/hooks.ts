import { useEffect, useState } from 'react';
import { Color, GeoJsonDataSource } from 'cesium';
import { useCesium } from 'resium';
import type { VectorLayerDefinition } from '../../../layers/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { LayerRendererProps } from '../types.ts';
import { loadLayer } from '../loadLayer.ts';
import { useRequested } from '../useRequested.ts';
import { useSymbolScale } from '../../globe/symbolScale.tsx';
import { setLabelLanguage, setSymbolScale, styleVectorEntities } from './styleEntities.ts';

/** Loads the layer's GeoJSON the first time it is shown, then only shows or hides it. */
export function useVectorLayer({ layer, visible, onStatus }: LayerRendererProps<VectorLayerDefinition>) {
  const { viewer } = useCesium();
  const { language } = useI18n();
  const symbolScale = useSymbolScale();
  const [source, setSource] = useState<GeoJsonDataSource>();
  const requested = useRequested(visible);

  useEffect(() => {
    if (!viewer || !requested) return;
    let cancelled = false;
    const { style } = layer;
    const dataSource = new GeoJsonDataSource(layer.id);
    loadLayer(layer.id, onStatus, {
      load: () =>
        dataSource.load(layer.source.url, {
          clampToGround: style.clampToGround ?? false,
          fill: Color.fromCssColorString(style.fill ?? '#00000000'),
          stroke: Color.fromCssColorString(style.stroke ?? '#ffffff'),
          strokeWidth: style.strokeWidth ?? 2,
        }),
      attach: async () => {
        styleVectorEntities(dataSource.entities, style);
        await viewer.dataSources.add(dataSource);
        setSource(dataSource);
      },
      isCancelled: () => cancelled,
    });
    return () => {
      cancelled = true;
      setSource(undefined);
      if (!viewer.isDestroyed()) viewer.dataSources.remove(dataSource, true);
    };
  }, [viewer, layer, onStatus, requested]);

  useEffect(() => {
    if (source) source.show = visible;
  }, [source, visible]);

  useEffect(() => {
    if (source) setLabelLanguage(source.entities, layer.style, language);
  }, [source, layer.style, language]);

  useEffect(() => {
    if (source) setSymbolScale(source.entities, layer.style, symbolScale);
  }, [source, layer.style, symbolScale]);
}
