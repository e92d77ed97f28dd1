import { type Catalog, type LayerDefinition, type Role, canRead } from '../../layers/index.ts';

interface FileRule {
  layerId: string;
  access: LayerDefinition['access'];
  /** A folder (ending in `/`) whose files all belong to the layer, or one file. */
  path: string;
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
      return paths.filter((path): path is string => path?.startsWith('/data/') === true).map((path) => ({ layerId: layer.id, access: layer.access, path }));
    });
  }

  /** Whether `role` may read the file at `path` (a URL path under `/data/`, still percent-encoded). */
  readable(path: string, role: Role): boolean {
    let decoded: string;
    try {
      decoded = path.includes('%') ? decodeURIComponent(path) : path;
    } catch {
      return false;
    }
    if (decoded.includes('/../') || decoded.includes('\\')) return false;
    return this.rules.some((rule) => (rule.path.endsWith('/') ? decoded.startsWith(rule.path) : decoded === rule.path) && canRead(role, rule.access));
  }
}

const tiled = (layer: LayerDefinition) => layer.kind === 'terrain' || layer.kind === 'buildings' || layer.kind === 'imagery';

/** `/data/a/b/tileset.json` → `/data/a/b/`; `/data/a/{z}/{x}/{y}.png` → `/data/a/`. */
function folderOf(url: string): string {
  const beforeTemplate = url.split('{')[0]!;
  return beforeTemplate.slice(0, beforeTemplate.lastIndexOf('/') + 1);
}
