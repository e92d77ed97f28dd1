import type { FlatPolygon } from '../../layers/index.ts';
import { type BuildingVolume, BuildingVolumes } from './buildingVolumes.ts';
import { ElevationGrid } from './elevationGrid.ts';

/** A synthetic elevation grid for tests: `height(lon, lat)` at each cell centre. */
export function gridOf(
  extent: { west: number; south: number; cell: number; width: number; height: number },
  height: (lon: number, lat: number) => number,
): ElevationGrid {
  const { west, south, cell, width, height: rows } = extent;
  const north = south + rows * cell;
  const heights = new Float32Array(width * rows);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < width; column++) heights[row * width + column] = height(west + (column + 0.5) * cell, north - (row + 0.5) * cell);
  }
  return new ElevationGrid(west, south, west + width * cell, north, width, rows, heights);
}

/** A box-shaped building for tests: a rectangle footprint from `base` to `base + height`. */
export function boxBuilding(oid: string, [west, south, east, north]: [number, number, number, number], base: number, height: number): BuildingVolume {
  const polygon: FlatPolygon = [Float64Array.of(west, south, east, south, east, north, west, north, west, south)];
  return { oid, layerId: 'buildings', name: oid, polygons: [polygon], bbox: [west, south, east, north], position: [(west + east) / 2, (south + north) / 2], base, top: base + height };
}

export const volumes = (...buildings: BuildingVolume[]) => new BuildingVolumes(buildings);
