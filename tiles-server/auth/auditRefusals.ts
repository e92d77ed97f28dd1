import type { MiddlewareHandler } from 'hono';
import type { TwinStore } from '../store/twinStore.ts';
import type { TwinEnv } from './caller.ts';

/** Refusals of a write worth a trace: no or unknown token, too weak a role, a conflict with the data's state. */
const AUDITED = new Set([401, 403, 409]);

/**
 * Writes a refused write to the audit log (who, how it was refused, what it tried), so an
 * attempt with a stolen or guessed token leaves a trace as an accepted write does. Runs before
 * `authenticate`, so a request refused for its token is seen too.
 */
export function auditRefusals(store: TwinStore): MiddlewareHandler<TwinEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS' || !AUDITED.has(c.res.status)) return;
    const caller = c.get('caller') ?? { name: '(unknown token)', role: 'anonymous' };
    await store.recordRefusal({ name: caller.name, role: caller.role }, c.res.status, `${c.req.method} ${c.req.path}`.slice(0, 500)).catch((error: unknown) => {
      console.error('The audit log could not record a refused write:', error);
    });
  };
}
