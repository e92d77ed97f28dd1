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

/**
 * Loads a `records/` folder written by the pipeline (the sample twin's monitoring points, seed
 * incidents and resource-code lifecycle records) into the store, bound to the objects they lie
 * in, once: a store that has it already is left alone. Says how many records it stored.
 */
export async function importRecordsOnce(store: TwinStore, objects: ObjectIndex, folder: string, name: string): Promise<number> {
  // Every start comes here: do not read and bind the files again once they are stored.
  if (await store.hasImported(name)) return 0;
  const read = async <K extends keyof RecordFiles>(file: K): Promise<RecordFiles[K]> => {
    const text = await readFile(join(folder, file), 'utf8').catch(() => '[]');
    try {
      return JSON.parse(text) as RecordFiles[K];
    } catch (error) {
      throw new Error(`${join(folder, file)} is not valid JSON: ${error instanceof Error ? error.message : error}`);
    }
  };
  const monitoringPoints: NewMonitoringPoint[] = (await read('monitoring-points.json')).map((point) => ({
    ...point,
    township: point.township ?? objects.adminCodeAt(point.lon, point.lat),
    binding: objects.bind(point.lon, point.lat)!,
  }));
  const incidents: NewIncident[] = (await read('incidents.json')).map((incident) => ({
    ...incident,
    township: incident.township ?? objects.adminCodeAt(incident.lon, incident.lat),
    binding: objects.bind(incident.lon, incident.lat)!,
    source: name,
  }));
  const lifecycle: NewLifecycleRecord[] = (await read('lifecycle-records.json')).map((record) => ({
    ...record,
    oid: objects.withExactResourceCode(record.resourceCode)[0]?.oid ?? null,
  }));
  const batch: RecordBatch = { monitoringPoints, incidents, lifecycle };
  const stored = await store.importOnce(name, batch, { name: 'system:import', role: 'admin' });
  return stored ? monitoringPoints.length + incidents.length + lifecycle.length : 0;
}
