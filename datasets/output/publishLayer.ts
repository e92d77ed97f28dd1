import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { CATALOG_ENTRY_FILE } from '../../layers/index.ts';
import { dataUrl } from './catalogEntry.ts';

const DEFAULT_CATALOG = join(import.meta.dirname, '..', '..', 'layers', 'catalogs', 'wuyi.json');

/** The layer ids the server's catalog file gives its own layers (default the Wuyi catalog, else $CATALOG): an import may not take them. */
export async function catalogFileLayerIds(catalogPath = process.env.CATALOG || DEFAULT_CATALOG): Promise<string[]> {
  const catalog = JSON.parse(await readFile(catalogPath, 'utf8')) as { layers?: { id?: unknown }[] };
  return (catalog.layers ?? []).map((layer) => String(layer.id));
}

/** Layer ids as folder names: what a URL and every file system take without quoting. */
const LAYER_ID = /^[a-z][a-z0-9-]{0,62}$/;

/** A layer id from a file name: `DLTB_2023.shp` → `dltb-2023`, `城管案件.csv` → `cheng-guan-an-jian` (by its pinyin). */
export function layerIdOf(fileName: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  const id = (/[\u4e00-\u9fff]/.test(stem) ? pinyin(stem, { toneType: 'none', nonZh: 'consecutive' }) : stem)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return id === '' ? 'layer' : id.slice(0, 63).replace(/-+$/, '');
}

/**
 * Writes a layer into `<dataDir>/<layerId>` all at once: `write` fills a hidden staging folder
 * (the server skips folders whose name starts with a dot), which then takes the layer folder's
 * place by rename. So an import that fails or is killed leaves the layer that was there whole,
 * and nothing half-written is ever served. An id another layer of the data folder uses is
 * refused; the layer's own folder is replaced only when `replace` says so.
 */
export async function publishLayer<T>(
  dataDir: string,
  layerId: string,
  options: {
    replace: boolean;
    /** Ids the catalog file itself gives its layers. */
    catalogIds: readonly string[];
    /** The command's option that names the id, for the messages (default --layer-id). */
    idOption?: string;
  },
  write: (staging: string, url: string) => Promise<T>,
): Promise<T> {
  const idOption = options.idOption ?? '--layer-id';
  if (!LAYER_ID.test(layerId)) throw new Error(`Layer id "${layerId}" must be lower-case letters, digits and hyphens, starting with a letter`);
  if (options.catalogIds.includes(layerId)) throw new Error(`Layer id "${layerId}" is a layer of the catalog file; choose another with ${idOption}`);
  const target = join(dataDir, layerId);
  const holders = (await catalogEntries(dataDir)).filter((entry) => entry.id === layerId);
  const elsewhere = holders.find((entry) => entry.folder !== target);
  if (elsewhere) throw new Error(`Layer id "${layerId}" is taken by ${join(elsewhere.folder, CATALOG_ENTRY_FILE)}; choose another with ${idOption}`);
  await recoverAbandoned(dataDir, layerId);
  const exists = await readdir(target).then(() => true, () => false);
  if (exists && !options.replace) {
    throw new Error(`${target} exists${holders.length > 0 ? ` and holds the layer "${layerId}"` : ''}; ${options.idOption ? '' : 'pass --replace to replace it, or '}choose another ${idOption}`);
  }
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(dataDir, `.import-${layerId}-${stamp}`);
  await mkdir(staging, { recursive: true });
  let result: T;
  try {
    result = await write(staging, dataUrl(dataDir, target));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const replaced = join(dataDir, `.replaced-${layerId}-${stamp}`);
  if (exists) await rename(target, replaced);
  await rename(staging, target);
  if (exists) await rm(replaced, { recursive: true, force: true });
  return result;
}

/**
 * What an import of `layerId` left when it was killed (its process is gone): a staging folder,
 * never served, is removed; a replaced layer whose replacement never took its place is put back.
 */
async function recoverAbandoned(dataDir: string, layerId: string): Promise<void> {
  const pattern = new RegExp(`^\\.(import|replaced)-${layerId}-(\\d+)-\\d+$`);
  for (const name of await readdir(dataDir).catch(() => [] as string[])) {
    const match = pattern.exec(name);
    if (!match || isRunning(Number(match[2]))) continue;
    const target = join(dataDir, layerId);
    const missing = await readdir(target).then(() => false, () => true);
    if (match[1] === 'replaced' && missing) await rename(join(dataDir, name), target);
    else await rm(join(dataDir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The layer ids of the catalog entries in the data folder (one or two folders deep, as the server reads them). */
async function catalogEntries(dataDir: string): Promise<{ id: string; folder: string }[]> {
  const folders: string[] = [];
  for (const first of await visibleFolders(dataDir)) {
    folders.push(join(dataDir, first));
    for (const second of await visibleFolders(join(dataDir, first))) folders.push(join(dataDir, first, second));
  }
  const entries: { id: string; folder: string }[] = [];
  for (const folder of folders) {
    const text = await readFile(join(folder, CATALOG_ENTRY_FILE), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    let id: unknown;
    try {
      id = (JSON.parse(text) as { id?: unknown }).id;
    } catch {
      continue; // the server reports a broken entry; it holds no id to collide with
    }
    if (typeof id === 'string') entries.push({ id, folder });
  }
  return entries;
}

async function visibleFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name);
}
