import type { LayerDefinitionInput, LegendItem } from '../../layers/index.ts';
import { pipelineMetadata } from '../output/catalogEntry.ts';

/** The catalog entry of the rendered base map served from `url` (its folder). */
export function basemapLayer(
  id: string,
  url: string,
  options: {
    maximumLevel: number;
    rectangle: [number, number, number, number];
    synthetic: boolean;
    legend: LegendItem[];
    title?: { zh: string; en: string } | undefined;
  },
): LayerDefinitionInput<'imagery'> {
  return {
    id,
    kind: 'imagery',
    title: options.title ?? { zh: '土地利用晕渲底图', en: 'Land use and relief base map' },
    description: { zh: '土地利用分类（GB/T 21010）叠加地形晕渲、道路与水系', en: 'Land-use classes (GB/T 21010) over hillshade, with roads and rivers' },
    group: 'basemap',
    visible: true,
    access: 'public',
    source: { type: 'xyz', url: `${url}/{z}/{x}/{y}.png`, tilingScheme: 'geographic', maximumLevel: options.maximumLevel, rectangle: options.rectangle },
    legend: options.legend,
    metadata: pipelineMetadata({
      sourceSystem: 'wuyi-twin base map renderer',
      updateFrequency: 'static',
      originalCrs: 'EPSG:4326',
      synthetic: options.synthetic,
    }),
  };
}
