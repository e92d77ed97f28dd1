import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { jsonError } from '../jsonError.ts';
import { type FileAnswer, type FileRequest, type ServeFileOptions, answerFile } from './fileAnswer.ts';
import type { FileStore } from './fileStore.ts';

export type { ServeFileOptions } from './fileAnswer.ts';

/** The request of a Hono context as a file answer needs it. */
export function fileRequestOf(c: Context): FileRequest {
  return { method: c.req.method, header: (name) => c.req.header(name) };
}

/**
 * A file answer as a Response. Headers stay a plain object and no middleware touches the
 * response: that keeps the Node adapter on its fast path (docs/adr/0002).
 */
export function responseOf(c: Context, answer: FileAnswer): Response {
  if (answer.error) return jsonError(c, answer.status as 400 | 404, answer.error.code, answer.error.message);
  const body = typeof answer.body === 'function' ? (Readable.toWeb(answer.body()) as ReadableStream) : answer.body;
  return new Response(body as BodyInit | null, { status: answer.status, headers: answer.headers });
}

export async function serveFile(c: Context, store: FileStore, encodedPath: string, options: ServeFileOptions): Promise<Response> {
  return responseOf(c, await answerFile(fileRequestOf(c), store, encodedPath, options));
}
