import type { BoundObject } from '../../layers/index.ts';
import { ApiError, fetchObject } from '../api/client.ts';
import { useFetched } from '../api/useFetched.ts';

/**
 * The records bound to an object, from the server's object API, asked again whenever `version`
 * changes (its incidents as the live feed knows them), so a panel left open stays current. An
 * object the server does not know (a feature without an oid in the index) has none; other
 * failures are reported.
 */
export function useBoundObject(oid: string | undefined, version = ''): { object?: BoundObject; error?: string } {
  // fetchObject shares one request among its callers and so takes no signal; an answer no longer wanted is ignored all the same.
  const load = oid
    ? () =>
        fetchObject(oid).catch((failure: unknown) => {
          if (failure instanceof ApiError && failure.status === 404) return undefined;
          throw failure;
        })
    : undefined;
  // Keyed by the object: what was fetched for another one is not this one's, while this one's is on its way.
  const { data, error } = useFetched(load, [version], { key: oid });
  return error === undefined ? { object: data } : { error };
}
