import { stat } from 'node:fs/promises';
import { catalogEntryFiles } from './loadCatalog.ts';
import { recordFiles } from './records/importRecordFolders.ts';

/**
 * What the catalog and the records to import are made of right now: the catalog file, each entry
 * file of the data folder and each dataset's records, by size and modification time. An import
 * publishes by renaming its folder into place, so a new, replaced or removed layer changes it.
 */
export async function catalogFingerprint(catalogPath: string, dataDir: string): Promise<string> {
  const files = [catalogPath, ...(await catalogEntryFiles(dataDir)), ...(await recordFiles(dataDir))];
  const parts = await Promise.all(
    files.map(async (file) => {
      const stats = await stat(file).catch(() => undefined);
      return stats ? `${file}:${stats.size}:${stats.mtimeMs}` : '';
    }),
  );
  return parts.filter(Boolean).join('\n');
}

/**
 * Calls `onChange` when the catalog's files change and then hold still for one more look (an
 * import in progress settles first), one call at a time, until it succeeds. Polling, not file events: it costs a
 * few directory reads a second and works on every file system, network shares included.
 */
export function watchCatalog(options: {
  catalogPath: string;
  dataDir: string;
  /** The fingerprint of what the server loaded. */
  loaded: string;
  intervalMs: number;
  /** Loads the changed catalog; false when it could not (the change is tried again). */
  onChange: () => Promise<boolean>;
}): { stop: () => void } {
  const { catalogPath, dataDir, intervalMs, onChange } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let applied = options.loaded;
  let seen = options.loaded;
  const look = async () => {
    const now = await catalogFingerprint(catalogPath, dataDir);
    // Applied once it loads: a change that failed (a half-written catalog file, say) is tried again at the next look.
    if (now !== applied && now === seen && (await onChange())) applied = now;
    seen = now;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      look().catch((error: unknown) => console.error('Could not look at the catalog for changes:', error)).finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
