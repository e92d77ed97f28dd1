import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CATALOG_ENTRY_FILE, type Catalog, CatalogError, LayerDefinition, parseCatalog } from '../layers/index.ts';

/** A catalog entry of the data folder that the server left out, and why. */
export interface SkippedLayer {
  /** Its file, relative to the data folder. */
  entry: string;
  problems: string[];
}

/**
 * The catalog file plus the layers the pipeline wrote into the data folder: each import leaves a
 * catalog entry beside its output (`DATA/<folder>/catalog-entry.json`, one or two folders deep).
 * A broken catalog file stops the server, naming its field; a broken entry, or one whose id is
 * taken, is left out and reported, so one bad import never keeps the twin from starting.
 */
export async function loadCatalog(catalogPath: string, dataDir: string): Promise<{ catalog: Catalog; skipped: SkippedLayer[] }> {
  const raw = (await readJson(catalogPath)) as { layers?: unknown[] };
  const base = parseCatalog(raw, catalogPath);
  const skipped: SkippedLayer[] = [];
  const ids = new Set(base.layers.map((layer) => layer.id));
  const entries: { entry: string; layer: unknown }[] = [];
  for (const file of await catalogEntryFiles(dataDir)) {
    const entry = relative(dataDir, file);
    let layer: unknown;
    try {
      layer = await readJson(file);
    } catch (error) {
      if (error instanceof CatalogError && error.problems[0]?.includes('ENOENT')) continue;
      skipped.push({ entry, problems: error instanceof CatalogError ? error.problems : [String(error)] });
      continue;
    }
    const result = LayerDefinition.safeParse(layer);
    if (!result.success) {
      skipped.push({ entry, problems: result.error.issues.map((issue) => `field "${issue.path.join('.')}": ${issue.message}`) });
    } else if (ids.has(result.data.id)) {
      skipped.push({ entry, problems: [`field "id": the layer id "${result.data.id}" is taken by another layer`] });
    } else {
      ids.add(result.data.id);
      entries.push({ entry, layer });
    }
  }
  // What only the whole catalog can check (a group the entry names, say) leaves out the entries it concerns.
  for (;;) {
    try {
      const catalog = parseCatalog({ ...raw, layers: [...(raw.layers ?? []), ...entries.map(({ layer }) => layer)] }, catalogPath);
      return { catalog, skipped };
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      const offending = new Map<number, string[]>();
      for (const problem of error.problems) {
        const index = Number(/\(layers\[(\d+)\]\)/.exec(problem)?.[1]) - base.layers.length;
        if (index >= 0) offending.set(index, [...(offending.get(index) ?? []), problem.replace(/^layer .*?\(layers\[\d+\]\), /, '')]);
      }
      if (offending.size === 0) throw error;
      for (const index of [...offending.keys()].sort((a, b) => b - a)) {
        skipped.push({ entry: entries[index]!.entry, problems: offending.get(index)! });
        entries.splice(index, 1);
      }
    }
  }
}

/** Where the pipeline's catalog entries may lie in the data folder (not every one exists). */
export async function catalogEntryFiles(dataDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const first of await folders(dataDir)) {
    files.push(join(dataDir, first, CATALOG_ENTRY_FILE));
    for (const second of await folders(join(dataDir, first))) files.push(join(dataDir, first, second, CATALOG_ENTRY_FILE));
  }
  return files.sort();
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
