import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Eventually } from './eventually.ts';
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
  /**
   * Whether a file asked for at `path` may be served from `realPath`, where symlinks lead (both
   * relative to the root, `/`-separated); without it, any real path inside the root may.
   */
  admitsLink?: (path: string, realPath: string) => boolean;
  /** How long a cached answer is trusted before the file is checked on disk again. */
  recheckMs?: number;
  now?: () => number;
}

interface Entry {
  file: StoredFile | undefined;
  checkedAt: number;
  /** Device, inode, size and mtime of `file` as last seen on disk. */
  identity?: string;
}

/**
 * Files of one root folder, served from memory when hot. Reading a tile from disk on every
 * request costs about three times a memory hit, so contents stay cached and are re-validated
 * at most once per `recheckMs`; misses are remembered the same way. A recheck is one `stat`
 * shared by every request that arrives while it runs: with a thousand tiles in use, a check
 * per request resolving the whole path again cost about 15 % of the tile rate.
 */
export class FileStore {
  private readonly entries = new Map<string, Entry>();
  /** Checks under way, by key: concurrent requests for one file wait for the same one. */
  private readonly checks = new Map<string, Promise<StoredFile | undefined>>();
  private cachedBytes = 0;
  private resolvedRoot: Promise<string> | undefined;
  private readonly maxBytes: number;
  private readonly maxFileBytes: number;
  private readonly recheckMs: number;
  private readonly now: () => number;
  private readonly admitsLink: FileStoreOptions['admitsLink'];

  constructor(
    readonly root: string,
    options: FileStoreOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.maxFileBytes = options.maxFileBytes ?? 16 * 1024 * 1024;
    this.recheckMs = options.recheckMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.admitsLink = options.admitsLink;
  }

  /** The file at `path` (from `safePath`), or undefined when there is none. */
  async get(path: string): Promise<StoredFile | undefined> {
    return this.lookup(path);
  }

  /**
   * `get`, answered synchronously while the cached entry is fresh: only a first read or a
   * recheck returns a promise.
   */
  lookup(path: string): Eventually<StoredFile | undefined> {
    const entry = this.entries.get(path);
    const now = this.now();
    if (entry && now - entry.checkedAt < this.recheckMs) {
      // Recency only matters once the cache is near its budget; below that, skip the reordering.
      if (this.cachedBytes > this.maxBytes / 2) this.touch(path, entry);
      return entry.file;
    }
    return this.checks.get(path) ?? this.check(path, entry, now);
  }

  private check(path: string, entry: Entry | undefined, now: number): Promise<StoredFile | undefined> {
    const checking = this.read(path, entry)
      .then(({ file, identity }) => {
        this.remember(path, { file, identity, checkedAt: now }, this.entries.get(path));
        return file;
      })
      .finally(() => this.checks.delete(path));
    this.checks.set(path, checking);
    return checking;
  }

  private async read(path: string, previous: Entry | undefined): Promise<Omit<Entry, 'checkedAt'>> {
    const root = await this.realRoot();
    const info = await stat(join(root, path)).catch(() => undefined);
    if (!info?.isFile()) return { file: undefined };
    const identity = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
    // The very file read last time, whose real path was then found inside the root.
    if (previous?.file && previous.identity === identity) return previous;
    const realPath = await resolveInside(root, path);
    if (realPath === 'not-found') return { file: undefined };
    const relativeReal = realPath.slice(root.length + 1).split(sep).join('/');
    if (relativeReal !== path && this.admitsLink && !this.admitsLink(path, relativeReal)) return { file: undefined };
    const etag = `"${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}"`;
    const lastModified = new Date(info.mtimeMs).toUTCString();
    const file: StoredFile = { path: realPath, size: info.size, mtimeMs: info.mtimeMs, etag, lastModified };
    if (info.size <= this.maxFileBytes) file.bytes = await readFile(realPath);
    return { file, identity };
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
