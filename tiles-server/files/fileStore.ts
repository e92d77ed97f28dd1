import { readFile, realpath, stat } from 'node:fs/promises';
import { resolveInside } from './resolveSafePath.ts';

/** A regular file under a store's root, with its bytes when small enough to keep in memory. */
export interface StoredFile {
  path: string;
  size: number;
  mtimeMs: number;
  etag: string;
  /** `mtime` as an HTTP date, formatted once. */
  lastModified: string;
  /** Absent for files over the per-file limit: those are streamed from disk. */
  bytes?: Uint8Array<ArrayBuffer>;
}

export interface FileStoreOptions {
  /** Memory budget for file contents (least recently used files are dropped first). */
  maxBytes?: number;
  /** Files above this size are never held in memory. */
  maxFileBytes?: number;
  /** How long a cached answer is trusted before the file is checked on disk again. */
  recheckMs?: number;
  now?: () => number;
}

interface Entry {
  file: StoredFile | undefined;
  checkedAt: number;
}

/**
 * Files of one root folder, served from memory when hot. Reading a tile from disk on every
 * request costs about three times a memory hit, so contents stay cached and are re-validated
 * (size and mtime) at most once per `recheckMs`; misses are remembered the same way.
 */
export class FileStore {
  private readonly entries = new Map<string, Entry>();
  private cachedBytes = 0;
  private resolvedRoot: Promise<string> | undefined;
  private readonly maxBytes: number;
  private readonly maxFileBytes: number;
  private readonly recheckMs: number;
  private readonly now: () => number;

  constructor(
    readonly root: string,
    options: FileStoreOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.maxFileBytes = options.maxFileBytes ?? 16 * 1024 * 1024;
    this.recheckMs = options.recheckMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** The file at `segments` (already checked by `safeSegments`), or undefined when there is none. */
  async get(segments: string[]): Promise<StoredFile | undefined> {
    const key = segments.join('/');
    const entry = this.entries.get(key);
    const now = this.now();
    if (entry && now - entry.checkedAt < this.recheckMs) {
      // Recency only matters once the cache is near its budget; below that, skip the reordering.
      if (this.cachedBytes > this.maxBytes / 2) this.touch(key, entry);
      return entry.file;
    }
    const file = await this.load(segments, entry?.file);
    this.remember(key, { file, checkedAt: now }, entry);
    return file;
  }

  private async load(segments: string[], previous: StoredFile | undefined): Promise<StoredFile | undefined> {
    const path = await resolveInside(await this.realRoot(), segments);
    if (path === 'not-found') return undefined;
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    if (previous && previous.path === path && previous.size === info.size && previous.mtimeMs === info.mtimeMs) {
      return previous;
    }
    const etag = `"${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}"`;
    const lastModified = new Date(info.mtimeMs).toUTCString();
    const file: StoredFile = { path, size: info.size, mtimeMs: info.mtimeMs, etag, lastModified };
    if (info.size <= this.maxFileBytes) file.bytes = await readFile(path);
    return file;
  }

  /** The root with symlinks resolved, looked up once. */
  private realRoot(): Promise<string> {
    this.resolvedRoot ??= realpath(this.root);
    return this.resolvedRoot;
  }

  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private remember(key: string, entry: Entry, replaced: Entry | undefined): void {
    if (replaced) {
      this.cachedBytes -= replaced.file?.bytes?.byteLength ?? 0;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.cachedBytes += entry.file?.bytes?.byteLength ?? 0;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.cachedBytes <= this.maxBytes && this.entries.size <= 100_000) break;
      this.entries.delete(oldestKey);
      this.cachedBytes -= oldest.file?.bytes?.byteLength ?? 0;
    }
  }
}
