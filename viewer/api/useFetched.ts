import { type DependencyList, useCallback, useEffect, useState } from 'react';

export interface Fetched<T> {
  data?: T;
  /** Why the last request failed; what an earlier one answered stays in `data`. */
  error?: string;
  /** That failure itself, for callers that tell causes apart (a refused token, a server out of reach). */
  failure?: unknown;
  /** Asks again; `clear` forgets what was there meanwhile (the page shows "loading" again). */
  reload: (clear?: boolean) => void;
}

export interface FetchOptions {
  /** Asks only once `deps` have stayed the same this long, so a burst of changes costs one request. */
  settleMs?: number;
  /**
   * Whom the answer is about (an object's id, say); changing it asks again. What was fetched for
   * another key is not returned while this one's is on its way, whereas a change of `deps` alone
   * keeps showing the last answer meanwhile.
   */
  key?: string;
}

interface State<T> {
  key?: string;
  data?: T;
  error?: string;
  failure?: unknown;
}

/**
 * What `load` answers, asked again when `deps` change or on `reload`; a request that is no longer
 * wanted is aborted and its answer, or failure, ignored. Without `load` there is nothing to ask,
 * and nothing known: what was fetched before is dropped.
 */
export function useFetched<T>(load: ((signal: AbortSignal) => Promise<T>) | undefined, deps: DependencyList, { settleMs = 0, key }: FetchOptions = {}): Fetched<T> {
  const [state, setState] = useState<State<T>>({});
  const [attempt, setAttempt] = useState(0);
  const asking = load !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is new on every render; `deps` say when it asks for something else.
  useEffect(() => {
    if (!load) return setState({});
    const abort = new AbortController();
    const ask = () =>
      load(abort.signal).then(
        (data) => !abort.signal.aborted && setState({ key, data }),
        (failure: unknown) =>
          !abort.signal.aborted &&
          setState((current) => ({ key, data: current.key === key ? current.data : undefined, error: failure instanceof Error ? failure.message : String(failure), failure })),
      );
    const timer = setTimeout(ask, settleMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [...deps, asking, key, attempt, settleMs]);
  const reload = useCallback((clear = false) => {
    if (clear) setState({});
    setAttempt((n) => n + 1);
  }, []);
  if (!asking || state.key !== key) return { reload };
  return { data: state.data, error: state.error, failure: state.failure, reload };
}
