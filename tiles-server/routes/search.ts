import { Hono } from 'hono';
import { z } from 'zod';
import { type Catalog, catalogFor } from '../../layers/index.ts';
import { jsonError } from '../jsonError.ts';
import { SearchIndex } from '../search/searchIndex.ts';

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/**
 * `GET /api/search?q=…`: one box for resource codes, parcel and object ids, townships and
 * villages (by name or code), addresses and building names, over the layers the caller may read.
 */
export function searchRoutes(options: { catalog: Catalog; dataDir: string }): Hono {
  let index: Promise<SearchIndex> | undefined;
  return new Hono().get('/', async (c) => {
    const parsed = SearchQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return jsonError(c, 400, 'invalid_parameter', `Query parameter "${issue.path.join('.')}" ${issue.message}`);
    }
    index ??= SearchIndex.load(catalogFor('anonymous', options.catalog), options.dataDir);
    const hits = (await index).search(parsed.data.q, parsed.data.limit);
    return c.json({ query: parsed.data.q, hits });
  });
}
