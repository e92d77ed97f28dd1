import type { MiddlewareHandler } from 'hono';
import { type AccessLevel, type Catalog, type Role, canRead } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';

/**
 * Incidents and monitoring points are read by whoever may read their catalog layer (kind
 * `incidents`, `monitoring-points`); with no such layer they are internal.
 */
export function recordAccess(catalog: Catalog, kind: 'incidents' | 'monitoring-points'): AccessLevel {
  return catalog.layers.find((layer) => layer.kind === kind)?.access ?? 'internal';
}

export function canReadRecords(catalog: Catalog, kind: 'incidents' | 'monitoring-points', role: Role): boolean {
  return canRead(role, recordAccess(catalog, kind));
}

/** Lets through only callers who may read these records; to others they do not exist (404). */
export function requireRecordAccess(catalog: Catalog, kind: 'incidents' | 'monitoring-points'): MiddlewareHandler<TwinEnv> {
  const what = kind === 'incidents' ? 'incidents' : 'monitoring points';
  return async (c, next) => {
    if (!canReadRecords(catalog, kind, c.get('caller').role)) return jsonError(c, 404, 'not_found', `No ${what} here for you`);
    return next();
  };
}
