import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { StoreClosed, type TwinStore } from '../store/twinStore.ts';
import { RECORD_FILE_NAMES, importRecordsOnce } from './importRecords.ts';

/** The record files of the data folder's datasets (not every one exists). */
export async function recordFiles(dataDir: string): Promise<string[]> {
  const datasets = (await readdir(dataDir, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  return datasets.flatMap((dataset) => RECORD_FILE_NAMES.map((file) => join(dataDir, dataset.name, 'records', file)));
}

/**
 * Imports every `<data>/<dataset>/records/` folder once (see importRecordsOnce). A folder that
 * cannot be stored (broken JSON, an id the store holds already) is reported and left for a later
 * try; it never keeps the others, the server's start or a catalog reload from going on.
 */
export async function importRecordFolders(store: TwinStore, objects: ObjectIndex, dataDir: string): Promise<{ folder: string; stored: number; problem?: string }[]> {
  const datasets = (await readdir(dataDir, { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  const results = [];
  for (const dataset of datasets) {
    const folder = join(dataDir, dataset.name, 'records');
    if (!existsSync(folder)) continue;
    try {
      results.push({ folder, stored: await importRecordsOnce(store, objects, folder, `records:${dataset.name}`) });
    } catch (error) {
      if (error instanceof StoreClosed) throw error;
      results.push({ folder, stored: 0, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
