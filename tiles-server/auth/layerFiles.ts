import { type AccessLevel, type Catalog, type LayerDefinition, type Role, canRead } from '../../layers/index.ts';
import type { ServeFileOptions } from '../files/fileAnswer.ts';

interface FileRule {
  layerId: string;
  access: LayerDefinition['access'];
  /** A folder (ending in `/`) whose files all belong to the layer, or one file. */
  path: string;
  folder: boolean;
}

/**
 * Which files under `/data/` each layer publishes: its table files, its source file, and for
 * tiled layers (terrain, buildings, imagery) the folder of its tiles. The server serves a data
 * file only to a caller who may read a layer publishing it, so the store, the tokens file,
 * source data and records lying in the data folder are never served, and a restricted layer's
 * tiles are as closed as its catalog entry.
 */
export class LayerFiles {
  private readonly rules: FileRule[];

  constructor(catalog: Catalog) {
    this.rules = catalog.layers.flatMap((layer) => {
      const paths = [layer.table?.arrow, layer.table?.parquet, tiled(layer) ? folderOf(layer.source.url) : layer.source.url];
      return paths.filter((path): path is string => path?.startsWith('/data/') === true).map((path) => ({ layerId: layer.id, access: layer.access, path, folder: path.endsWith('/') }));
    });
  }

  /**
   * The access level under which `role` may read the file at `path` (a URL path under `/data/`,
   * still percent-encoded): the most open of the readable layers publishing it; undefined when
   * none may be read.
   */
  accessFor(path: string, role: Role): AccessLevel | undefined {
    let decoded: string;
    try {
      decoded = path.includes('%') ? decodeURIComponent(path) : path;
    } catch {
      return undefined;
    }
    if (decoded.includes('/../') || decoded.includes('\\')) return undefined;
    let level: AccessLevel | undefined;
    for (const rule of this.rules) {
      if (!(rule.folder ? decoded.startsWith(rule.path) : decoded === rule.path) || !canRead(role, rule.access)) continue;
      if (level === undefined || OPENNESS.indexOf(rule.access) < OPENNESS.indexOf(level)) level = rule.access;
    }
    return level;
  }
}

const OPENNESS: readonly AccessLevel[] = ['public', 'internal', 'restricted'];

/**
 * How a file read under `level` is answered: files of layers that are not public must not be
 * kept by shared caches. The same options object every time, since answers are kept by it.
 */
export function fileOptionsFor(options: ServeFileOptions, level: AccessLevel): ServeFileOptions {
  if (level === 'public') return options;
  let kept = privateOptions.get(options);
  if (!kept) privateOptions.set(options, (kept = { ...options, cacheControl: 'private, max-age=300' }));
  return kept;
}

const privateOptions = new WeakMap<ServeFileOptions, ServeFileOptions>();

/** The answer to a data file no readable layer publishes: as if it did not exist. */
export const NOT_PUBLISHED = (path: string) => `No file ${path} in any layer you may read`;

const tiled = (layer: LayerDefinition) => layer.kind === 'terrain' || layer.kind === 'buildings' || layer.kind === 'imagery';

/** `/data/a/b/tileset.json` → `/data/a/b/`; `/data/a/{z}/{x}/{y}.png` → `/data/a/`. */
function folderOf(url: string): string {
  const beforeTemplate = url.split('{')[0]!;
  return beforeTemplate.slice(0, beforeTemplate.lastIndexOf('/') + 1);
}
