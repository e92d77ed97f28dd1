import { type TileAddress, tileBounds } from './tilingScheme.ts';

/** How far one level's terrain surface lies from the DEM, at the DEM's own cell centres. */
export interface LevelAccuracy {
  level: number;
  /** Cell centres measured. */
  samples: number;
  rmsMetres: number;
  maxMetres: number;
}

/** How far one tile's surface lies from the DEM cells inside it. */
export interface TileError {
  samples: number;
  sumOfSquares: number;
  max: number;
  rms: number;
}

/** A tile's mesh as the mesher gives it: grid vertices (column, row pairs), triangles, and the grid's heights. */
export interface TileMesh {
  vertices: Uint16Array;
  triangles: Uint32Array;
  heights: Float32Array;
  gridSize: number;
}

/**
 * Measures the terrain against the DEM it was made from: each tile's triangle surface (what a
 * client draws) is evaluated at the DEM cell centres inside the tile and compared with the cell's
 * height, level by level. The oracle is the DEM's cells, not the grid the tiles were sampled from.
 */
export class TerrainAccuracy {
  private readonly buckets = new Map<number, Map<number, number[]>>();
  private readonly totals = new Map<number, { samples: number; sumOfSquares: number; max: number }>();

  constructor(private readonly cells: { lon: Float64Array; lat: Float64Array; height: Float32Array }) {}

  /** The errors of one tile's mesh at the cells that fall inside it (nothing recorded yet). */
  measure(tile: TileAddress, mesh: TileMesh): TileError {
    const error = { samples: 0, sumOfSquares: 0, max: 0, rms: 0 };
    const inside = this.cellsIn(tile);
    if (inside.length === 0) return error;
    const { west, north, east } = tileBounds(tile);
    const step = (east - west) / (mesh.gridSize - 1);
    const columns = inside.map((i) => (this.cells.lon[i]! - west) / step);
    const rows = inside.map((i) => (north - this.cells.lat[i]!) / step);
    const drawn = surfaceHeights(mesh, columns, rows);
    inside.forEach((i, k) => {
      if (Number.isNaN(drawn[k]!)) return;
      const difference = Math.abs(drawn[k]! - this.cells.height[i]!);
      error.samples++;
      error.sumOfSquares += difference * difference;
      error.max = Math.max(error.max, difference);
    });
    error.rms = Math.sqrt(error.sumOfSquares / Math.max(error.samples, 1));
    return error;
  }

  /** Counts a tile's errors into its level's figures. */
  record(level: number, error: TileError): void {
    const total = this.totals.get(level) ?? { samples: 0, sumOfSquares: 0, max: 0 };
    total.samples += error.samples;
    total.sumOfSquares += error.sumOfSquares;
    total.max = Math.max(total.max, error.max);
    this.totals.set(level, total);
  }

  report(): LevelAccuracy[] {
    return [...this.totals.entries()]
      .sort(([a], [b]) => a - b)
      .map(([level, { samples, sumOfSquares, max }]) => ({
        level,
        samples,
        rmsMetres: round(Math.sqrt(sumOfSquares / Math.max(samples, 1))),
        maxMetres: round(max),
      }));
  }

  /** The cells inside a tile; all tiles of a level are bucketed the first time one of them asks. */
  private cellsIn({ level, x, y }: TileAddress): number[] {
    let bucket = this.buckets.get(level);
    if (!bucket) {
      bucket = new Map();
      const size = 180 / 2 ** level;
      const columns = 2 ** (level + 1);
      for (let i = 0; i < this.cells.lon.length; i++) {
        const key = Math.floor((this.cells.lat[i]! + 90) / size) * columns + Math.floor((this.cells.lon[i]! + 180) / size);
        const list = bucket.get(key);
        if (list) list.push(i);
        else bucket.set(key, [i]);
      }
      this.buckets.delete(level - 1); // levels are measured in order: the coarser level's buckets are done
      this.buckets.set(level, bucket);
    }
    return bucket.get(y * 2 ** (level + 1) + x) ?? [];
  }
}

const round = (metres: number) => Math.round(metres * 1000) / 1000;

/**
 * The mesh's surface height at grid positions (column, row), NaN where no triangle holds one:
 * the points are sorted into the grid's cells, then each triangle, in order, takes the points
 * of the cells its box covers that lie in it and no earlier triangle took.
 */
function surfaceHeights({ vertices, triangles, heights, gridSize }: TileMesh, columns: number[], rows: number[]): Float64Array {
  const cells = gridSize - 1;
  const first = new Int32Array(cells * cells).fill(-1);
  const next = new Int32Array(columns.length);
  for (let p = columns.length - 1; p >= 0; p--) {
    const x = Math.min(Math.max(Math.floor(columns[p]!), 0), cells - 1);
    const y = Math.min(Math.max(Math.floor(rows[p]!), 0), cells - 1);
    next[p] = first[y * cells + x]!;
    first[y * cells + x] = p;
  }
  const drawn = new Float64Array(columns.length).fill(Number.NaN);
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t]!;
    const b = triangles[t + 1]!;
    const c = triangles[t + 2]!;
    const ax = vertices[2 * a]!;
    const ay = vertices[2 * a + 1]!;
    const bx = vertices[2 * b]!;
    const by = vertices[2 * b + 1]!;
    const cx = vertices[2 * c]!;
    const cy = vertices[2 * c + 1]!;
    const area = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
    if (area === 0) continue;
    const x0 = Math.min(ax, bx, cx);
    const x1 = Math.min(Math.max(ax, bx, cx, x0 + 1), cells);
    const y0 = Math.min(ay, by, cy);
    const y1 = Math.min(Math.max(ay, by, cy, y0 + 1), cells);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        for (let p = first[y * cells + x]!; p !== -1; p = next[p]!) {
          if (!Number.isNaN(drawn[p]!)) continue;
          const column = columns[p]!;
          const row = rows[p]!;
          const wb = ((column - ax) * (cy - ay) - (cx - ax) * (row - ay)) / area;
          const wc = ((bx - ax) * (row - ay) - (column - ax) * (by - ay)) / area;
          const wa = 1 - wb - wc;
          if (wa < -1e-9 || wb < -1e-9 || wc < -1e-9) continue;
          drawn[p] = wa * heights[ay * gridSize + ax]! + wb * heights[by * gridSize + bx]! + wc * heights[cy * gridSize + cx]!;
        }
      }
    }
  }
  return drawn;
}
