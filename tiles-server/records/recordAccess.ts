import type { MiddlewareHandler } from 'hono';
import { type AccessLevel, type Binding, type Catalog, type LifecycleRecord, type Role, accessById, canRead } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';

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

const UNBOUND: Binding = { oid: null, method: 'none', layerId: null };

/**
 * Records as a caller may see them: a record bound to an object the caller may not read shows
 * no binding, so neither the object's id nor its layer leaks through the record. An object no
 * longer indexed is as closed as its layer, or restricted when the catalog lost that too.
 */
export class RecordView {
  private readonly layerAccess: ReadonlyMap<string, AccessLevel>;

  constructor(
    catalog: Catalog,
    private readonly objects: ObjectIndex,
  ) {
    this.layerAccess = accessById(catalog);
  }

  canSeeBinding(binding: Binding, role: Role): boolean {
    return binding.oid === null || this.canSeeObject(binding.oid, binding.layerId, role);
  }

  /** Whether an object may be named to the caller: by its own access, else its layer's; one known to neither is restricted. */
  private canSeeObject(oid: string, layerId: string | null, role: Role): boolean {
    const access = this.objects.get(oid)?.access ?? (layerId === null ? undefined : this.layerAccess.get(layerId));
    return canRead(role, access ?? 'restricted');
  }

  /**
   * Whether a lifecycle record may be seen: through an object the caller may read that has its
   * resource code (`/api/codes/{code}`), or the object it names (`/api/objects/{oid}`).
   */
  canSeeLifecycle(record: LifecycleRecord, role: Role): boolean {
    return this.objects.withExactResourceCode(record.resourceCode, role).length > 0 || (record.oid !== null && this.objects.get(record.oid, role) !== undefined);
  }

  /**
   * A lifecycle record as the caller may see it: the object it names left out (null) when the
   * caller may not read that object, as a record bound to nothing it may see reads.
   */
  lifecycleRecord(record: LifecycleRecord, role: Role): LifecycleRecord {
    return record.oid === null || this.canSeeObject(record.oid, null, role) ? record : { ...record, oid: null };
  }

  /** The record itself when its binding may be seen, else a copy without it. */
  record<T extends { binding: Binding }>(record: T, role: Role): T {
    return this.canSeeBinding(record.binding, role) ? record : { ...record, binding: UNBOUND };
  }
}
