import type { SearchHit } from '../../layers/index.ts';

/** Hits grouped by layer, the groups in the order of their best hit, the hits in rank order within each. */
export function groupByLayer(hits: readonly SearchHit[]): { layerId: string; hits: SearchHit[] }[] {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const group = groups.get(hit.layerId);
    if (group) group.push(hit);
    else groups.set(hit.layerId, [hit]);
  }
  return [...groups].map(([layerId, grouped]) => ({ layerId, hits: grouped }));
}
