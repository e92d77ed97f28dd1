import { type LineOfSightParams, type LineOfSightResult, type Obstruction, metresBetween, polygonContains } from '../../layers/index.ts';
import { AnalysisInputError } from './analysisInputError.ts';
import type { BuildingVolume, BuildingVolumes } from './buildingVolumes.ts';
import type { ElevationGrid } from './elevationGrid.ts';
import { segmentInside } from './segmentInside.ts';
import { sightHeight } from './sightLine.ts';

/** Terrain samples per DEM cell along the line. */
const SAMPLES_PER_CELL = 4;

/**
 * Whether `to` can be seen from `from`: the straight line between the eye and the target, over
 * the curving Earth, against the terrain (sampled a quarter cell apart, bilinear between cell
 * centres, as the terrain is drawn) and every building's volume (exactly, where the line crosses
 * its footprint). The buildings standing at either end are not in the way: an eye at a window or
 * on a roof looks out of its own building.
 */
export function lineOfSight(grid: ElevationGrid, params: LineOfSightParams, buildings: BuildingVolumes): LineOfSightResult {
  const from = groundAt(grid, params.from, 'from');
  const to = groundAt(grid, params.to, 'to');
  const eye = from + params.fromHeight;
  const target = to + params.toHeight;
  const distance = metresBetween(params.from, params.to);
  const at = (t: number) => [params.from[0] + (params.to[0] - params.from[0]) * t, params.from[1] + (params.to[1] - params.from[1]) * t] as const;
  const sight = (t: number) => sightHeight(eye, target, distance, t);

  let first: { t: number; obstruction: Obstruction } | undefined;
  const steps = Math.ceil((distance / grid.cellMetres(params.from[1])) * SAMPLES_PER_CELL);
  for (let step = 1; step < steps; step++) {
    const t = step / steps;
    const [lon, lat] = at(t);
    const ground = grid.sample(lon, lat);
    if (ground > sight(t)) {
      first = { t, obstruction: { lon, lat, height: round(ground), distance: round(distance * t), by: 'terrain' } };
      break;
    }
  }

  for (const building of buildings.along(params.from, params.to)) {
    if (standsOn(building, params.from) || standsOn(building, params.to)) continue;
    for (const polygon of building.polygons) {
      for (const [t0, t1] of segmentInside(polygon, params.from, params.to)) {
        const t = entry(sight(t0), sight(t1), building.base, building.top, t0, t1);
        if (t === undefined || (first && first.t <= t)) continue;
        const [lon, lat] = at(t);
        first = { t, obstruction: { lon, lat, height: round(sight(t)), distance: round(distance * t), by: { oid: building.oid, layerId: building.layerId } } };
      }
    }
  }

  return {
    visible: first === undefined,
    distance: round(distance),
    from: { lon: params.from[0], lat: params.from[1], height: round(eye) },
    to: { lon: params.to[0], lat: params.to[1], height: round(target) },
    obstruction: first?.obstruction ?? null,
  };
}

/** The ground under a given end, refused when it is off the terrain. */
function groundAt(grid: ElevationGrid, [lon, lat]: readonly [number, number], field: string): number {
  const ground = grid.sample(lon, lat);
  if (Number.isNaN(ground)) throw new AnalysisInputError(field, 'lies outside the terrain');
  return ground;
}

function standsOn(building: BuildingVolume, [lon, lat]: readonly [number, number]): boolean {
  return building.polygons.some((polygon) => polygonContains(polygon, lon, lat));
}

/** Where a line at heights s0…s1 over [t0, t1] first runs between `base` and `top`, if it does. */
function entry(s0: number, s1: number, base: number, top: number, t0: number, t1: number): number | undefined {
  if (s0 >= base && s0 <= top) return t0;
  const crossing = (level: number) => t0 + ((level - s0) / (s1 - s0)) * (t1 - t0);
  if (s0 > top && s1 <= top) return crossing(top);
  if (s0 < base && s1 >= base) return crossing(base);
  return undefined;
}

const round = (metres: number) => Math.round(metres * 100) / 100;
