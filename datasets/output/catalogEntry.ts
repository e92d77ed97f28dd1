import { join, relative, resolve, sep } from 'node:path';
import { CATALOG_ENTRY_FILE, LayerDefinition, type LayerDefinitionInput, type LayerMetadata, type VerticalDatum } from '../../layers/index.ts';
import { writeDataFile } from './writeDataFile.ts';

/** The URL the twin server serves `path` (a folder or file inside the data folder) at. */
export function dataUrl(dataDir: string, path: string): string {
  const inside = relative(resolve(dataDir), resolve(path));
  if (inside === '' || inside.startsWith('..')) throw new Error(`${path} must be inside the data folder ${resolve(dataDir)}`);
  return `/data/${inside.split(sep).join('/')}`;
}

/**
 * Writes the catalog entry of a layer an import produced, beside its output; the server adds
 * it to the catalog at start. Validated here, so a bad entry fails the import, not the server.
 */
export async function writeCatalogEntry(outDir: string, layer: LayerDefinitionInput): Promise<LayerDefinition> {
  const parsed = LayerDefinition.parse(layer);
  await writeDataFile(join(outDir, CATALOG_ENTRY_FILE), new TextEncoder().encode(JSON.stringify(parsed, null, 2)));
  return parsed;
}

/** Catalog metadata of a layer the pipeline made; the natural-resources bureau owns base layers. */
export function pipelineMetadata(options: { sourceSystem: string; updateFrequency: LayerMetadata['updateFrequency']; originalCrs: string; synthetic: boolean; verticalDatum?: VerticalDatum | undefined }): LayerMetadata {
  return {
    ...(options.verticalDatum ? { verticalDatum: options.verticalDatum } : {}),
    department: { zh: '县自然资源和规划局', en: 'County Bureau of Natural Resources and Planning' },
    sourceSystem: options.sourceSystem,
    updateFrequency: options.updateFrequency,
    originalCrs: /^EPSG:\d+$/.test(options.originalCrs) ? options.originalCrs : 'EPSG:4326',
    licence: options.synthetic ? 'CC0 (synthetic sample)' : 'as licensed by the source',
    synthetic: options.synthetic,
  };
}
