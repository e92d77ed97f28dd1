import { useEffect, useState } from 'react';
import type { BoundObject } from '../../layers/index.ts';
import { ApiError, fetchObject } from '../api/client.ts';

/**
 * The records bound to an object, from the server's object API. An object the server does not
 * know (a feature without an oid in the index) has none; other failures are reported.
 */
export function useBoundObject(oid: string | undefined): { object?: BoundObject; error?: string } {
  const [state, setState] = useState<{ object?: BoundObject; error?: string }>({});
  useEffect(() => {
    setState({});
    if (!oid) return;
    let wanted = true;
    fetchObject(oid).then(
      (object) => wanted && setState({ object }),
      (error: unknown) => {
        if (!wanted || (error instanceof ApiError && error.status === 404)) return;
        setState({ error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      wanted = false;
    };
  }, [oid]);
  return state;
}
