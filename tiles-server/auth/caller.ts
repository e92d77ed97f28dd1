import type { HttpBindings } from '@hono/node-server';
import type { Role } from '../../layers/index.ts';

/** Who sent a request: a named token's holder, or an anonymous visitor. */
export interface Caller {
  name: string;
  role: Role;
}

export const ANONYMOUS: Caller = { name: 'anonymous', role: 'anonymous' };

/**
 * Hono's typing for the twin's routes: the caller set by `authenticate`, the body limit set by
 * `bodyCap`, and Node's request and response when the app runs on Node's server (not in
 * `app.request`, as route tests call it).
 */
export interface TwinEnv {
  Variables: { caller: Caller; maxBodyBytes: number };
  Bindings: Partial<HttpBindings>;
}
