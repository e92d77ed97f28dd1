import { Hono } from 'hono';
import type { AccessLevel, Role } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { NOT_PUBLISHED, fileOptionsFor } from '../auth/layerFiles.ts';
import type { FileAnswer, FileRequest, ServeFileOptions } from '../files/fileAnswer.ts';
import { answerFile } from '../files/fileAnswer.ts';
import type { Eventually } from '../files/eventually.ts';
import type { FileStore } from '../files/fileStore.ts';
import { fileRequestOf, responseOf } from '../files/serveFile.ts';
import { jsonError } from '../jsonError.ts';
import { terrainTileAnswerer } from '../terrain/terrainTileAnswerer.ts';

export type FileAnswerer = (request: FileRequest, encodedPath: string, options: ServeFileOptions) => Eventually<FileAnswer>;

/** Answers for every file under `store`'s root: terrain tiles trimmed to the extensions asked for, other files as stored. */
export function fileAnswerer(store: FileStore): FileAnswerer {
  const answerTerrainTile = terrainTileAnswerer(store);
  return (request, path, options) => (path.endsWith('.terrain') ? answerTerrainTile(request, path, options) : answerFile(request, store, path, options));
}

/**
 * Serves every file under `store`'s root at `prefix` (which must end in `/`). The path is taken
 * from the raw URL, still percent-encoded, so the answer sees encoded traversal attempts. With
 * `accessFor`, a file is served only under the access level it returns for the caller.
 */
export function fileRoutes(
  prefix: string,
  store: FileStore,
  options: ServeFileOptions,
  accessFor?: (path: string, role: Role) => AccessLevel | undefined,
): Hono<TwinEnv> {
  const answer = fileAnswerer(store);
  return new Hono<TwinEnv>().get('/*', async (c) => {
    const path = rawPathname(c.req.url);
    let fileOptions = options;
    if (accessFor) {
      const level = accessFor(path, c.get('caller').role);
      if (!level) return jsonError(c, 404, 'not_found', NOT_PUBLISHED(path));
      fileOptions = fileOptionsFor(options, level);
    }
    return responseOf(c, await answer(fileRequestOf(c), path.slice(prefix.length), fileOptions));
  });
}

/** The path of a URL as sent, still percent-encoded (`new URL` would cost more per request). */
export function rawPathname(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const end = url.search(/[?#]/);
  return start < 0 ? '/' : url.slice(start, end < 0 ? undefined : end);
}
