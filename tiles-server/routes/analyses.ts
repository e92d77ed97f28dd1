import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { AnalysisRequest, type Catalog, type DataVersion, type Role, Text, accessById, canRead } from '../../layers/index.ts';
import { AnalysisData } from '../analysis/analysisData.ts';
import { AnalysisInputError } from '../analysis/analysisInputError.ts';
import { NoTerrain, runAnalysis } from '../analysis/runAnalysis.ts';
import { requireRole } from '../auth/authenticate.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { canReadRecords, recordAccess } from '../records/recordAccess.ts';
import type { TwinStore } from '../store/twinStore.ts';
import { actorOf, storeErrorResponse } from './storeErrors.ts';
import { parseBody, parseQuery } from './validation.ts';

const AnalysisId = z.string().regex(/^an-[0-9a-f]{16}$/);
/** Most incidents one flood raises: more would bury the board; deeper water narrows them. */
const MAX_FLOOD_INCIDENTS = 500;
const FloodIncidents = z
  .object({
    minDepth: z.number().min(0).max(100).default(0.5).describe('Buildings standing in at least this much water, metres'),
    type: Text(40, { line: true }).default('淹没风险'),
  })
  .strict();
/** The newest analyses a list is drawn from. */
const LISTED = 10_000;
const Page = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) });

/**
 * Analyses on the twin's terrain and buildings: an operator asks (`POST`), the server computes
 * from the data the operator may read and keeps the answer as a record with the layers and
 * versions it read; anyone who may read all of those layers may read it back by id or in the list.
 * A flood raises incidents on the buildings standing in its water, for the commander.
 */
export function analysisRoutes(options: { catalog: Catalog; dataDir: string; store: TwinStore; objects: ObjectIndex }): Hono<TwinEnv> {
  const app = new Hono<TwinEnv>();
  const data = new AnalysisData(options.catalog, options.dataDir, options.objects);
  const layerAccess = accessById(options.catalog);
  const monitoringLayer = options.catalog.layers.find((layer) => layer.kind === 'monitoring-points')?.id ?? 'monitoring-points';
  // Monitoring points are as open as their records; a layer the catalog no longer has is as closed as can be: only admins see what was read from it.
  const accessOf = (layerId: string) => (layerId === monitoringLayer ? recordAccess(options.catalog, 'monitoring-points') : (layerAccess.get(layerId) ?? 'restricted'));
  const shownTo = (dataVersion: DataVersion, role: Role) => dataVersion.every(({ layerId }) => canRead(role, accessOf(layerId)));
  const notFound = (c: Context, id: string) => jsonError(c, 404, 'not_found', `No analysis "${id}"`);

  app.post('/', requireRole('operator'), async (c) => {
    const body = await parseBody(c, AnalysisRequest);
    if (body.error) return body.error;
    const { role } = c.get('caller');
    const request: AnalysisRequest = body.data;
    let computed: ReturnType<typeof runAnalysis>;
    try {
      const monitoring = request.kind === 'flood' && canReadRecords(options.catalog, 'monitoring-points', role) ? { layerId: monitoringLayer, points: await options.store.monitoringPoints() } : undefined;
      computed = runAnalysis(request, { terrain: await data.terrainFor(role), buildings: await data.buildingsFor(role), monitoring });
    } catch (error) {
      if (error instanceof AnalysisInputError) return jsonError(c, 400, 'invalid_field', `Field "params.${error.field}": ${error.message}`);
      if (error instanceof NoTerrain) return jsonError(c, 409, 'no_terrain', error.message);
      throw error;
    }
    const id = `an-${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    return options.store.saveAnalysis({ id, kind: request.kind, params: request.params, ...computed } as Parameters<TwinStore['saveAnalysis']>[0], actorOf(c)).then(
      (analysis) => {
        c.header('Location', `/api/analyses/${id}`);
        return c.json(analysis, 201);
      },
      (error: unknown) => storeErrorResponse(c, error),
    );
  });

  // A flood turned into incidents for the commander: one per building standing in water at least `minDepth` deep, once per analysis.
  app.post('/:id/incidents', requireRole('operator'), async (c) => {
    const id = c.req.param('id');
    const { role, name } = c.get('caller');
    const analysis = AnalysisId.safeParse(id).success ? await options.store.analysis(id) : undefined;
    if (!analysis || !shownTo(analysis.dataVersion, role)) return notFound(c, id);
    if (analysis.kind !== 'flood') return jsonError(c, 400, 'invalid_field', `Analysis "${id}" is a ${analysis.kind}; only a flood raises incidents`);
    const body = await parseBody(c, FloodIncidents);
    if (body.error) return body.error;
    const flooded = analysis.result.buildings.filter((building) => building.depth >= body.data.minDepth).flatMap((building) => {
      const object = options.objects.get(building.oid, role);
      return object ? [{ building, object }] : [];
    });
    if (flooded.length > MAX_FLOOD_INCIDENTS) {
      return jsonError(c, 400, 'invalid_field', `Field "minDepth": ${flooded.length} buildings stand at least ${body.data.minDepth} m deep, more than ${MAX_FLOOD_INCIDENTS}; ask for deeper water`);
    }
    const incidents = flooded.map(({ building, object }) => {
      const [lon, lat] = object.position;
      // The building as a commander knows it: by name, else by address, else by its oid.
      const label = [object.properties.name, object.properties.address].find((text): text is string => typeof text === 'string' && text !== '') ?? building.oid;
      return {
        type: body.data.type,
        title: `${label}：淹没水深 ${building.depth.toFixed(1)} m`,
        description: `淹没分析 ${id}（水位 ${analysis.result.waterLevel} m）`,
        lon,
        lat,
        township: options.objects.adminCodeAt(lon, lat, role),
        binding: options.objects.bind(lon, lat, building.oid, role)!,
        source: `analysis:${id}:${name}`,
      };
    });
    return options.store.importOnce(`analysis-incidents:${id}`, { incidents, monitoringPoints: [], lifecycle: [] }, actorOf(c)).then(
      (raised) => (raised ? c.json({ analysis: id, incidents: incidents.length }, 201) : jsonError(c, 409, 'conflict', `The incidents of analysis "${id}" were raised before`)),
      (error: unknown) => storeErrorResponse(c, error),
    );
  });

  app.get('/', async (c) => {
    const page = parseQuery(c, Page);
    if (page.error) return page.error;
    const { role } = c.get('caller');
    // Paged after leaving out what the caller may not read, so no page comes back short while more remain.
    const readable = (await options.store.analyses({ limit: LISTED, offset: 0 })).filter((analysis) => shownTo(analysis.dataVersion, role));
    return c.json({ analyses: readable.slice(page.data.offset, page.data.offset + page.data.limit) });
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    if (!AnalysisId.safeParse(id).success) return notFound(c, id);
    const analysis = await options.store.analysis(id);
    if (!analysis || !shownTo(analysis.dataVersion, c.get('caller').role)) return notFound(c, id);
    return c.json(analysis);
  });

  return app;
}
