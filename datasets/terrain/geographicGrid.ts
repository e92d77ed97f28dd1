import { bilinear } from '../../layers/index.ts';
import type { Dem } from '../raster/dem.ts';

/**
 * A DEM resampled once onto a longitude/latitude grid, so that meshing a terrain tile samples
 * with plain arithmetic instead of a CRS transform per point.
 */
export class GeographicGrid {
  readonly heights: Float32Array;

  private constructor(
    readonly west: number,
    readonly south: number,
    readonly east: number,
    readonly north: number,
    readonly width: number,
    readonly height: number,
    heights: Float32Array,
  ) {
    this.heights = heights;
  }

  /**
   * Resamples `dem` over its WGS84 extent at about its own resolution. No-data cells, inside the
   * DEM (a void in a survey) or at its rim (a projected DEM's corners), take their heights from
   * the nearest cells that have one: the terrain bridges a void instead of dropping to 0 m.
   */
  static fromDem(dem: Dem): GeographicGrid {
    const [west, south, east, north] = dem.extent;
    const aspect = (east - west) / (north - south);
    const cells = dem.width * dem.height;
    const height = Math.max(2, Math.round(Math.sqrt(cells / aspect)));
    const width = Math.max(2, Math.round(height * aspect));
    const heights = new Float32Array(width * height);
    for (let row = 0; row < height; row++) {
      const lat = north - ((row + 0.5) / height) * (north - south);
      for (let column = 0; column < width; column++) {
        const lon = west + ((column + 0.5) / width) * (east - west);
        heights[row * width + column] = dem.sample(lon, lat) ?? Number.NaN;
      }
    }
    fillNoData(heights, width, height);
    return new GeographicGrid(west, south, east, north, width, height, heights);
  }

  /** Bilinear height at a point, or NaN outside the grid or on no-data. */
  sample(lon: number, lat: number): number {
    const column = ((lon - this.west) / (this.east - this.west)) * this.width - 0.5;
    const row = ((this.north - lat) / (this.north - this.south)) * this.height - 0.5;
    if (!(column >= -0.5 && row >= -0.5 && column <= this.width - 0.5 && row <= this.height - 0.5)) return Number.NaN;
    return bilinear(this.heights, this.width, this.height, column, row);
  }

  /**
   * Height anywhere: inside the grid its sample; outside, the nearest edge's height easing to 0
   * over `fade` degrees, so the terrain does not end in a cliff at the DEM's border.
   */
  sampleOrFade(lon: number, lat: number, fade: number): number {
    const inside = this.sample(lon, lat);
    if (!Number.isNaN(inside)) return inside;
    const clampedLon = Math.min(Math.max(lon, this.west), this.east);
    const clampedLat = Math.min(Math.max(lat, this.south), this.north);
    const edge = this.sample(clampedLon, clampedLat);
    if (Number.isNaN(edge)) return 0;
    const t = Math.min(Math.hypot(lon - clampedLon, lat - clampedLat) / fade, 1);
    return edge * (1 - t * t * (3 - 2 * t));
  }

  /**
   * `sampleOrFade` at every crossing of the given longitudes and latitudes, row by row (a tile's
   * height grid): where each longitude and latitude falls in the grid is worked out once.
   */
  sampleLattice(lons: Float64Array, lats: Float64Array, fade: number, out: Float32Array): void {
    const across = lons.length;
    const columns = lons.map((lon) => ((lon - this.west) / (this.east - this.west)) * this.width - 0.5);
    const rows = lats.map((lat) => ((this.north - lat) / (this.north - this.south)) * this.height - 0.5);
    const h = this.heights;
    for (let y = 0; y < lats.length; y++) {
      const row = rows[y]!;
      const rowInside = row >= -0.5 && row <= this.height - 0.5;
      const r = Math.min(Math.max(row, 0), this.height - 1);
      const r0 = Math.min(Math.floor(r), this.height - 2);
      const fr = r - r0;
      for (let x = 0; x < across; x++) {
        const column = columns[x]!;
        if (!(rowInside && column >= -0.5 && column <= this.width - 0.5)) {
          out[y * across + x] = this.sampleOrFade(lons[x]!, lats[y]!, fade);
          continue;
        }
        const c = Math.min(Math.max(column, 0), this.width - 1);
        const c0 = Math.min(Math.floor(c), this.width - 2);
        const fc = c - c0;
        const i = r0 * this.width + c0;
        out[y * across + x] = (h[i]! * (1 - fc) + h[i + 1]! * fc) * (1 - fr) + (h[i + this.width]! * (1 - fc) + h[i + this.width + 1]! * fc) * fr;
      }
    }
  }

  /** Cell size in degrees. */
  get resolution(): number {
    return Math.min((this.east - this.west) / this.width, (this.north - this.south) / this.height);
  }
}

/**
 * Fills the NaN cells of a grid ring by ring from the cells that have heights: each cell next to
 * one takes the mean of its neighbours (of eight) known before its ring, then the next ring
 * follows, until none is left. Linear in the cells; a void's middle takes its rim's heights.
 */
function fillNoData(heights: Float32Array, width: number, height: number): void {
  const neighbours = (i: number, visit: (j: number) => void) => {
    const row = Math.floor(i / width);
    const column = i % width;
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const r = row + dr;
        const c = column + dc;
        if ((dr !== 0 || dc !== 0) && r >= 0 && r < height && c >= 0 && c < width) visit(r * width + c);
      }
    }
  };
  const queued = new Uint8Array(heights.length);
  let ring: number[] = [];
  for (let i = 0; i < heights.length; i++) {
    if (!Number.isNaN(heights[i]!)) continue;
    let touches = false;
    neighbours(i, (j) => (touches ||= !Number.isNaN(heights[j]!)));
    if (touches) {
      ring.push(i);
      queued[i] = 1;
    }
  }
  while (ring.length > 0) {
    const values = ring.map((i) => {
      let sum = 0;
      let count = 0;
      neighbours(i, (j) => {
        if (!Number.isNaN(heights[j]!)) {
          sum += heights[j]!;
          count++;
        }
      });
      return sum / count;
    });
    ring.forEach((i, k) => (heights[i] = values[k]!));
    const next: number[] = [];
    for (const i of ring) {
      neighbours(i, (j) => {
        if (Number.isNaN(heights[j]!) && !queued[j]) {
          queued[j] = 1;
          next.push(j);
        }
      });
    }
    ring = next;
  }
}
