import type { Role } from '../../layers/index.ts';

/** Who sent a request: a named token's holder, or an anonymous visitor. */
export interface Caller {
  name: string;
  role: Role;
}

export const ANONYMOUS: Caller = { name: 'anonymous', role: 'anonymous' };

/** Hono's typing for routes that read the caller set by `authenticate`. */
export interface TwinEnv {
  Variables: { caller: Caller };
}
