import type { Context } from 'hono';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';
import { type Actor, StoreConflict } from '../store/twinStore.ts';

/** The store's refusals as HTTP answers (404 unknown, 409 not now); anything else is a server error. */
export function storeErrorResponse(c: Context, error: unknown): Response {
  if (!(error instanceof StoreConflict)) throw error;
  return jsonError(c, error.code === 'not_found' ? 404 : 409, error.code, error.message);
}

/** The audit name of the caller. */
export function actorOf(c: Context<TwinEnv>): Actor {
  const caller = c.get('caller');
  return { name: caller.name, role: caller.role };
}
