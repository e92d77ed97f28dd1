import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import type { NewIncident, NewLifecycleRecord, NewMonitoringPoint, RecordBatch, TwinStore } from '../store/twinStore.ts';

/** The files of a `records/` folder; a record without its township gets the one it lies in. */
interface RecordFiles {
  'monitoring-points.json': { id: string; kind: string; name: string; unit: string; thresholds: { warning: number; alarm: number } | null; lon: number; lat: number; township?: string }[];
  'incidents.json': { id: string; type: string; title: string; description?: string; status: NewIncident['status']; reportedAt: string; lon: number; lat: number; floor?: number; township?: string }[];
  'lifecycle-records.json': { resourceCode: string; stage: string; date: string; summary: string; department: string }[];
}

export const RECORD_FILE_NAMES: readonly (keyof RecordFiles)[] = ['incidents.json', 'monitoring-points.json', 'lifecycle-records.json'];

/**
 * Loads a `records/` folder written by the pipeline (the sample twin's monitoring points, seed
 * incidents and resource-code lifecycle records) into the store, bound to the objects they lie
 * in, once: a store that has it already is left alone. Says how many records it stored.
 *
 * An import is known by the dataset's `name` and its files' content, so a dataset removed by hand
 * and imported again with other records is stored as the new import it is. One stored before
 * imports were known by content (by `name` alone) counts as stored.
 */
export async function importRecordsOnce(store: TwinStore, objects: ObjectIndex, folder: string, name: string): Promise<number> {
  // Every start comes here: do not read, parse and bind the files again once they are stored.
  if (await store.hasImported(name)) return 0;
  const texts = new Map<keyof RecordFiles, string>();
  const hash = createHash('sha256');
  for (const file of RECORD_FILE_NAMES) {
    const text = await readFile(join(folder, file), 'utf8').catch(() => '[]');
    texts.set(file, text);
    hash.update(file).update('\0').update(text).update('\0');
  }
  const key = `${name}@${hash.digest('hex').slice(0, 16)}`;
  if (await store.hasImported(key)) return 0;
  const read = <K extends keyof RecordFiles>(file: K): RecordFiles[K] => {
    try {
      return JSON.parse(texts.get(file)!) as RecordFiles[K];
    } catch (error) {
      throw new Error(`${join(folder, file)} is not valid JSON: ${error instanceof Error ? error.message : error}`);
    }
  };
  const monitoringPoints: NewMonitoringPoint[] = read('monitoring-points.json').map((point) => ({
    ...point,
    township: point.township ?? objects.adminCodeAt(point.lon, point.lat),
    binding: objects.bind(point.lon, point.lat)!,
  }));
  const incidents: NewIncident[] = read('incidents.json').map((incident) => ({
    ...incident,
    township: incident.township ?? objects.adminCodeAt(incident.lon, incident.lat),
    binding: objects.bind(incident.lon, incident.lat)!,
    source: name,
  }));
  const lifecycle: NewLifecycleRecord[] = read('lifecycle-records.json').map((record) => ({
    ...record,
    oid: objects.withExactResourceCode(record.resourceCode)[0]?.oid ?? null,
  }));
  const batch: RecordBatch = { monitoringPoints, incidents, lifecycle };
  const stored = await store.importOnce(key, batch, { name: 'system:import', role: 'admin' });
  return stored ? monitoringPoints.length + incidents.length + lifecycle.length : 0;
}
