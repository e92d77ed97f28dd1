import { type Context, Hono } from 'hono';
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
  const page = async (c: Context, file: string, status: 200 | 404) => {
    const built = await store.get(file);
    if (!built?.bytes) return jsonError(c, 503, 'viewer_not_built', 'The viewer is not built yet: run `npm run build`');
    return c.body(built.bytes, status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  };
  for (const [route, file] of Object.entries(pages)) app.get(route, (c) => page(c, file, 200));
  app.get('/*', async (c) => {
    const pathname = rawPathname(c.req.url);
    const fingerprinted = pathname.startsWith('/assets/');
    const answer = await serveFile(c, store, pathname, {
      cacheControl: fingerprinted ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    });
    // A person who follows a wrong link gets the viewer's own page saying so, in their language, with the way back.
    if (answer.status === 404 && c.req.header('Accept')?.includes('text/html')) return page(c, 'index.html', 404);
    return answer;
  });
  return app;
}
