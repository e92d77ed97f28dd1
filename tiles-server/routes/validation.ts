import type { Context } from 'hono';
import type { z } from 'zod';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';

type Parsed<T> = { data: T; error?: undefined } | { data?: undefined; error: Response };

/** The query string checked against `schema`; a failure is a 400 naming the parameter. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): Parsed<z.infer<T>> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { error: jsonError(c, 400, 'invalid_parameter', `Query parameter "${issue.path.join('.')}" ${issue.message}`) };
}

/**
 * The JSON body checked against `schema`; a failure is a 400 naming the field (`readings.3.value`).
 * The body is read as it streams, with or without a Content-Length, and refused with 413 once it
 * passes the limit `bodyCap` set.
 */
export async function parseBody<T extends z.ZodType>(c: Context<TwinEnv>, schema: T): Promise<Parsed<z.infer<T>>> {
  const limit = c.get('maxBodyBytes');
  const text = await readCapped(c.req.raw.body, limit);
  if (text === undefined) return { error: bodyTooLarge(c, limit) };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: jsonError(c, 400, 'invalid_body', 'The body must be JSON (Content-Type: application/json)') };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || '(body)';
  return { error: jsonError(c, 400, 'invalid_field', `Field "${field}": ${issue.message}`) };
}

export function bodyTooLarge(c: Context, limit: number): Response {
  return jsonError(c, 413, 'body_too_large', `The request body is over the limit of ${limit} bytes`);
}

/** The body as text, or undefined once it passes `limit` bytes (the rest is not read). */
async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string | undefined> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
