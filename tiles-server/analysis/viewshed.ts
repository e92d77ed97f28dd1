import { EARTH_MEAN_RADIUS, VIEWSHED_CELL, type ViewshedParams, type ViewshedResult, bilinear, polygonContains } from '../../layers/index.ts';
import { AnalysisInputError } from './analysisInputError.ts';
import type { BuildingVolumes } from './buildingVolumes.ts';
import type { ElevationGrid } from './elevationGrid.ts';
import { polygonCells } from './polygonCells.ts';
import { curvatureDrop } from './sightLine.ts';

const RAD = Math.PI / 180;
/** Most DEM cells a viewshed's window holds (a 10 km radius on a 5 m DEM), so one request cannot hold the server for long. */
const MAX_CELLS = 16_000_000;
/** Widest raster of a viewshed's answer, cells; its figures are always counted on the DEM's own. */
const RASTER_CELLS = 512;

/**
 * What an observer sees within a radius, on the DEM's cells with the buildings standing on them
 * (a cell whose centre lies in a footprint rises to the building's top). Rays go from the eye to
 * every cell of the window's rim, half a cell a step; a cell is seen when the angle up to it,
 * at the target height above it, is not below the steepest angle met before it on a ray through
 * it (Franklin and Ray's R2), and the few cells no ray passes are cast one by one. The Earth's
 * curvature lowers what is far. The building the observer stands in is not in the way.
 */
export function viewshed(grid: ElevationGrid, params: ViewshedParams, buildings: BuildingVolumes): ViewshedResult {
  const [lon, lat] = params.observer;
  const ground = grid.sample(lon, lat);
  if (Number.isNaN(ground)) throw new AnalysisInputError('observer', 'lies outside the terrain');
  const eye = ground + params.observerHeight;

  // The window of cells around the observer, and metres per cell across and down at its latitude.
  const across = grid.cellWidth * Math.cos(lat * RAD) * RAD * EARTH_MEAN_RADIUS;
  const down = grid.cellHeight * RAD * EARTH_MEAN_RADIUS;
  const left = Math.max(0, Math.floor(grid.column(lon) - params.radius / across));
  const right = Math.min(grid.width - 1, Math.ceil(grid.column(lon) + params.radius / across));
  const top = Math.max(0, Math.floor(grid.row(lat) - params.radius / down));
  const bottom = Math.min(grid.height - 1, Math.ceil(grid.row(lat) + params.radius / down));
  const columns = right - left + 1;
  const rows = bottom - top + 1;
  if (columns * rows > MAX_CELLS) {
    const widest = Math.floor((Math.sqrt(MAX_CELLS) / 2) * Math.min(across, down));
    throw new AnalysisInputError('radius', `covers ${columns * rows} cells of this terrain, more than ${MAX_CELLS}: at most ${widest} m at its resolution`);
  }
  const surface = surfaceOf(grid, buildings, params.observer, left, top, columns, rows);
  // The observer in window cell coordinates (cell centres at .5), inside the window on its east and south rims too.
  const ox = Math.min(grid.column(lon) - left, columns - 1e-9);
  const oy = Math.min(grid.row(lat) - top, rows - 1e-9);
  const metresTo = (x: number, y: number) => Math.hypot((x - ox) * across, (y - oy) * down);

  const state = new Uint8Array(columns * rows);
  const step = Math.min(across, down) / 2;
  const castTo = (tx: number, ty: number) => {
    const rim = metresTo(tx, ty);
    if (rim === 0) return;
    const length = Math.min(rim, params.radius);
    const dx = ((tx - ox) * across) / rim;
    const dy = ((ty - oy) * down) / rim;
    let steepest = Number.NEGATIVE_INFINITY;
    for (let d = step; d <= length; d += step) {
      const x = ox + (dx * d) / across;
      const y = oy + (dy * d) / down;
      const h = bilinear(surface, columns, rows, x - 0.5, y - 0.5) - curvatureDrop(d) - eye;
      const cell = Math.floor(y) * columns + Math.floor(x);
      if ((h + params.targetHeight) / d >= steepest) state[cell] = VIEWSHED_CELL.visible;
      else if (state[cell] === VIEWSHED_CELL.outside) state[cell] = VIEWSHED_CELL.hidden;
      steepest = Math.max(steepest, h / d);
    }
  };
  for (let x = 0; x < columns; x++) {
    castTo(x + 0.5, 0.5);
    castTo(x + 0.5, rows - 0.5);
  }
  for (let y = 1; y < rows - 1; y++) {
    castTo(0.5, y + 0.5);
    castTo(columns - 0.5, y + 0.5);
  }

  let area = 0;
  let visibleArea = 0;
  for (let y = 0; y < rows; y++) {
    const cellArea = grid.cellArea(top + y);
    for (let x = 0; x < columns; x++) {
      const i = y * columns + x;
      if (metresTo(x + 0.5, y + 0.5) > params.radius) {
        state[i] = VIEWSHED_CELL.outside;
        continue;
      }
      if (state[i] === VIEWSHED_CELL.outside) state[i] = seen(surface, columns, rows, ox, oy, x + 0.5, y + 0.5, across, down, eye, params.targetHeight);
      area += cellArea;
      if (state[i] === VIEWSHED_CELL.visible) visibleArea += cellArea;
    }
  }
  // The observer's own cell is seen.
  const own = Math.floor(oy) * columns + Math.floor(ox);
  if (state[own] === VIEWSHED_CELL.hidden) {
    state[own] = VIEWSHED_CELL.visible;
    visibleArea += grid.cellArea(top + Math.floor(oy));
  }

  return {
    observer: { lon, lat, height: Math.round(eye * 100) / 100 },
    area: Math.round(area),
    visibleArea: Math.round(visibleArea),
    fraction: area > 0 ? Math.round((visibleArea / area) * 10_000) / 10_000 : 0,
    raster: raster(grid, state, left, top, columns, rows),
  };
}

