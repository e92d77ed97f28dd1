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
    const surface = new MeshSurface(mesh);
    for (const i of inside) {
      const drawn = surface.heightAt((this.cells.lon[i]! - west) / step, (north - this.cells.lat[i]!) / step);
      if (drawn === undefined) continue;
      const difference = Math.abs(drawn - this.cells.height[i]!);
      error.samples++;
      error.sumOfSquares += difference * difference;
      error.max = Math.max(error.max, difference);
    }
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

/** A triangle mesh over a tile's grid, evaluated anywhere on it through an index of which triangles touch each grid cell. */
class MeshSurface {
  private readonly start: Int32Array;
  private readonly entries: Int32Array;
  private readonly cells: number;

  constructor(private readonly mesh: TileMesh) {
    const { vertices, triangles, gridSize } = mesh;
    this.cells = gridSize - 1;
    const counts = new Int32Array(this.cells * this.cells + 1);
    const visit = (each: (cell: number, triangle: number) => void) => {
      for (let t = 0; t < triangles.length; t += 3) {
        const a = 2 * triangles[t]!;
        const b = 2 * triangles[t + 1]!;
        const c = 2 * triangles[t + 2]!;
        const x0 = Math.min(vertices[a]!, vertices[b]!, vertices[c]!);
        const x1 = Math.min(Math.max(vertices[a]!, vertices[b]!, vertices[c]!, x0 + 1), this.cells);
        const y0 = Math.min(vertices[a + 1]!, vertices[b + 1]!, vertices[c + 1]!);
        const y1 = Math.min(Math.max(vertices[a + 1]!, vertices[b + 1]!, vertices[c + 1]!, y0 + 1), this.cells);
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) each(y * this.cells + x, t);
      }
    };
    visit((cell) => counts[cell + 1]!++);
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    this.start = counts;
    this.entries = new Int32Array(counts[counts.length - 1]!);
    const filled = new Int32Array(this.cells * this.cells);
    visit((cell, triangle) => (this.entries[this.start[cell]! + filled[cell]!++] = triangle));
  }

  /** The surface's height at grid position (column, row), by the triangle containing it. */
  heightAt(column: number, row: number): number | undefined {
    const x = Math.min(Math.max(Math.floor(column), 0), this.cells - 1);
    const y = Math.min(Math.max(Math.floor(row), 0), this.cells - 1);
    const { vertices, triangles, heights, gridSize } = this.mesh;
    const cell = y * this.cells + x;
    for (let k = this.start[cell]!; k < this.start[cell + 1]!; k++) {
      const t = this.entries[k]!;
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
      const wb = ((column - ax) * (cy - ay) - (cx - ax) * (row - ay)) / area;
      const wc = ((bx - ax) * (row - ay) - (column - ax) * (by - ay)) / area;
      const wa = 1 - wb - wc;
      if (wa < -1e-9 || wb < -1e-9 || wc < -1e-9) continue;
      return wa * heights[ay * gridSize + ax]! + wb * heights[by * gridSize + bx]! + wc * heights[cy * gridSize + cx]!;
    }
    return undefined;
  }
}
