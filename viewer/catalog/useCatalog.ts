import { useCallback } from 'react';
import type { Catalog } from '../../layers/index.ts';
import { fetchCatalog } from '../api/client.ts';
import { useFetched } from '../api/useFetched.ts';

export type CatalogState = { catalog?: Catalog; error?: string; retry: () => void };

/** The layer catalog every page starts from (the full viewer, the big screen and the lite viewer). */
export function useCatalog(): CatalogState {
  const { data, error, reload } = useFetched(fetchCatalog, []);
  const retry = useCallback(() => reload(true), [reload]);
  return { catalog: data, error, retry };
}
