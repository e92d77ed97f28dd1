import type { DashboardFigures, DashboardSources } from '../../layers/index.ts';
import type { ObjectIndex, SpatialObject } from '../objects/objectIndex.ts';

/** Which objects count: all of a layer's, or those whose representative point lies in one township. */
export type ObjectFilter = (object: SpatialObject) => boolean;

/** Land-use area by class, largest first, from the parcels of the configured layer that `within` keeps. */
export function landUseByClass(objects: ObjectIndex, source: NonNullable<DashboardSources['landUse']>, within: ObjectFilter = () => true): NonNullable<DashboardFigures['landUse']> {
  const classes = new Map<string, { code: string; label: string; area: number; parcels: number }>();
  for (const object of objects.all()) {
    if (object.layerId !== source.layer || !within(object)) continue;
    const code = object.properties[source.classField];
    const area = Number(object.properties[source.areaField]);
    if (typeof code !== 'string' || !Number.isFinite(area)) continue;
    let entry = classes.get(code);
    if (!entry) classes.set(code, (entry = { code, label: String(object.properties[source.labelField] ?? code), area: 0, parcels: 0 }));
    entry.area += area;
    entry.parcels += 1;
  }
  return [...classes.values()].sort((a, b) => b.area - a.area);
}

/** How many buildings serve each use, most first; buildings without one count as "". */
export function buildingsByUse(objects: ObjectIndex, source: NonNullable<DashboardSources['buildings']>, within: ObjectFilter = () => true): NonNullable<DashboardFigures['buildings']> {
  const counts = new Map<string, number>();
  for (const object of objects.all()) {
    if (object.layerId !== source.layer || !within(object)) continue;
    const use = object.properties[source.useField];
    const key = typeof use === 'string' ? use : '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([use, count]) => ({ use, count })).sort((a, b) => b.count - a.count);
}
