import { Hono } from 'hono';
import type { FileAnswer, FileRequest, ServeFileOptions } from '../files/fileAnswer.ts';
import { answerFile } from '../files/fileAnswer.ts';
import type { FileStore } from '../files/fileStore.ts';
import { fileRequestOf, responseOf } from '../files/serveFile.ts';
import { terrainTileAnswerer } from '../terrain/terrainTileAnswerer.ts';

/** Answers for every file under `store`'s root: terrain tiles trimmed to the extensions asked for, other files as stored. */
export function fileAnswerer(store: FileStore, options: ServeFileOptions): (request: FileRequest, encodedPath: string) => Promise<FileAnswer> {
  const answerTerrainTile = terrainTileAnswerer(store, options);
  return (request, path) => (path.endsWith('.terrain') ? answerTerrainTile(request, path) : answerFile(request, store, path, options));
}

/**
 * Serves every file under `store`'s root at `prefix` (which must end in `/`). The path is taken
 * from the raw URL, still percent-encoded, so the answer sees encoded traversal attempts.
 */
export function fileRoutes(prefix: string, store: FileStore, options: ServeFileOptions): Hono {
  const answer = fileAnswerer(store, options);
  return new Hono().get('/*', async (c) => responseOf(c, await answer(fileRequestOf(c), rawPathname(c.req.url).slice(prefix.length))));
}

/** The path of a URL as sent, still percent-encoded (`new URL` would cost more per request). */
export function rawPathname(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const end = url.search(/[?#]/);
  return start < 0 ? '/' : url.slice(start, end < 0 ? undefined : end);
}
