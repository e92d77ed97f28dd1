import type { MiddlewareHandler } from 'hono';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROL = /[\u0000-\u001f\u007f]/;

const decoded = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * Refuses a request whose path or query holds a control character (a NUL, a line break): no id,
 * code or filter value of the twin holds one, and PostgreSQL cannot even compare text with a NUL,
 * so it is a 400 naming where it is rather than a lookup that finds nothing, or fails.
 */
export function refuseControlCharacters(): MiddlewareHandler<TwinEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (CONTROL.test(decoded(url.pathname))) return jsonError(c, 400, 'invalid_parameter', 'The path holds a control character');
    for (const [name, value] of url.searchParams) {
      if (CONTROL.test(name) || CONTROL.test(value)) return jsonError(c, 400, 'invalid_parameter', `The query parameter "${name.replace(CONTROL, '?')}" holds a control character`);
    }
    return next();
  };
}
