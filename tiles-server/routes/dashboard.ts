import { Hono } from 'hono';
import { z } from 'zod';
import { COUNTY_UTC_OFFSET_MINUTES, type Catalog, type DashboardFigures, Instant, type Role, canRead } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { incidentFigures, trendStart } from '../dashboard/incidentFigures.ts';
import { type ObjectFilter, buildingsByUse, landUseByClass } from '../dashboard/layerFigures.ts';
import { jsonError } from '../jsonError.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { canReadRecords } from '../records/recordAccess.ts';
import type { TwinStore } from '../store/twinStore.ts';
import { parseQuery } from './validation.ts';

const DashboardQuery = z.object({ township: z.string().regex(/^\d{6,12}$/, 'must be an administrative code').optional(), asOf: Instant.optional() });

/**
 * The big-screen dashboard's figures, from the twin's own data: incidents by status and
 * township with the completion rate and the daily trend, and the active alarms (live, from the
 * store), land-use area by class and buildings by use (from the layers, counted once). With
 * `?township=`, every figure is narrowed to that township: records by the township they were
 * filed under, parcels and buildings by the township their representative point lies in.
 * With `?asOf=`, the records' figures are as they stood at that instant (the trend's last day
 * is that instant's). Parts the caller may not read are left out.
 */
export function dashboardRoutes(options: { catalog: Catalog; store: TwinStore; objects: ObjectIndex }): Hono<TwinEnv> {
  const { catalog, store, objects } = options;
  const app = new Hono<TwinEnv>();
  const sources = catalog.dashboard;
  const layerReadable = (layerId: string, role: Role) => {
    const layer = catalog.layers.find((candidate) => candidate.id === layerId);
    return layer !== undefined && canRead(role, layer.access);
  };
  // The layers' figures do not change while the catalog stands: counted once for the county and once per township asked for.
  const layerFigures = new Map<string, Pick<DashboardFigures, 'landUse' | 'buildings'>>();
  const countedLayers = (township: string | undefined) => {
    const key = township ?? '';
    let counted = layerFigures.get(key);
    if (!counted) {
      const within: ObjectFilter = township === undefined ? () => true : (object) => objects.adminCodeAt(...object.position) === township;
      counted = {
        ...(sources.landUse ? { landUse: landUseByClass(objects, sources.landUse, within) } : {}),
        ...(sources.buildings ? { buildings: buildingsByUse(objects, sources.buildings, within) } : {}),
      };
      layerFigures.set(key, counted);
    }
    return counted;
  };
  const townshipNames = (code: string) => {
    const properties = objects.get(`admin:${code}`)?.properties;
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return { name: text(properties?.name), nameEn: text(properties?.nameEn) };
  };

  app.get('/', async (c) => {
    const query = parseQuery(c, DashboardQuery);
    if (query.error) return query.error;
    const { township, asOf } = query.data;
    const role = c.get('caller').role;
    if (township !== undefined && !objects.get(`admin:${township}`, role)) return jsonError(c, 404, 'not_found', `No township has the code "${township}"`);
    const inTownship = <T extends { township: string | null }>(rows: T[]) => (township === undefined ? rows : rows.filter((row) => row.township === township));
    const figures: DashboardFigures = {
      ...(township === undefined ? {} : { township: { code: township, ...townshipNames(township) } }),
      ...(asOf === undefined ? {} : { asOf }),
    };
    if (canReadRecords(catalog, 'incidents', role)) {
      const now = asOf === undefined ? Date.now() : Date.parse(asOf);
      const [counts, perDay] = await Promise.all([store.incidentCounts(asOf), store.incidentsPerDay(trendStart(now), COUNTY_UTC_OFFSET_MINUTES, asOf)]);
      figures.incidents = incidentFigures(inTownship(counts), inTownship(perDay), townshipNames, now);
    }
    if (canReadRecords(catalog, 'monitoring-points', role)) {
      const points = inTownship(await store.monitoringPoints());
      // At an instant: the points in alarm then, with their reading then; else as they are.
      const then = asOf === undefined ? undefined : new Map((await store.alarmingAt(asOf)).map(({ pointId, value }) => [pointId, value]));
      const alarming = points.filter((point) => (then ? then.has(point.id) : point.alarm !== null));
      figures.alarms = {
        active: alarming.length,
        points: alarming.map(({ id, name, kind, unit, latest }) => ({ id, name, kind, unit, value: then ? (then.get(id) ?? null) : (latest?.value ?? null) })),
      };
    }
    const counted = countedLayers(township);
    if (sources.landUse && layerReadable(sources.landUse.layer, role)) figures.landUse = counted.landUse;
    if (sources.buildings && layerReadable(sources.buildings.layer, role)) figures.buildings = counted.buildings;
    return c.json(figures);
  });

  return app;
}
