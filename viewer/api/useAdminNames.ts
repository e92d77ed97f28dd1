import { useEffect, useState } from 'react';

/** The layers whose areas name administrative codes, through their OGC collections. */
const ADMIN_COLLECTIONS = ['county-boundary', 'townships'];

let names: Promise<Map<string, string>> | undefined;

/** Area names by administrative code, read once per page (a layer that cannot be read adds none). */
function loadAdminNames(): Promise<Map<string, string>> {
  names ??= Promise.all(
    ADMIN_COLLECTIONS.map((collection) =>
      fetch(`/ogc/collections/${collection}/items?limit=100`)
        .then((response) => (response.ok ? response.json() : { features: [] }))
        .then((answer: { features: { properties: { code?: string; name?: string } }[] }) => answer.features.map(({ properties }) => [properties.code ?? '', properties.name ?? ''] as const))
        .catch(() => []),
    ),
  ).then((lists) => {
    const found = new Map(lists.flat().filter(([code, name]) => code !== '' && name !== ''));
    // Nothing read (the server away): ask again next time.
    if (found.size === 0) names = undefined;
    return found;
  });
  return names;
}

/** The county's and townships' names by code (empty until read, or when `enabled` is false). */
export function useAdminNames(enabled = true): Map<string, string> {
  const [state, setState] = useState(new Map<string, string>());
  useEffect(() => {
    if (!enabled) return;
    let wanted = true;
    void loadAdminNames().then((loaded) => wanted && setState(loaded));
    return () => {
      wanted = false;
    };
  }, [enabled]);
  return state;
}
