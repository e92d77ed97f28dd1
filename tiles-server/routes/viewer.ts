import { Hono } from 'hono';
import type { FileStore } from '../files/fileStore.ts';
import { serveFile } from '../files/serveFile.ts';
import { jsonError } from '../jsonError.ts';
import { rawPathname } from './files.ts';

/**
 * The viewer's pages: the full viewer (with its presentation route, a client-side route of the
 * same page), and the lite one (three.js) for light devices, wall screens and embedding.
 */
const pages: Record<string, string> = { '/': 'index.html', '/present/:id': 'index.html', '/lite': 'lite.html' };

/**
 * The built viewer: its pages, and its files; fingerprinted assets are cached for a year
 * (their names change with their content).
 */
export function viewerRoutes(store: FileStore): Hono {
  const app = new Hono();
  for (const [route, file] of Object.entries(pages)) {
    app.get(route, async (c) => {
      const page = await store.get(file);
      if (!page?.bytes) return jsonError(c, 503, 'viewer_not_built', 'The viewer is not built yet: run `npm run build`');
      return c.body(page.bytes, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
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
