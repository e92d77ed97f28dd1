import { type AccessLevel, type Catalog, type Role, canRead } from '../../layers/index.ts';

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
