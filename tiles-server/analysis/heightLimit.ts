import { type HeightLimitParams, type HeightLimitResult, polygonContains, polygonsOf } from '../../layers/index.ts';
import type { BuildingVolume, BuildingVolumes } from './buildingVolumes.ts';
import type { ElevationGrid } from './elevationGrid.ts';

/**
 * The buildings inside a zone (their centre in the polygon) whose top breaks its height limit:
 * against the ground, the top above the lowest ground at the footprint's corners (where a
 * building stands, as the pipeline sets its base), so a building part raised on another counts
 * from the ground; against elevation, the top itself. Tops are compared to the centimetre.
 */
export function heightLimit(grid: ElevationGrid | undefined, params: HeightLimitParams, buildings: BuildingVolumes): HeightLimitResult {
  const [polygon] = polygonsOf(params.polygon);
  const ring = polygon![0]!;
  let [west, south, east, north] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (let i = 0; i < ring.length; i += 2) {
    [west, east] = [Math.min(west, ring[i]!), Math.max(east, ring[i]!)];
    [south, north] = [Math.min(south, ring[i + 1]!), Math.max(north, ring[i + 1]!)];
  }
  let checked = 0;
  const exceeding: HeightLimitResult['exceeding'] = [];
  for (const building of buildings.within(west, south, east, north)) {
    const [lon, lat] = building.position;
    if (!polygonContains(polygon!, lon, lat)) continue;
    checked++;
    const ground = params.reference === 'ground' ? groundUnder(grid, building) : 0;
    const top = round(building.top - ground);
    if (top > params.limit) exceeding.push({ oid: building.oid, layerId: building.layerId, name: building.name, top, excess: round(top - params.limit), lon, lat });
  }
  return { limit: params.limit, reference: params.reference, checked, exceeding: exceeding.sort((a, b) => b.excess - a.excess) };
}

/** The lowest terrain at a footprint's outer corners; off the terrain, the building's base. */
function groundUnder(grid: ElevationGrid | undefined, building: BuildingVolume): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (const [outline] of building.polygons) {
    for (let i = 0; i < outline!.length; i += 2) lowest = Math.min(lowest, grid?.sample(outline![i]!, outline![i + 1]!) ?? Number.NaN);
  }
  return Number.isFinite(lowest) ? lowest : building.base;
}

const round = (metres: number) => Math.round(metres * 100) / 100;
