import { gunzipSync, gzipSync } from 'node:zlib';
import { type Eventually, andThen } from '../files/eventually.ts';
import { type FileAnswer, type FileRequest, type ServeFileOptions, answerFile, answerSafePath, notModified } from '../files/fileAnswer.ts';
import type { FileStore, StoredFile } from '../files/fileStore.ts';
import { safePath } from '../files/resolveSafePath.ts';
import { QUANTIZED_MESH, requestedExtensions } from '../../layers/index.ts';
import { keepExtensions, tileExtensions } from './quantizedMeshExtensions.ts';

interface TileVariants {
  /** Undefined for a tile that cannot be parsed: it is served as stored. */
  extensions: string[] | undefined;
  /** Gzipped tiles without the extensions a client did not ask for, by the requested set. */
  reduced: Map<string, Uint8Array<ArrayBuffer>>;
}

/**
 * Terrain tiles are stored gzipped with every extension. A client that asks for all of them
 * (Cesium with vertex normals does) gets the stored bytes; one that asks for fewer gets a copy
 * without the others, made once per version of the tile and kept.
 */
export function terrainTileAnswerer(store: FileStore) {
  const variants = new WeakMap<StoredFile, TileVariants>();

  const answerTile = (request: FileRequest, path: string, encodedPath: string, options: ServeFileOptions, stored: StoredFile | undefined): Eventually<FileAnswer> => {
    if (!stored?.bytes) return answerSafePath(request, store, path, encodedPath, options);
    let tile = variants.get(stored);
    if (!tile) {
      tile = { extensions: readableExtensions(stored.bytes), reduced: new Map() };
      variants.set(stored, tile);
    }
    const wanted = requestedExtensions(request.header('accept'));
    const kept = tile.extensions?.filter((name) => wanted.has(name));
    if (!kept || kept.length === tile.extensions!.length) return answerSafePath(request, store, path, encodedPath, options);

    const key = kept.join('-');
    let bytes = tile.reduced.get(key);
    if (!bytes) {
      bytes = new Uint8Array(gzipSync(keepExtensions(gunzipSync(stored.bytes), new Set(kept))));
      tile.reduced.set(key, bytes);
    }
    const etag = `"${stored.etag.slice(1, -1)}-${key || 'core'}"`;
    const headers: Record<string, string> = {
      'Content-Type': QUANTIZED_MESH,
      'Content-Encoding': 'gzip',
      'Cache-Control': options.cacheControl,
      'Last-Modified': stored.lastModified,
      ETag: etag,
      Vary: 'Accept, Accept-Encoding',
      ...options.headers,
    };
    if (notModified(request, etag)) return { status: 304, headers, body: null };
    return { status: 200, headers, body: request.method === 'HEAD' ? null : bytes };
  };

  return (request: FileRequest, encodedPath: string, options: ServeFileOptions): Eventually<FileAnswer> => {
    const path = safePath(encodedPath);
    if (path === 'bad-request' || path === 'not-found') return answerFile(request, store, encodedPath, options);
    return andThen(store.lookup(`${path}.gz`), (stored) => answerTile(request, path, encodedPath, options, stored));
  };
}

function readableExtensions(gzipped: Uint8Array): string[] | undefined {
  try {
    return tileExtensions(gunzipSync(gzipped));
  } catch {
    return undefined;
  }
}
