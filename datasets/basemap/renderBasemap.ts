import { join } from 'node:path';
import { PNG } from 'pngjs';
import { writeDataFile } from '../output/writeDataFile.ts';
import type { GeographicGrid } from '../terrain/geographicGrid.ts';
import { tileRange } from '../terrain/tilingScheme.ts';
import { METRES_PER_DEGREE } from '../geo/units.ts';

const TILE_SIZE = 256;
export interface BasemapLine {
  coordinates: [number, number][];
  /** Line width in metres; drawn at least one pixel wide. */
  width: number;
  color: [number, number, number];
  /** Drawn only where it is a pixel wide or more: a town's streets, which would paint the whole town at county scale. */
  minor?: boolean;
}

export interface BasemapOptions {
  outDir: string;
  maxLevel: number;
  lines: BasemapLine[];
  /** Ground colour at a point (land use, say); where it gives none, the height's tint. */
  groundColor?: (lon: number, lat: number) => readonly [number, number, number] | undefined;
  onTile?: (tiles: number) => void;
  /** [west, south, east, north]: the tiles that overlap it are rendered; the DEM's extent by default. */
  extent?: [number, number, number, number];
}

/**
 * Renders the offline base map from the twin's own data: a hillshade of the DEM (light from the
 * north-west) over the ground colour (land use where known, else a hypsometric tint), with
 * rivers and roads drawn on. Geographic tiling
 * (EPSG:4326, as the terrain), 256-pixel PNG tiles at `{z}/{x}/{y}.png` with rows from the
 * north, over the DEM's extent only; outside it the tiles are transparent.
 */
export async function renderBasemap(grid: GeographicGrid, options: BasemapOptions): Promise<number> {
  const extent = options.extent ?? [grid.west, grid.south, grid.east, grid.north];
  let tiles = 0;
  for (let level = 0; level <= options.maxLevel; level++) {
    const range = tileRange(level, extent);
    const rows = 2 ** level;
    for (let x = range.startX; x <= range.endX; x++) {
      for (let tmsY = range.startY; tmsY <= range.endY; tmsY++) {
        const y = rows - 1 - tmsY;
        const png = renderTile(grid, level, x, y, options);
        await writeDataFile(join(options.outDir, String(level), String(x), `${y}.png`), png);
        tiles++;
        options.onTile?.(tiles);
      }
    }
  }
  return tiles;
}

function renderTile(grid: GeographicGrid, level: number, x: number, y: number, { lines, groundColor }: BasemapOptions): Uint8Array {
  const size = 180 / 2 ** level;
  const west = -180 + x * size;
  const north = 90 - y * size;
  const step = size / TILE_SIZE;
  const cosLat = Math.cos(((north - size / 2) * Math.PI) / 180);
  const dx = step * METRES_PER_DEGREE * cosLat;
  const dy = step * METRES_PER_DEGREE;
  const png = new PNG({ width: TILE_SIZE, height: TILE_SIZE });
  const data = png.data;
  // Heights on a grid one pixel wider on each side, for the slopes at the tile's edge.
  const span = TILE_SIZE + 2;
  const heights = new Float32Array(span * span);
  for (let row = 0; row < span; row++) {
    for (let column = 0; column < span; column++) {
      heights[row * span + column] = grid.sample(west + (column - 0.5) * step, north - (row - 0.5) * step);
    }
  }
  for (let row = 0; row < TILE_SIZE; row++) {
    for (let column = 0; column < TILE_SIZE; column++) {
      const i = (row + 1) * span + (column + 1);
      const h = heights[i]!;
      const o = 4 * (row * TILE_SIZE + column);
      if (Number.isNaN(h)) {
        data[o + 3] = 0;
        continue;
      }
      const east = heights[i + 1]!;
      const westH = heights[i - 1]!;
      const south = heights[i + span]!;
      const northH = heights[i - span]!;
      const slopeX = Number.isNaN(east) || Number.isNaN(westH) ? 0 : (east - westH) / (2 * dx);
      const slopeY = Number.isNaN(northH) || Number.isNaN(south) ? 0 : (northH - south) / (2 * dy);
      const [r, g, b] = groundColor?.(west + (column + 0.5) * step, north - (row + 0.5) * step) ?? tint(h);
      const shade = hillshade(slopeX, slopeY);
      data[o] = Math.min(255, r * shade);
      data[o + 1] = Math.min(255, g * shade);
      data[o + 2] = Math.min(255, b * shade);
      data[o + 3] = 255;
    }
  }
  const pixelMetres = step * METRES_PER_DEGREE;
  for (const line of lines) if (!line.minor || line.width >= pixelMetres) drawLine(data, line, west, north, step);
  // One filter for every row: trying all five per row (the default) costs several times the encode.
  return PNG.sync.write(png, { colorType: 6, filterType: 4, deflateLevel: 6 });
}

