import type { SearchHit } from '../../layers/index.ts';
import { search } from '../api/client.ts';
import { useFetched } from '../api/useFetched.ts';

const TYPING_PAUSE_MS = 250;

/** Hits for what the user typed, asked once they pause typing; the last answer wins. */
export function useSearch(query: string): { hits: SearchHit[]; error?: unknown } {
  const q = query.trim();
  const { data, error, failure } = useFetched(q === '' ? undefined : (signal) => search(q, signal), [q], { settleMs: TYPING_PAUSE_MS });
  // The failure itself, not its message: the box words it in the interface's language.
  return error === undefined ? { hits: data ?? [] } : { hits: [], error: failure };
}
