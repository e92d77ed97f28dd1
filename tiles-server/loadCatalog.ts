import { readFile } from 'node:fs/promises';
import { type Catalog, CatalogError, parseCatalogText } from '../layers/index.ts';

export async function loadCatalog(path: string): Promise<Catalog> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CatalogError(path, [`cannot be read: ${error.code ?? error.message}`]);
  });
  return parseCatalogText(text, path);
}
