import { Hono } from 'hono';
import type { FileStore } from '../files/fileStore.ts';
import { serveFile } from '../files/serveFile.ts';

/**
 * Serves every file under `store`'s root at `prefix` (which must end in `/`). The path is taken
 * from the raw URL, still percent-encoded, so `serveFile` sees encoded traversal attempts.
 */
export function fileRoutes(prefix: string, store: FileStore, cacheControl: string): Hono {
  return new Hono().get('/*', (c) => {
    const pathname = new URL(c.req.url).pathname;
    return serveFile(c, store, pathname.slice(prefix.length), cacheControl);
  });
}
