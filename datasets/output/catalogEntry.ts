import { join, relative, resolve, sep } from 'node:path';
import { CATALOG_ENTRY_FILE, LayerDefinition } from '../../layers/index.ts';
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
export async function writeCatalogEntry(outDir: string, layer: unknown): Promise<LayerDefinition> {
  const parsed = LayerDefinition.parse(layer);
  await writeDataFile(join(outDir, CATALOG_ENTRY_FILE), new TextEncoder().encode(JSON.stringify(parsed, null, 2)));
  return parsed;
}
