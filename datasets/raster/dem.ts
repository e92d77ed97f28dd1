import { readFile } from 'node:fs/promises';
import { fromArrayBuffer, type GeoTIFFImage } from 'geotiff';
import { type Crs, resolveCrs } from '../crs/resolveCrs.ts';
import type { VerticalDatum } from '../../layers/index.ts';
import { toEllipsoidal } from '../geo/verticalDatum.ts';
import { InputError } from '../readers/types.ts';

/** A digital elevation model held in memory, sampled by WGS84 longitude/latitude. */
export interface Dem {
  width: number;
  height: number;
  crs: Crs;
  /** Extent in WGS84 degrees: west, south, east, north (of the DEM's corners). */
  extent: [number, number, number, number];
  /** Height in metres at a point (bilinear), or undefined outside the DEM or on no-data. */
  sample: (lon: number, lat: number) => number | undefined;
  /**
   * The WGS84 positions and heights of the DEM's cell centres away from no-data and from its rim
   * (the cell and its eight neighbours all have heights): every cell, or every n-th row and
   * column so that about `maxCount` remain. What a terrain made from the DEM is checked against.
   */
  cellCentres: (maxCount: number) => { lon: Float64Array; lat: Float64Array; height: Float32Array };
}

const PIXEL_IS_POINT = 2;

/**
 * Reads a GeoTIFF DEM (integer or float, any CRS its GeoKeys name by EPSG code, or `crs`), its
 * heights made ellipsoidal from `verticalDatum` (default: they are already).
 * Refuses, naming the file, what is not a GeoTIFF, has no georeference, or holds no heights.
 */
export async function readDem(path: string, options: { crs?: string; verticalDatum?: VerticalDatum } = {}): Promise<Dem> {
  const bytes = await readFile(path).catch(() => {
    throw new InputError(path, 'does not exist or cannot be read');
  });
  let image: GeoTIFFImage;
  try {
    image = await (await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).getImage();
  } catch (error) {
    throw new InputError(path, `is not a GeoTIFF: ${(error as Error).message}`);
  }
  const keys = image.getGeoKeys() ?? {};
  let origin: number[];
  let resolution: number[];
  try {
    origin = image.getOrigin();
    resolution = image.getResolution();
  } catch {
    throw new InputError(path, 'has no georeference (no tie point and pixel scale or transformation)');
  }
  const code = keys.ProjectedCSTypeGeoKey ?? keys.GeographicTypeGeoKey;
  const crsSpec = options.crs ?? (code && code !== 32767 ? `EPSG:${code}` : undefined);
  if (!crsSpec) throw new InputError(path, 'names no EPSG CRS in its GeoKeys; pass its CRS (e.g. EPSG:4549)');
  const crs = resolveCrs(crsSpec);

  const width = image.getWidth();
  const height = image.getHeight();
  if (width < 2 || height < 2) throw new InputError(path, `is too small to interpolate (${width} × ${height} cells)`);
  const [raster] = (await image.readRasters({ samples: [0] })) as unknown as [ArrayLike<number>];
  const noData = image.getGDALNoData();
  const heights = Float32Array.from(raster as ArrayLike<number>, (v) => (v === noData || !Number.isFinite(v) ? Number.NaN : v));
  if (!heights.some((v) => !Number.isNaN(v))) throw new InputError(path, 'holds no heights: every cell is no-data');

  // Pixel centres: PixelIsArea tie points mark a cell's corner, PixelIsPoint its centre.
  const half = keys.GTRasterTypeGeoKey === PIXEL_IS_POINT ? 0 : 0.5;
  const [x0, y0] = [origin[0]! + half * resolution[0]!, origin[1]! + half * resolution[1]!];
  const [dx, dy] = [resolution[0]!, resolution[1]!];
  if (options.verticalDatum && options.verticalDatum !== 'ellipsoidal') {
    const undulation = toEllipsoidal(options.verticalDatum);
    for (let row = 0; row < height; row++) {
      for (let column = 0; column < width; column++) {
        const i = row * width + column;
        if (Number.isNaN(heights[i]!)) continue;
        const [lon, lat] = crs.toWgs84(x0 + column * dx, y0 + row * dy);
        heights[i]! += undulation(lon, lat);
      }
    }
  }

  const sample = (lon: number, lat: number) => {
    const [x, y] = crs.fromWgs84(lon, lat);
    // A cell covers half a cell around its centre: points in the outer half of an edge cell take the edge value.
    let column = (x - x0) / dx;
    let row = (y - y0) / dy;
    if (!(column >= -0.5 && row >= -0.5 && column <= width - 0.5 && row <= height - 0.5)) return undefined;
    column = Math.min(Math.max(column, 0), width - 1);
    row = Math.min(Math.max(row, 0), height - 1);
    const c0 = Math.min(Math.floor(column), width - 2);
    const r0 = Math.min(Math.floor(row), height - 2);
    const fc = column - c0;
    const fr = row - r0;
    // On no-data when the nearest cell is; beside it, the cells that have heights, so weighted.
    if (Number.isNaN(heights[Math.round(row) * width + Math.round(column)]!)) return undefined;
    let sum = 0;
    let weights = 0;
    for (const [r, c, weight] of [[r0, c0, (1 - fc) * (1 - fr)], [r0, c0 + 1, fc * (1 - fr)], [r0 + 1, c0, (1 - fc) * fr], [r0 + 1, c0 + 1, fc * fr]] as const) {
      const value = heights[r * width + c]!;
      if (Number.isNaN(value) || weight === 0) continue;
      sum += value * weight;
      weights += weight;
    }
    return sum / weights;
  };

  const cellCentres = (maxCount: number) => {
    const stride = Math.max(1, Math.ceil(Math.sqrt(((width - 2) * (height - 2)) / maxCount)));
    const lon: number[] = [];
    const lat: number[] = [];
    const kept: number[] = [];
    for (let row = 1; row < height - 1; row += stride) {
      for (let column = 1; column < width - 1; column += stride) {
        let whole = true;
        for (let r = row - 1; r <= row + 1 && whole; r++) for (let c = column - 1; c <= column + 1 && whole; c++) whole = !Number.isNaN(heights[r * width + c]!);
        if (!whole) continue;
        const [x, y] = crs.toWgs84(x0 + column * dx, y0 + row * dy);
        lon.push(x);
        lat.push(y);
        kept.push(heights[row * width + column]!);
      }
    }
    return { lon: Float64Array.from(lon), lat: Float64Array.from(lat), height: Float32Array.from(kept) };
  };

  const corners = [
    crs.toWgs84(origin[0]!, origin[1]!),
    crs.toWgs84(origin[0]! + width * dx, origin[1]!),
    crs.toWgs84(origin[0]!, origin[1]! + height * dy),
    crs.toWgs84(origin[0]! + width * dx, origin[1]! + height * dy),
  ];
  const lons = corners.map(([lon]) => lon);
  const lats = corners.map(([, lat]) => lat);
  return { width, height, crs, extent: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], sample, cellCentres };
}
