import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/authenticate.ts';
import type { TwinEnv } from '../auth/caller.ts';
import type { TwinStore } from '../store/twinStore.ts';
import { parseQuery } from './validation.ts';

/** `GET /api/audit`: who wrote what and when, newest first; admins only. */
export function auditRoutes(store: TwinStore): Hono<TwinEnv> {
  return new Hono<TwinEnv>().get('/', requireRole('admin'), async (c) => {
    const query = parseQuery(c, z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), offset: z.coerce.number().int().min(0).default(0) }));
    if (query.error) return query.error;
    return c.json({ entries: await store.audit(query.data) });
  });
}
