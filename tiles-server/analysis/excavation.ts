import { type ExcavationParams, type ExcavationResult, polygonsOf } from '../../layers/index.ts';
import { AnalysisInputError } from './analysisInputError.ts';
import type { ElevationGrid } from './elevationGrid.ts';
import { groundAgainstLevel, lowestGround } from './groundAgainstLevel.ts';
import { polygonCells } from './polygonCells.ts';

/**
 * Earthwork inside a polygon, on the DEM's own cells: the earth above a floor level to cut, and
 * the room below it to fill (a flood's water, counted downwards), with the ground at each corner
 * of the polygon for the pit's walls.
 */
export function excavation(grid: ElevationGrid, params: ExcavationParams): ExcavationResult {
  const [polygon] = polygonsOf(params.polygon);
  const spans = polygonCells(grid, polygon!);
  if (spans.length === 0) throw new AnalysisInputError('polygon', 'covers no cell of the terrain');
  const lowest = lowestGround(grid, spans);
  const floorLevel = params.floorLevel ?? lowest - params.depth!;
  const { cells, highestGround, below, above } = groundAgainstLevel(grid, spans, floorLevel);
  const outline = params.polygon.coordinates[0]!;
  const rim = outline.map(([lon, lat]) => grid.sample(lon, lat));
  const off = rim.findIndex(Number.isNaN);
  if (off >= 0) throw new AnalysisInputError('polygon', `vertex ${off} (${outline[off]!.join(', ')}) lies outside the terrain`);
  return {
    floorLevel: round(floorLevel),
    lowestGround: round(lowest),
    highestGround: round(highestGround),
    cells,
    area: Math.round(spans.reduce((sum, { row, from, to }) => sum + (to - from + 1) * grid.cellArea(row), 0)),
    cutVolume: Math.round(above.volume),
    fillVolume: Math.round(below.volume),
    rim: rim.map(round),
  };
}

const round = (metres: number) => Math.round(metres * 100) / 100;
