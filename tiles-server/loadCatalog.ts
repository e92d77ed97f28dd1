import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CATALOG_ENTRY_FILE, type Catalog, CatalogError, LayerDefinition, parseCatalog } from '../layers/index.ts';

/**
 * The catalog file plus the layers the pipeline wrote into the data folder: each import leaves a
 * catalog entry beside its output (`DATA/<folder>/catalog-entry.json`, one or two folders deep). A bad
 * entry stops the server with a message naming its file or layer and field.
 */
export async function loadCatalog(catalogPath: string, dataDir: string): Promise<Catalog> {
  const raw = (await readJson(catalogPath)) as { layers?: unknown[] };
  const imported = await importedLayers(dataDir);
  if (Array.isArray(raw.layers)) raw.layers.push(...imported);
  return parseCatalog(raw, imported.length > 0 ? `${catalogPath} with the layers of ${dataDir}` : catalogPath);
}

async function importedLayers(dataDir: string): Promise<unknown[]> {
  const files: string[] = [];
  for (const first of await folders(dataDir)) {
    files.push(join(dataDir, first, CATALOG_ENTRY_FILE));
    for (const second of await folders(join(dataDir, first))) files.push(join(dataDir, first, second, CATALOG_ENTRY_FILE));
  }
  const layers: unknown[] = [];
  for (const file of files.sort()) {
    const raw = await readJson(file).catch((error: unknown) => {
      if (error instanceof CatalogError && error.problems[0]?.includes('ENOENT')) return undefined;
      throw error;
    });
    if (raw === undefined) continue;
    const result = LayerDefinition.safeParse(raw);
    if (!result.success) {
      throw new CatalogError(file, result.error.issues.map((issue) => `field "${issue.path.join('.')}": ${issue.message}`));
    }
    layers.push(raw);
  }
  return layers;
}

async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name);
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CatalogError(path, [`cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CatalogError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
}