/** Terrain heights of the window with each building's top over the cells its footprint covers. */
function surfaceOf(grid: ElevationGrid, buildings: BuildingVolumes, [lon, lat]: readonly [number, number], left: number, top: number, columns: number, rows: number): Float32Array {
  const surface = new Float32Array(columns * rows);
  for (let y = 0; y < rows; y++) surface.set(grid.heights.subarray((top + y) * grid.width + left, (top + y) * grid.width + left + columns), y * columns);
  const window = buildings.within(grid.lonOf(left), grid.latOf(top + rows), grid.lonOf(left + columns), grid.latOf(top));
  for (const building of window) {
    if (building.polygons.some((polygon) => polygonContains(polygon, lon, lat))) continue;
    for (const polygon of building.polygons) {
      for (const { row, from, to } of polygonCells(grid, polygon)) {
        if (row < top || row >= top + rows) continue;
        for (let column = Math.max(from, left); column <= Math.min(to, left + columns - 1); column++) {
          const i = (row - top) * columns + column - left;
          surface[i] = Math.max(surface[i]!, building.top);
        }
      }
    }
  }
  return surface;
}

/** One cell cast on its own: seen when nothing between the eye and it rises above the line to it. */
function seen(surface: Float32Array, columns: number, rows: number, ox: number, oy: number, tx: number, ty: number, across: number, down: number, eye: number, targetHeight: number): number {
  const length = Math.hypot((tx - ox) * across, (ty - oy) * down);
  const target = (bilinear(surface, columns, rows, tx - 0.5, ty - 0.5) - curvatureDrop(length) - eye + targetHeight) / length;
  const steps = Math.ceil(length / (Math.min(across, down) / 2));
  for (let k = 1; k < steps; k++) {
    const t = k / steps;
    const d = length * t;
    if ((bilinear(surface, columns, rows, ox + (tx - ox) * t - 0.5, oy + (ty - oy) * t - 0.5) - curvatureDrop(d) - eye) / d > target) return VIEWSHED_CELL.hidden;
  }
  return VIEWSHED_CELL.visible;
}

/** The cells' states as the answer's raster, every n-th cell when the window is wider than RASTER_CELLS. */
function raster(grid: ElevationGrid, state: Uint8Array, left: number, top: number, columns: number, rows: number): ViewshedResult['raster'] {
  const stride = Math.max(1, Math.ceil(Math.max(columns, rows) / RASTER_CELLS));
  const width = Math.ceil(columns / stride);
  const height = Math.ceil(rows / stride);
  const cells = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) cells[y * width + x] = state[Math.min(y * stride + (stride >> 1), rows - 1) * columns + Math.min(x * stride + (stride >> 1), columns - 1)]!;
  }
  return {
    west: grid.lonOf(left),
    south: grid.latOf(top + rows),
    east: grid.lonOf(left + columns),
    north: grid.latOf(top),
    width,
    height,
    cells: Buffer.from(cells).toString('base64'),
  };
}
