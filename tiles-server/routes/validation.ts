import type { Context } from 'hono';
import { z } from 'zod';
import { isDisplaySafe } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';

type Parsed<T> = { data: T; error?: undefined } | { data?: undefined; error: Response };

const UNSAFE_LINE = /[\n\r\t]/;

/**
 * Text from a person: trimmed, at most `max` characters, no control or direction-override
 * characters; not empty unless `empty`; `line` also refuses line breaks and tabs.
 */
export const Text = (max: number, options: { line?: boolean; empty?: boolean } = {}) =>
  z
    .string()
    .trim()
    .min(options.empty ? 0 : 1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((text) => isDisplaySafe(text) && !(options.line && UNSAFE_LINE.test(text)), {
      message: options.line ? 'must not hold control characters, line breaks or text-direction overrides' : 'must not hold control characters or text-direction overrides',
    });

/** An instant with its UTC offset, stored and compared in UTC (`+08:00` and `Z` name the same instant alike). */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with its offset, e.g. 2026-11-28T09:30:00Z or 2026-11-28T17:30:00+08:00' })
  .transform((value) => new Date(value).toISOString());

/** The largest magnitude of a measured value or threshold; far above any sensor, far below where storage loses its footing. */
export const MAX_MEASUREMENT = 1e12;

/** A measured value or threshold: a finite number within ±MAX_MEASUREMENT. */
export const Measurement = z
  .number()
  .min(-MAX_MEASUREMENT, `must be at least -${MAX_MEASUREMENT.toExponential()}`)
  .max(MAX_MEASUREMENT, `must be at most ${MAX_MEASUREMENT.toExponential()}`);

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
