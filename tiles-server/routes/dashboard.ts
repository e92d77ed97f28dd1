import { Hono } from 'hono';
import { type Catalog, type DashboardFigures, type Role, canRead } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { incidentFigures } from '../dashboard/incidentFigures.ts';
import { buildingsByUse, landUseByClass } from '../dashboard/layerFigures.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { canReadRecords } from '../records/recordAccess.ts';
import type { TwinStore } from '../store/twinStore.ts';

/**
 * The big-screen dashboard's figures, from the twin's own data: incidents by status and
 * township with the completion rate and the active alarms (live, from the store), land-use area
 * by class and buildings by use (from the layers, counted once). Parts the caller may not read
 * are left out.
 */
export function dashboardRoutes(options: { catalog: Catalog; store: TwinStore; objects: ObjectIndex }): Hono<TwinEnv> {
  const { catalog, store, objects } = options;
  const app = new Hono<TwinEnv>();
  const sources = catalog.dashboard;
  const layerReadable = (layerId: string, role: Role) => {
    const layer = catalog.layers.find((candidate) => candidate.id === layerId);
    return layer !== undefined && canRead(role, layer.access);
  };
  let landUse: DashboardFigures['landUse'];
  let buildings: DashboardFigures['buildings'];
  const townshipName = (code: string) => {
    const name = objects.get(`admin:${code}`)?.properties.name;
    return typeof name === 'string' ? name : null;
  };

  app.get('/', async (c) => {
    const role = c.get('caller').role;
    const figures: DashboardFigures = {};
    if (canReadRecords(catalog, 'incidents', role)) figures.incidents = incidentFigures(await store.incidentCounts(), townshipName);
    if (canReadRecords(catalog, 'monitoring-points', role)) {
      const alarming = (await store.monitoringPoints()).filter((point) => point.alarm !== null);
      figures.alarms = {
        active: alarming.length,
        points: alarming.map(({ id, name, kind, unit, latest }) => ({ id, name, kind, unit, value: latest?.value ?? null })),
      };
    }
    if (sources.landUse && layerReadable(sources.landUse.layer, role)) figures.landUse = landUse ??= landUseByClass(objects, sources.landUse);
    if (sources.buildings && layerReadable(sources.buildings.layer, role)) figures.buildings = buildings ??= buildingsByUse(objects, sources.buildings);
    return c.json(figures);
  });

  return app;
}
