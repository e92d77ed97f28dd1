import { type DependencyList, useCallback, useEffect, useState } from 'react';

export interface Fetched<T> {
  data?: T;
  /** Why the last request failed; what an earlier one answered stays in `data`. */
  error?: string;
  /** Asks again; `clear` forgets what was there meanwhile (the page shows "loading" again). */
  reload: (clear?: boolean) => void;
}

export interface FetchOptions {
  /** Asks only once `deps` have stayed the same this long, so a burst of changes costs one request. */
  settleMs?: number;
}

/**
 * What `load` answers, asked again when `deps` change or on `reload`; a request that is no longer
 * wanted is aborted and its answer, or failure, ignored.
 */
export function useFetched<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, { settleMs = 0 }: FetchOptions = {}): Fetched<T> {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    const ask = () =>
      load(abort.signal).then(
        (data) => setState({ data }),
        (error: unknown) => !abort.signal.aborted && setState((current) => ({ data: current.data, error: error instanceof Error ? error.message : String(error) })),
      );
    const timer = setTimeout(ask, settleMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // `load` is new on every render; `deps` say when it asks for something else.
  }, [...deps, attempt, settleMs]);
  const reload = useCallback((clear = false) => {
    if (clear) setState({});
    setAttempt((n) => n + 1);
  }, []);
  return { ...state, reload };
}
