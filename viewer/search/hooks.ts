import { useEffect, useState } from 'react';
import type { SearchHit } from '../../layers/index.ts';
import { search } from '../api/client.ts';

const TYPING_PAUSE_MS = 250;

/** Hits for what the user typed, asked once they pause typing; the last answer wins. */
export function useSearch(query: string): { hits: SearchHit[]; error?: unknown } {
  const [state, setState] = useState<{ hits: SearchHit[]; error?: unknown }>({ hits: [] });
  useEffect(() => {
    const q = query.trim();
    if (q === '') return setState({ hits: [] });
    const abort = new AbortController();
    const timer = setTimeout(() => {
      search(q, abort.signal).then(
        (hits) => setState({ hits }),
        (error: unknown) => !abort.signal.aborted && setState({ hits: [], error }),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);
  return state;
}