/** Hypsometric colours: paddy green in the valleys, through tea-garden olive, to forest and bare peaks. */
const stops: [number, [number, number, number]][] = [
  [0, [170, 200, 150]],
  [150, [176, 204, 148]],
  [350, [150, 180, 120]],
  [700, [118, 150, 98]],
  [1100, [140, 140, 110]],
  [1600, [200, 195, 180]],
];

function tint(height: number): [number, number, number] {
  for (let i = 1; i < stops.length; i++) {
    const [h1, c1] = stops[i]!;
    if (height <= h1) {
      const [h0, c0] = stops[i - 1]!;
      const t = Math.max(0, (height - h0) / (h1 - h0));
      return [c0[0] + t * (c1[0] - c0[0]), c0[1] + t * (c1[1] - c0[1]), c0[2] + t * (c1[2] - c0[2])];
    }
  }
  return stops[stops.length - 1]![1];
}

/** Lambertian shade for light from the north-west at 45°, scaled so flat ground keeps its tint. */
function hillshade(slopeX: number, slopeY: number): number {
  const exaggeration = 2;
  const nx = -slopeX * exaggeration;
  const ny = -slopeY * exaggeration;
  const length = Math.hypot(nx, ny, 1);
  const light = [-Math.SQRT1_2 * Math.SQRT1_2, Math.SQRT1_2 * Math.SQRT1_2, Math.SQRT1_2];
  const lambert = (nx * light[0]! + ny * light[1]! + light[2]!) / length;
  return 0.35 + 0.65 * (lambert / light[2]!);
}

/** Draws a polyline by painting every pixel within half its width of a segment. */
function drawLine(data: Buffer, line: BasemapLine, west: number, north: number, step: number): void {
  const pixelMetres = step * METRES_PER_DEGREE;
  const half = Math.max(line.width / pixelMetres, 1) / 2;
  const toPixel = ([lon, lat]: [number, number]) => [(lon - west) / step, (north - lat) / step] as const;
  for (let i = 0; i + 1 < line.coordinates.length; i++) {
    const [ax, ay] = toPixel(line.coordinates[i]!);
    const [bx, by] = toPixel(line.coordinates[i + 1]!);
    const minX = Math.max(0, Math.floor(Math.min(ax, bx) - half));
    const maxX = Math.min(TILE_SIZE - 1, Math.ceil(Math.max(ax, bx) + half));
    const minY = Math.max(0, Math.floor(Math.min(ay, by) - half));
    const maxY = Math.min(TILE_SIZE - 1, Math.ceil(Math.max(ay, by) + half));
    if (minX > maxX || minY > maxY) continue;
    const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2 || 1;
    for (let py = minY; py <= maxY; py++) {
      for (let px = minX; px <= maxX; px++) {
        const t = Math.max(0, Math.min(1, ((px + 0.5 - ax) * (bx - ax) + (py + 0.5 - ay) * (by - ay)) / lengthSquared));
        const distance = Math.hypot(px + 0.5 - (ax + t * (bx - ax)), py + 0.5 - (ay + t * (by - ay)));
        const coverage = Math.max(0, Math.min(1, half + 0.5 - distance));
        if (coverage === 0) continue;
        const o = 4 * (py * TILE_SIZE + px);
        if (data[o + 3] === 0) continue;
        for (let k = 0; k < 3; k++) data[o + k] = data[o + k]! * (1 - coverage) + line.color[k]! * coverage;
      }
    }
  }
}
