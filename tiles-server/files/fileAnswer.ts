import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { type ByteRange, parseByteRange } from './byteRange.ts';
import { contentTypeOf } from './contentType.ts';
import type { Eventually } from './eventually.ts';
import type { FileStore, StoredFile } from './fileStore.ts';
import { safePath } from './resolveSafePath.ts';

export interface ServeFileOptions {
  cacheControl: string;
  /** Sent with every file answer (CORS headers, say). */
  headers?: Readonly<Record<string, string>>;
}

/** What a file answer depends on, from Hono's context or a bare Node request alike. */
export interface FileRequest {
  method: string;
  /** The value of a request header; `name` in lower case, as Node keys them. */
  header(name: string): string | undefined;
}

/** A file answer before it is written: bytes in memory, a stream from disk, or nothing. */
export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | (() => Readable) | null;
  /** Set on errors: the JSON error code and message. */
  error?: { code: string; message: string };
}

/**
 * Answers a GET/HEAD for a file of `store`: ETag and 304s, single byte ranges, and a
 * pre-compressed `NAME.gz` sibling sent as `Content-Encoding: gzip` to clients that accept it
 * (decompressed for those that do not). Framework-free, so the data fast lane and the Hono
 * routes answer alike; synchronous while the store has the files in memory.
 */
export function answerFile(request: FileRequest, store: FileStore, encodedPath: string, options: ServeFileOptions): Eventually<FileAnswer> {
  const path = safePath(encodedPath);
  if (path === 'bad-request') return failure(400, 'bad_path', 'The path is malformed or tries to leave its folder');
  if (path === 'not-found') return failure(404, 'not_found', `No file at ${encodedPath}`);
  return answerSafePath(request, store, path, encodedPath, options);
}

/** `answerFile` for a `path` that `safePath` made of `encodedPath` already. */
export function answerSafePath(request: FileRequest, store: FileStore, path: string, encodedPath: string, options: ServeFileOptions): Eventually<FileAnswer> {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const plain = store.lookup(path);
  const gzipped = name.endsWith('.gz') ? undefined : store.lookup(`${path}.gz`);
  if (plain instanceof Promise || gzipped instanceof Promise) {
    return Promise.all([plain, gzipped]).then(([plainFile, gzippedFile]) => answerStored(request, encodedPath, name, plainFile, gzippedFile, options));
  }
  return answerStored(request, encodedPath, name, plain, gzipped, options);
}

/**
 * Whole-file answers to plain GETs (no validator, no range), by options and file version:
 * the same every time, so built once: most tile traffic is these. A `.gz` file sent as the
 * encoding of its plain name is answered apart from the same file asked for by its own name.
 */
const wholeFileAnswers = new WeakMap<ServeFileOptions, Record<'identity' | 'gzip', WeakMap<StoredFile, FileAnswer>>>();

function answerStored(
  request: FileRequest,
  encodedPath: string,
  name: string,
  plain: StoredFile | undefined,
  gzipped: StoredFile | undefined,
  options: ServeFileOptions,
): FileAnswer {
  const gzipAccepted = /\bgzip\b/i.test(request.header('accept-encoding') ?? '');
  const file = gzipped && (gzipAccepted || !plain) ? gzipped : plain;
  if (!file) return failure(404, 'not_found', `No file at ${encodedPath}`);

  const encoding = file === gzipped ? (gzipAccepted ? 'gzip' : undefined) : gzipped ? undefined : 'identity';
  if (!encoding || request.method !== 'GET' || request.header('if-none-match') || request.header('range')) {
    return answerFileVersion(request, name, file, gzipped, gzipAccepted, options);
  }
  let answers = wholeFileAnswers.get(options);
  if (!answers) wholeFileAnswers.set(options, (answers = { identity: new WeakMap(), gzip: new WeakMap() }));
  let answer = answers[encoding].get(file);
  if (!answer) answers[encoding].set(file, (answer = answerFileVersion(request, name, file, gzipped, gzipAccepted, options)));
  return answer;
}

function answerFileVersion(
  request: FileRequest,
  name: string,
  file: StoredFile,
  gzipped: StoredFile | undefined,
  gzipAccepted: boolean,
  options: ServeFileOptions,
): FileAnswer {
  const headers: Record<string, string> = {
    'Content-Type': contentTypeOf(name),
    'Cache-Control': options.cacheControl,
    'Last-Modified': file.lastModified,
    // Spread last: spreading first leaves V8 a dictionary-mode object that Node writes about a third slower.
    ...options.headers,
  };
  if (gzipped) headers.Vary = 'Accept-Encoding';
  const head = request.method === 'HEAD';

  if (file === gzipped && !gzipAccepted) {
    headers.ETag = `W/${file.etag}`;
    if (notModified(request, headers.ETag)) return { status: 304, headers, body: null };
    return { status: 200, headers, body: head ? null : gunzipped(file) };
  }

  headers.ETag = file.etag;
  headers['Accept-Ranges'] = 'bytes';
  if (file === gzipped) headers['Content-Encoding'] = 'gzip';
  if (notModified(request, file.etag)) return { status: 304, headers, body: null };

  const range = rangeFor(request, file);
  if (range === 'unsatisfiable') {
    headers['Content-Range'] = `bytes */${file.size}`;
    return { status: 416, headers, body: null };
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  headers['Content-Length'] = String(end - start + 1);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`;
  return { status: range ? 206 : 200, headers, body: head || file.size === 0 ? null : bodyOf(file, { start, end }) };
}

export function failure(status: number, code: string, message: string): FileAnswer {
  return { status, headers: { 'Content-Type': 'application/json' }, body: null, error: { code, message } };
}

export function notModified(request: FileRequest, etag: string): boolean {
  const header = request.header('if-none-match');
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((candidate) => candidate.trim() === etag);
}

/** A range applies only while `If-Range` (when sent) still names this version. */
function rangeFor(request: FileRequest, file: StoredFile): ByteRange | 'unsatisfiable' | undefined {
  const ifRange = request.header('if-range');
  if (ifRange && ifRange.trim() !== file.etag) return undefined;
  return parseByteRange(request.header('range'), file.size);
}

function bodyOf(file: StoredFile, { start, end }: ByteRange): FileAnswer['body'] {
  if (file.bytes) return start === 0 && end === file.size - 1 ? file.bytes : file.bytes.subarray(start, end + 1);
  return () => createReadStream(file.path, { start, end });
}

function gunzipped(file: StoredFile): FileAnswer['body'] {
  if (file.bytes) return gunzipSync(file.bytes);
  return () => createReadStream(file.path).pipe(createGunzip());
}
