import type { LayerDefinitionInput, VerticalDatum } from '../../layers/index.ts';
import { pipelineMetadata } from '../output/catalogEntry.ts';
import { ELEVATION_FILE } from './elevationFile.ts';

/** The catalog entry of a terrain layer served from `url` (its folder, ending in `/`). */
export function terrainLayer(id: string, url: string, sourceSystem: string, synthetic: boolean, title = { zh: '地形', en: 'Terrain' }, verticalDatum?: VerticalDatum): LayerDefinitionInput<'terrain'> {
  return {
    id,
    kind: 'terrain',
    title,
    group: 'basemap',
    visible: true,
    access: 'public',
    source: { type: 'quantized-mesh', url },
    elevation: `${url}${ELEVATION_FILE}`,
    metadata: pipelineMetadata({ sourceSystem, updateFrequency: 'static', originalCrs: 'EPSG:4326', synthetic, verticalDatum }),
  };
}
