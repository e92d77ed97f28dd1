import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipelineMetadata } from '../datasets/output/catalogEntry.ts';
import { CATALOG_ENTRY_FILE } from '../layers/index.ts';

/**
 * Writes beside a benchmark's generated layer the catalog entry that makes the twin serve it:
 * hidden until switched on, public, and marked as synthetic data of that benchmark.
 */
export async function writeBenchLayerEntry(dir: string, benchmark: string, entry: Record<string, unknown>): Promise<void> {
  const metadata = pipelineMetadata({ sourceSystem: `wuyi-twin ${benchmark} benchmark`, updateFrequency: 'static', originalCrs: 'EPSG:4326', synthetic: true });
  await writeFile(join(dir, CATALOG_ENTRY_FILE), JSON.stringify({ visible: false, access: 'public', ...entry, metadata }));
}
