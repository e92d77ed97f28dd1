import { type AccessLevel, type Catalog, LAYER_CAPABILITIES, type LayerDefinition, PIPELINE_FILES, type Role, canRead } from '../../layers/index.ts';
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
 * tiled kinds (LAYER_CAPABILITIES) the folder of its tiles, less the pipeline's own
 * files there (catalog entry, import report). A data file is served at the strictest access
 * level of any layer publishing it, and only to a caller who may read that level, so the store,
 * the tokens file, source data and records lying in the data folder are never served, and a
 * file two layers share is as closed as the more closed of them.
 */
export class LayerFiles {
  private readonly rules: FileRule[];

  constructor(catalog: Catalog) {
    this.rules = catalog.layers.flatMap((layer) => {
      const paths = [layer.table?.arrow, layer.table?.parquet, LAYER_CAPABILITIES[layer.kind].tiled ? folderOf(layer.source.url) : layer.source.url];
      return paths.filter((path): path is string => path?.startsWith('/data/') === true).map((path) => ({ layerId: layer.id, access: layer.access, path, folder: path.endsWith('/') }));
    });
  }

  /** Each file or folder a layer publishes, with that layer's access level (a path may appear under several). */
  get publications(): readonly Readonly<FileRule>[] {
    return this.rules;
  }

  /**
   * The access level under which `role` may read the file at `path` (a URL path under `/data/`,
   * still percent-encoded): the strictest of the layers publishing it; undefined when it is not
   * published or `role` may not read that level.
   */
  accessFor(path: string, role: Role): AccessLevel | undefined {
    let decoded: string;
    try {
      decoded = path.includes('%') ? decodeURIComponent(path) : path;
    } catch {
      return undefined;
    }
    if (decoded.includes('/../') || decoded.includes('\\')) return undefined;
    const level = this.levelOf(decoded);
    return level !== undefined && canRead(role, level) ? level : undefined;
  }

  /**
   * Whether a file asked for at `path` may be served from `realPath`, where a symlink leads (both
   * decoded, under `/data/`): only when the real path is published too, at a level no stricter
   * than the path asked for, so a link cannot open a file wider than its own layers do.
   */
  admitsTarget(path: string, realPath: string): boolean {
    // A `.gz` sibling is published with the file it compresses.
    const asked = this.levelOf(path) ?? this.levelOf(path.replace(/\.gz$/, ''));
    const real = this.levelOf(realPath) ?? this.levelOf(realPath.replace(/\.gz$/, ''));
    return asked !== undefined && real !== undefined && OPENNESS.indexOf(real) <= OPENNESS.indexOf(asked);
  }

  /** Files or folders that layers of different access levels publish, one line each, for the start-up log. */
  sharedAtDifferentLevels(): string[] {
    const lines: string[] = [];
    for (const [i, a] of this.rules.entries()) {
      for (const b of this.rules.slice(i + 1)) {
        if (a.access === b.access || a.layerId === b.layerId || !(covers(a, b.path) || covers(b, a.path))) continue;
        const [open, closed] = OPENNESS.indexOf(a.access) < OPENNESS.indexOf(b.access) ? [a, b] : [b, a];
        const shared = covers(a, b.path) ? b.path : a.path;
        lines.push(`Layers "${open.layerId}" (${open.access}) and "${closed.layerId}" (${closed.access}) both publish ${shared}: it is served as ${closed.access} to both`);
      }
    }
    return lines;
  }

  /** The strictest access level of the layers publishing the decoded `path`, undefined when none does. */
  private levelOf(path: string): AccessLevel | undefined {
    let level: AccessLevel | undefined;
    for (const rule of this.rules) {
      if (!covers(rule, path) || (rule.folder && isPipelineFile(path))) continue;
      if (level === undefined || OPENNESS.indexOf(rule.access) > OPENNESS.indexOf(level)) level = rule.access;
    }
    return level;
  }
}

/** Access levels from the most open to the most closed. */
const OPENNESS: readonly AccessLevel[] = ['public', 'internal', 'restricted'];

/** Whether a rule publishes `path`, a file or a folder. */
const covers = (rule: FileRule, path: string) => (rule.folder ? path.startsWith(rule.path) : path === rule.path);

/** A pipeline file (or its `.gz`) inside a published folder: the folder does not publish it. */
const isPipelineFile = (path: string) => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return PIPELINE_FILES.some((pipelineFile) => name === pipelineFile || name === `${pipelineFile}.gz`);
};

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

/** `/data/a/b/tileset.json` → `/data/a/b/`; `/data/a/{z}/{x}/{y}.png` → `/data/a/`. */
function folderOf(url: string): string {
  const beforeTemplate = url.split('{')[0]!;
  return beforeTemplate.slice(0, beforeTemplate.lastIndexOf('/') + 1);
}
