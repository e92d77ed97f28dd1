import { type LayerDefinitionInput, buildingUseLegend } from '../../layers/index.ts';
import { pipelineMetadata } from '../output/catalogEntry.ts';

/** The catalog entry of a buildings layer whose tileset is at `url`. */
export function buildingsLayer(
  id: string,
  url: string,
  options: { sourceSystem: string; originalCrs: string; synthetic: boolean; title?: { zh: string; en: string } | undefined; dashboard?: boolean | undefined },
): LayerDefinitionInput<'buildings'> {
  const { title = { zh: '建筑', en: 'Buildings' }, dashboard, ...metadata } = options;
  return {
    id,
    kind: 'buildings',
    title,
    group: 'buildings',
    visible: true,
    access: 'public',
    source: { type: '3dtiles', url },
    table: { arrow: url.replace(/tileset\.json$/, 'attributes.arrow'), parquet: url.replace(/tileset\.json$/, 'attributes.parquet') },
    // The viewer draws each building in its use's colour.
    legend: buildingUseLegend,
    ...(dashboard ? { dashboard: 'buildings' } : {}),
    metadata: pipelineMetadata({ ...metadata, updateFrequency: 'yearly' }),
  };
}
