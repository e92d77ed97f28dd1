import { Hono } from 'hono';
import type { FileStore } from '../files/fileStore.ts';
import { serveFile } from '../files/serveFile.ts';
import { jsonError } from '../jsonError.ts';
import { rawPathname } from './files.ts';

/** Client-side routes of the viewer app; each is answered with its index.html. */
const appRoutes = ['/', '/present/:id'];

/**
 * The built viewer: its pages, and its files; fingerprinted assets are cached for a year
 * (their names change with their content).
 */
export function viewerRoutes(store: FileStore): Hono {
  const app = new Hono();
  for (const route of appRoutes) {
    app.get(route, async (c) => {
      const index = await store.get(['index.html']);
      if (!index?.bytes) return jsonError(c, 503, 'viewer_not_built', 'The viewer is not built yet: run `npm run build`');
      return c.body(index.bytes, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    });
  }
  app.get('/*', (c) => {
    const pathname = rawPathname(c.req.url);
    const fingerprinted = pathname.startsWith('/assets/');
    return serveFile(c, store, pathname, {
      cacheControl: fingerprinted ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    });
  });
  return app;
}
