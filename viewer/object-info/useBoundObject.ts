import { useEffect, useState } from 'react';
import type { BoundObject } from '../../layers/index.ts';
import { ApiError, fetchObject } from '../api/client.ts';

/**
 * The records bound to an object, from the server's object API, asked again whenever `version`
 * changes (its incidents as the live feed knows them), so a panel left open stays current. An
 * object the server does not know (a feature without an oid in the index) has none; other
 * failures are reported.
 */
export function useBoundObject(oid: string | undefined, version = ''): { object?: BoundObject; error?: string } {
  const [state, setState] = useState<{ oid?: string; object?: BoundObject; error?: string }>({});
  useEffect(() => {
    if (!oid) return;
    let wanted = true;
    fetchObject(oid).then(
      (object) => wanted && setState({ oid, object }),
      (error: unknown) => {
        if (!wanted || (error instanceof ApiError && error.status === 404)) return;
        setState({ oid, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      wanted = false;
    };
  }, [oid, version]);
  // What was fetched for another object is not this one's, while this one's is on its way.
  return state.oid === oid ? state : {};
}
