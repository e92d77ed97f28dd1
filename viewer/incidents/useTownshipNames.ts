import { useEffect, useState } from 'react';

/** Township names by code, from the townships layer's OGC collection (empty when it cannot be read). */
export function useTownshipNames(enabled: boolean): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    fetch('/ogc/collections/townships/items?limit=100', { signal: abort.signal })
      .then((response) => (response.ok ? response.json() : { features: [] }))
      .then((collection: { features: { properties: { code?: string; name?: string } }[] }) =>
        setNames(new Map(collection.features.map(({ properties }) => [properties.code ?? '', properties.name ?? '']))),
      )
      .catch(() => undefined);
    return () => abort.abort();
  }, [enabled]);
  return names;
}
