import type { MiddlewareHandler } from 'hono';
import type { TwinEnv } from '../auth/caller.ts';
import { bodyTooLarge } from './validation.ts';

/**
 * Sets the largest body a route may read (`parseBody` reads up to it as the body streams, so a
 * chunked body or one with no Content-Length is capped too) and refuses at once a body whose
 * declared length is over it.
 */
export function bodyCap(maxBytes: number): MiddlewareHandler<TwinEnv> {
  return async (c, next) => {
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && Number(declared) > maxBytes) return bodyTooLarge(c, maxBytes);
    c.set('maxBodyBytes', maxBytes);
    return next();
  };
}
