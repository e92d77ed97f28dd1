import { type ProfileParams, type ProfileResult, metresBetween } from '../../layers/index.ts';
import { AnalysisInputError } from './analysisInputError.ts';
import type { BuildingVolumes } from './buildingVolumes.ts';
import type { ElevationGrid } from './elevationGrid.ts';
import { segmentInside } from './segmentInside.ts';

/**
 * The ground along a line: `samples` points spaced evenly along its length, each with the
 * terrain's height there (bilinear between the DEM's cell centres), and every building the line
 * passes through, with where it enters and leaves it.
 */
export function profile(grid: ElevationGrid, params: ProfileParams, buildings: BuildingVolumes): ProfileResult {
  const { line, samples } = params;
  const starts = [0];
  for (let i = 1; i < line.length; i++) starts.push(starts[i - 1]! + metresBetween(line[i - 1]!, line[i]!));
  const length = starts.at(-1)!;
  if (!(length > 0)) throw new AnalysisInputError('line', 'has no length');

  const points: ProfileResult['points'] = [];
  let segment = 0;
  for (let k = 0; k < samples; k++) {
    const distance = (length * k) / (samples - 1);
    while (segment < line.length - 2 && starts[segment + 1]! < distance) segment++;
    const span = starts[segment + 1]! - starts[segment]!;
    const t = span > 0 ? Math.min(1, (distance - starts[segment]!) / span) : 0;
    const [a, b] = [line[segment]!, line[segment + 1]!];
    const lon = a[0] + (b[0] - a[0]) * t;
    const lat = a[1] + (b[1] - a[1]) * t;
    const height = grid.sample(lon, lat);
    if (Number.isNaN(height)) throw new AnalysisInputError('line', `leaves the terrain at ${lon.toFixed(5)}, ${lat.toFixed(5)}`);
    points.push({ distance: round(distance), lon, lat, height: round(height) });
  }

  const crossed: ProfileResult['buildings'] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const [a, b] = [line[i]!, line[i + 1]!];
    const span = starts[i + 1]! - starts[i]!;
    for (const building of buildings.along(a, b)) {
      for (const polygon of building.polygons) {
        for (const [t0, t1] of segmentInside(polygon, a, b)) {
          crossed.push({ oid: building.oid, layerId: building.layerId, from: round(starts[i]! + span * t0), to: round(starts[i]! + span * t1), base: round(building.base), top: round(building.top) });
        }
      }
    }
  }
  return { length: round(length), points, buildings: crossed.sort((p, q) => p.from - q.from) };
}

const round = (metres: number) => Math.round(metres * 100) / 100;
