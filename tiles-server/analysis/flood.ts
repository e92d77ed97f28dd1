import { contours } from 'd3-contour';
import { type FloodParams, type FloodResult, type MonitoringPoint, polygonsOf } from '../../layers/index.ts';
import { AnalysisInputError } from './analysisInputError.ts';
import type { BuildingVolumes } from './buildingVolumes.ts';
import type { ElevationGrid } from './elevationGrid.ts';
import { groundAgainstLevel, lowestGround } from './groundAgainstLevel.ts';
import { polygonCells } from './polygonCells.ts';

/** Widest the traced outline of a flood is, cells: wider floods are traced on blocks of cells (the figures never are). */
const OUTLINE_CELLS = 2_048;

/**
 * Which ground inside a polygon lies below a water level, on the DEM's own cells: every cell
 * whose centre is inside the polygon and whose height is below the level is under water (a basin
 * the user draws fills as a bathtub would), with its depth times its ground area adding to the
 * volume. Buildings and monitoring points stand in water where the cell under them does.
 */
export function flood(grid: ElevationGrid, params: FloodParams, buildings: BuildingVolumes, points: MonitoringPoint[]): FloodResult {
  const [polygon] = polygonsOf(params.polygon);
  const spans = polygonCells(grid, polygon!);
  if (spans.length === 0) throw new AnalysisInputError('polygon', 'covers no cell of the terrain');
  const lowest = lowestGround(grid, spans);
  const waterLevel = params.waterLevel ?? lowest + params.rise!;

  const top = spans[0]!.row;
  const rows = spans.at(-1)!.row - top + 1;
  // A loop, not a spread: a county outline on a fine DEM has more spans than a call takes arguments.
  let [left, right] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const { from, to } of spans) [left, right] = [Math.min(left, from), Math.max(right, to)];
  const columns = right - left + 1;
  const underWater = new Uint8Array(columns * rows);
  const { cells, below } = groundAgainstLevel(grid, spans, waterLevel, (row, column) => {
    underWater[(row - top) * columns + column - left] = 1;
  });

  // The depth under a point, where its cell is flooded (so inside the polygon, as the cell's centre is).
  const depthAt = (lon: number, lat: number): number | undefined => {
    const column = Math.floor(grid.column(lon)) - left;
    const row = Math.floor(grid.row(lat)) - top;
    if (column < 0 || row < 0 || column >= columns || row >= rows || !underWater[row * columns + column]) return undefined;
    return waterLevel - grid.cellHeightAt(lon, lat);
  };
  const [west, south, east, north] = [grid.lonOf(left), grid.latOf(top + rows), grid.lonOf(left + columns), grid.latOf(top)];
  const standing: FloodResult['buildings'] = [];
  for (const building of buildings.within(west, south, east, north)) {
    const depths = [building.position, ...building.polygons.flatMap(([outline]) => corners(outline!))]
      .map(([lon, lat]) => depthAt(lon, lat))
      .filter((depth) => depth !== undefined);
    if (depths.length > 0) standing.push({ oid: building.oid, layerId: building.layerId, depth: round(Math.max(...depths)) });
  }
  const monitoringPoints = points.flatMap((point) => {
    const depth = depthAt(point.lon, point.lat);
    return depth === undefined ? [] : [{ id: point.id, name: point.name, depth: round(depth) }];
  });

  return {
    waterLevel: round(waterLevel),
    lowestGround: round(lowest),
    cells,
    floodedCells: below.cells,
    floodedArea: Math.round(below.area),
    volume: Math.round(below.volume),
    maxDepth: round(below.deepest),
    flooded: outline(grid, underWater, columns, rows, left, top),
    buildings: standing.sort((a, b) => b.depth - a.depth),
    monitoringPoints,
  };
}

/**
 * The flooded cells outlined in longitude and latitude: the contour at half depth of the mask,
 * through the cells' centres (marching squares, so a lone cell is a small diamond). Wider floods
 * are traced on blocks of cells, each valued by the share of its cells under water.
 */
function outline(grid: ElevationGrid, mask: Uint8Array, columns: number, rows: number, left: number, top: number): FloodResult['flooded'] {
  const step = Math.max(1, Math.ceil(Math.max(columns, rows) / OUTLINE_CELLS));
  // One empty block around the mask, so that every outline closes inside it.
  const width = Math.ceil(columns / step) + 2;
  const height = Math.ceil(rows / step) + 2;
  const values = new Float64Array(width * height);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (mask[row * columns + column]) values[(Math.floor(row / step) + 1) * width + Math.floor(column / step) + 1]! += 1 / (step * step);
    }
  }
  const [traced] = contours().size([width, height]).thresholds([0.5]).smooth(step > 1)(Array.from(values));
  const coordinates = (traced?.coordinates ?? []).map((polygon) =>
    polygon.map((ring) => ring.map(([x, y]) => [roundDegrees(grid.lonOf(left + (x! - 1) * step)), roundDegrees(grid.latOf(top + (y! - 1) * step))])),
  );
  return { type: 'MultiPolygon', coordinates };
}

function corners(ring: Float64Array): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < ring.length; i += 2) points.push([ring[i]!, ring[i + 1]!]);
  return points;
}

const round = (metres: number) => Math.round(metres * 100) / 100;
const roundDegrees = (degrees: number) => Math.round(degrees * 1e7) / 1e7;
