import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../layers/index.ts';
import { jsonError } from '../jsonError.ts';
import { ANONYMOUS, type TwinEnv } from './caller.ts';
import type { TokenRegistry } from './tokens.ts';

/**
 * Sets the caller from `Authorization: Bearer <token>`, or from `?access_token=` on GET requests
 * (a browser's EventSource cannot send headers). No token: anonymous. An unknown token is
 * refused rather than treated as anonymous, so a typo does not silently hide layers.
 */
export function authenticate(tokens: TokenRegistry): MiddlewareHandler<TwinEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    const fromQuery = c.req.method === 'GET' || c.req.method === 'HEAD' ? c.req.query('access_token') : undefined;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? fromQuery;
    if (header && !header.match(/^Bearer\s+\S+$/i)) {
      return jsonError(c, 401, 'invalid_token', 'The Authorization header must be "Bearer <token>"');
    }
    if (token === undefined) {
      c.set('caller', ANONYMOUS);
      return next();
    }
    const caller = tokens.lookup(token);
    if (!caller) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      return jsonError(c, 401, 'invalid_token', 'The API token is not known to this server');
    }
    c.set('caller', caller);
    return next();
  };
}

const rank: Record<Role, number> = { anonymous: 0, viewer: 1, operator: 2, admin: 3 };

/** Lets the request through only for callers with at least `role`: 401 without a token, 403 with too weak a one. */
export function requireRole(role: Exclude<Role, 'anonymous'>): MiddlewareHandler<TwinEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    if (caller.role === 'anonymous') {
      c.header('WWW-Authenticate', 'Bearer');
      return jsonError(c, 401, 'unauthorized', `This needs an API token with the ${role} role`);
    }
    if (rank[caller.role] < rank[role]) return jsonError(c, 403, 'forbidden', `The token of "${caller.name}" has the ${caller.role} role; this needs ${role}`);
    return next();
  };
}
