import type { Context } from 'hono';
import type { z } from 'zod';
import { jsonError } from '../jsonError.ts';

type Parsed<T> = { data: T; error?: undefined } | { data?: undefined; error: Response };

/** The query string checked against `schema`; a failure is a 400 naming the parameter. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): Parsed<z.infer<T>> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { error: jsonError(c, 400, 'invalid_parameter', `Query parameter "${issue.path.join('.')}" ${issue.message}`) };
}

/** The JSON body checked against `schema`; a failure is a 400 naming the field (`readings.3.value`). */
export async function parseBody<T extends z.ZodType>(c: Context, schema: T): Promise<Parsed<z.infer<T>>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { error: jsonError(c, 400, 'invalid_body', 'The body must be JSON (Content-Type: application/json)') };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || '(body)';
  return { error: jsonError(c, 400, 'invalid_field', `Field "${field}": ${issue.message}`) };
}
