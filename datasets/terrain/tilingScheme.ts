/**
 * Cesium's geographic tiling scheme (EPSG:4326, TMS rows from the south): two 180° tiles at
 * level 0, four children per tile below.
 */

export interface TileAddress {
  level: number;
  x: number;
  y: number;
}

export interface TileBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export function tileBounds({ level, x, y }: TileAddress): TileBounds {
  const size = 180 / 2 ** level;
  return { west: -180 + x * size, south: -90 + y * size, east: -180 + (x + 1) * size, north: -90 + (y + 1) * size };
}

/** The x and y ranges of the tiles at `level` that touch an extent (degrees). */
export function tileRange(level: number, [west, south, east, north]: [number, number, number, number]) {
  const size = 180 / 2 ** level;
  const clampX = (x: number) => Math.min(Math.max(x, 0), 2 ** (level + 1) - 1);
  const clampY = (y: number) => Math.min(Math.max(y, 0), 2 ** level - 1);
  return {
    startX: clampX(Math.floor((west + 180) / size)),
    endX: clampX(Math.ceil((east + 180) / size) - 1),
    startY: clampY(Math.floor((south + 90) / size)),
    endY: clampY(Math.ceil((north + 90) / size) - 1),
  };
}

/**
 * The geometric error Cesium allows a terrain tile at `level` (its
 * `TerrainProvider.getEstimatedLevelZeroGeometricErrorForAHeightmap` for a 65-sample heightmap,
 * halved per level). A mesh within this error refines exactly when Cesium expects it to.
 */
export function levelMaximumGeometricError(level: number): number {
  const levelZero = (6378137 * 2 * Math.PI * 0.25) / (65 * 2);
  return levelZero / 2 ** level;
}
