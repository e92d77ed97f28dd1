import { Hono } from 'hono';
import type { FileStore } from '../files/fileStore.ts';
import { type ServeFileOptions, serveFile } from '../files/serveFile.ts';
import { terrainTileServer } from '../terrain/serveTerrainTile.ts';

/**
 * Serves every file under `store`'s root at `prefix` (which must end in `/`). The path is taken
 * from the raw URL, still percent-encoded, so `serveFile` sees encoded traversal attempts.
 */
export function fileRoutes(prefix: string, store: FileStore, options: ServeFileOptions): Hono {
  const serveTerrainTile = terrainTileServer(store, options);
  return new Hono().get('/*', (c) => {
    const path = rawPathname(c.req.url).slice(prefix.length);
    return path.endsWith('.terrain') ? serveTerrainTile(c, path) : serveFile(c, store, path, options);
  });
}

/** The path of a URL as sent, still percent-encoded (`new URL` would cost more per request). */
export function rawPathname(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const end = url.search(/[?#]/);
  return start < 0 ? '/' : url.slice(start, end < 0 ? undefined : end);
}
