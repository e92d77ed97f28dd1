import { Hono } from 'hono';
import { z } from 'zod';
import { type Catalog, type Role, type SearchHit, catalogFor } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { type IndexHit, SearchIndex } from '../search/searchIndex.ts';
import { parseQuery } from './validation.ts';

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/**
 * `GET /api/search?q=…`: one box for resource codes, parcel and object ids, townships and
 * villages (by name or code), addresses and building names, over the layers the caller may read.
 */
export function searchRoutes(options: { catalog: Catalog; objects: ObjectIndex }): Hono<TwinEnv> {
  let index: SearchIndex | undefined;
  /** The name of the area a hit lies in (other than the hit itself), looked up as the caller. */
  const placeOf = (hit: IndexHit, role: Role): string | null => {
    const code = options.objects.adminCodeAt(hit.lon, hit.lat, role);
    const area = code === null ? undefined : options.objects.get(`admin:${code}`);
    return area && area.oid !== hit.oid && typeof area.properties.name === 'string' ? area.properties.name : null;
  };
  return new Hono<TwinEnv>().get('/', (c) => {
    const parsed = parseQuery(c, SearchQuery);
    if (parsed.error) return parsed.error;
    index ??= SearchIndex.fromObjects(options.objects.all());
    const role = c.get('caller').role;
    const readable = new Set(catalogFor(role, options.catalog).layers.map((layer) => layer.id));
    const hits: SearchHit[] = index.search(parsed.data.q, parsed.data.limit, readable).map((hit) => ({ ...hit, place: placeOf(hit, role) }));
    return c.json({ query: parsed.data.q, hits });
  });
}
