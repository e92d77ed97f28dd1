import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { jsonError } from '../jsonError.ts';
import { type ByteRange, parseByteRange } from './byteRange.ts';
import { contentTypeOf } from './contentType.ts';
import type { FileStore, StoredFile } from './fileStore.ts';
import { safeSegments } from './resolveSafePath.ts';

export interface ServeFileOptions {
  cacheControl: string;
  /** Sent with every file answer (CORS headers, say). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * Answers a GET/HEAD for a file of `store`: ETag and 304s, single byte ranges, and a
 * pre-compressed `NAME.gz` sibling sent as `Content-Encoding: gzip` to clients that accept it
 * (decompressed for those that do not).
 *
 * Headers are a plain object, not a `Headers`, and no middleware touches the response: that
 * keeps the Node adapter on its fast path, which is most of the cost of a cached tile.
 */
export async function serveFile(c: Context, store: FileStore, encodedPath: string, options: ServeFileOptions): Promise<Response> {
  const segments = safeSegments(encodedPath);
  if (segments === 'bad-request') return jsonError(c, 400, 'bad_path', 'The path is malformed or tries to leave its folder');
  if (segments === 'not-found') return jsonError(c, 404, 'not_found', `No file at ${c.req.path}`);

  const name = segments[segments.length - 1]!;
  const [plain, gzipped] = await Promise.all([
    store.get(segments),
    name.endsWith('.gz') ? undefined : store.get([...segments.slice(0, -1), `${name}.gz`]),
  ]);
  const gzipAccepted = /\bgzip\b/i.test(c.req.header('Accept-Encoding') ?? '');
  const file = gzipped && (gzipAccepted || !plain) ? gzipped : plain;
  if (!file) return jsonError(c, 404, 'not_found', `No file at ${c.req.path}`);

  const headers: Record<string, string> = {
    ...options.headers,
    'Content-Type': contentTypeOf(name),
    'Cache-Control': options.cacheControl,
    'Last-Modified': file.lastModified,
  };
  if (gzipped) headers.Vary = 'Accept-Encoding';

  if (file === gzipped && !gzipAccepted) {
    headers.ETag = `W/${file.etag}`;
    if (notModified(c, headers.ETag)) return new Response(null, { status: 304, headers });
    return new Response(c.req.method === 'HEAD' ? null : gunzipped(file), { status: 200, headers });
  }

  headers.ETag = file.etag;
  headers['Accept-Ranges'] = 'bytes';
  if (file === gzipped) headers['Content-Encoding'] = 'gzip';
  if (notModified(c, file.etag)) return new Response(null, { status: 304, headers });

  const range = rangeFor(c, file);
  if (range === 'unsatisfiable') {
    headers['Content-Range'] = `bytes */${file.size}`;
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  headers['Content-Length'] = String(end - start + 1);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`;
  const body = c.req.method === 'HEAD' || file.size === 0 ? null : bodyOf(file, { start, end });
  return new Response(body, { status: range ? 206 : 200, headers });
}

function notModified(c: Context, etag: string): boolean {
  const header = c.req.header('If-None-Match');
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((candidate) => candidate.trim() === etag);
}

/** A range applies only while `If-Range` (when sent) still names this version. */
function rangeFor(c: Context, file: StoredFile): ByteRange | 'unsatisfiable' | undefined {
  const ifRange = c.req.header('If-Range');
  if (ifRange && ifRange.trim() !== file.etag) return undefined;
  return parseByteRange(c.req.header('Range'), file.size);
}

function bodyOf(file: StoredFile, { start, end }: ByteRange): BodyInit {
  if (file.bytes) return file.bytes.subarray(start, end + 1);
  return Readable.toWeb(createReadStream(file.path, { start, end })) as ReadableStream;
}

function gunzipped(file: StoredFile): BodyInit {
  if (file.bytes) return gunzipSync(file.bytes);
  return Readable.toWeb(createReadStream(file.path).pipe(createGunzip())) as ReadableStream;
}
