import { type Context, Hono } from 'hono';
import { type Catalog, type Role, Scene, Storyboard, StoryboardId, type StoryboardEntry, accessById, canRead } from '../../layers/index.ts';
import { requireRole } from '../auth/authenticate.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';
import type { TwinStore } from '../store/twinStore.ts';
import { actorOf, storeErrorResponse } from './storeErrors.ts';
import { parseBody } from './validation.ts';

const StoryboardBody = Storyboard.omit({ id: true });

/**
 * Storyboards for the big screen: the catalog's own (read-only, shipped with the twin) and
 * those users save on the server, created whole or grown scene by scene from the current view.
 */
export function storyboardRoutes(options: { catalog: Catalog; store: TwinStore }): Hono<TwinEnv> {
  const app = new Hono<TwinEnv>();
  const fromCatalog = new Map<string, StoryboardEntry>(
    options.catalog.storyboards.map((storyboard) => [storyboard.id, { ...storyboard, origin: 'catalog', updatedAt: null, updatedBy: null }]),
  );

  // A storyboard is as closed as the most closed layer it shows; layers the catalog lacks show nothing.
  const layerAccess = accessById(options.catalog);
  const shownTo = (storyboard: Storyboard, role: Role) =>
    storyboard.scenes.every((scene) => scene.layers.every((id) => canRead(role, layerAccess.get(id) ?? 'public')));
  /** The storyboard of that id as the caller may see it: one showing a layer it may not read is not there. */
  const find = async (id: string, role: Role) => {
    const storyboard = fromCatalog.get(id) ?? (await options.store.storyboard(id));
    return storyboard && shownTo(storyboard, role) ? storyboard : undefined;
  };
  const notFound = (c: Context, id: string) => jsonError(c, 404, 'not_found', `No storyboard "${id}"`);

  app.get('/', async (c) => {
    const { role } = c.get('caller');
    return c.json({ storyboards: [...fromCatalog.values(), ...(await options.store.storyboards())].filter((storyboard) => shownTo(storyboard, role)) });
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const storyboard = await find(id, c.get('caller').role);
    return storyboard ? c.json(storyboard) : notFound(c, id);
  });

  app.put('/:id', requireRole('operator'), async (c) => {
    const id = c.req.param('id');
    if (!StoryboardId.safeParse(id).success) return jsonError(c, 400, 'invalid_parameter', `Storyboard id "${id}" must be 1–64 lower-case letters, digits and dashes`);
    if (fromCatalog.has(id)) return catalogOwned(c, id);
    const body = await parseBody(c, StoryboardBody);
    if (body.error) return body.error;
    const existing = await options.store.storyboard(id);
    if (existing && !shownTo(existing, c.get('caller').role)) return jsonError(c, 409, 'conflict', `Storyboard id "${id}" is taken; save under another id`);
    return c.json(await options.store.saveStoryboard({ id, ...body.data }, actorOf(c)));
  });

  app.post('/:id/scenes', requireRole('operator'), async (c) => {
    const id = c.req.param('id');
    if (!(await find(id, c.get('caller').role))) return notFound(c, id);
    if (fromCatalog.has(id)) return catalogOwned(c, id);
    const body = await parseBody(c, Scene);
    if (body.error) return body.error;
    return options.store.addScene(id, body.data, actorOf(c)).then(
      (storyboard) => c.json(storyboard, 201),
      (error: unknown) => storeErrorResponse(c, error),
    );
  });

  app.delete('/:id', requireRole('operator'), async (c) => {
    const id = c.req.param('id');
    if (!(await find(id, c.get('caller').role))) return notFound(c, id);
    if (fromCatalog.has(id)) return catalogOwned(c, id);
    return options.store.deleteStoryboard(id, actorOf(c)).then(
      () => c.body(null, 204),
      (error: unknown) => storeErrorResponse(c, error),
    );
  });

  return app;
}

function catalogOwned(c: Context, id: string): Response {
  return jsonError(c, 409, 'conflict', `Storyboard "${id}" is defined in the catalog and cannot be changed here; save a copy under another id`);
}
