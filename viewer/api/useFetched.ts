import { type DependencyList, useCallback, useEffect, useState } from 'react';

export interface Fetched<T> {
  data?: T;
  error?: string;
  /** Asks again; `clear` forgets what was there meanwhile (the page shows "loading" again). */
  reload: (clear?: boolean) => void;
}

/**
 * What `load` answers, asked again when `deps` change or on `reload`; a request that is no longer
 * wanted is aborted and its answer, or failure, ignored.
 */
export function useFetched<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Fetched<T> {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal).then(
      (data) => setState({ data }),
      (error: unknown) => !abort.signal.aborted && setState({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => abort.abort();
    // `load` is new on every render; `deps` say when it asks for something else.
  }, [...deps, attempt]);
  const reload = useCallback((clear = false) => {
    if (clear) setState({});
    setAttempt((n) => n + 1);
  }, []);
  return { ...state, reload };
}
