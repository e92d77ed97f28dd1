import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../layers/index.ts';
import { jsonError } from '../jsonError.ts';
import { ANONYMOUS, type Caller, type TwinEnv } from './caller.ts';
import type { TokenRegistry } from './tokens.ts';

export type Credentials = { caller: Caller } | { problem: string };

/**
 * The caller named by an `Authorization: Bearer <token>` header or an `access_token` query
 * parameter; anonymous with neither. An unknown token is refused rather than treated as
 * anonymous, so a typo does not silently hide layers.
 */
export function callerFor(authorization: string | undefined, queryToken: string | undefined, tokens: TokenRegistry): Credentials {
  if (authorization !== undefined && !/^Bearer\s+\S+$/i.test(authorization)) return { problem: 'The Authorization header must be "Bearer <token>"' };
  const token = authorization?.replace(/^Bearer\s+/i, '') ?? queryToken;
  if (token === undefined) return { caller: ANONYMOUS };
  const caller = tokens.lookup(token);
  return caller ? { caller } : { problem: 'The API token is not known to this server' };
}

/** A request target split into its path and its `access_token` query parameter, if any. */
export function pathAndQueryToken(target: string): { path: string; queryToken: string | undefined } {
  const queryAt = target.indexOf('?');
  if (queryAt < 0) return { path: target, queryToken: undefined };
  return { path: target.slice(0, queryAt), queryToken: new URLSearchParams(target.slice(queryAt + 1)).get('access_token') ?? undefined };
}

/** Sets the caller of every request (see callerFor); `?access_token=` counts on GET, since a browser's EventSource cannot send headers. */
export function authenticate(tokens: TokenRegistry): MiddlewareHandler<TwinEnv> {
  return async (c, next) => {
    const readOnly = c.req.method === 'GET' || c.req.method === 'HEAD';
    const credentials = callerFor(c.req.header('Authorization'), readOnly ? c.req.query('access_token') : undefined, tokens);
    if ('problem' in credentials) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      return jsonError(c, 401, 'invalid_token', credentials.problem);
    }
    c.set('caller', credentials.caller);
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
