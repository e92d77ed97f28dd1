import { join } from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { writeDataFile } from '../output/writeDataFile.ts';
import type { GeographicGrid } from './geographicGrid.ts';

/** The terrain layer's elevation grid, beside its tiles (the catalog entry's `elevation`). */
export const ELEVATION_FILE = 'elevation.tif';

/**
 * Writes the heights a terrain is meshed from as a float32 GeoTIFF in EPSG:4326 (no-data already
 * filled, so it has none): the DEM at its own resolution, which the server's analyses read and
 * desktop GIS opens as it is.
 */
export async function writeElevationFile(outDir: string, grid: GeographicGrid): Promise<void> {
  const tiff = writeArrayBuffer(grid.heights, {
    width: grid.width,
    height: grid.height,
    BitsPerSample: [32],
    SampleFormat: [3],
    ModelPixelScale: [(grid.east - grid.west) / grid.width, (grid.north - grid.south) / grid.height, 0],
    ModelTiepoint: [0, 0, 0, grid.west, grid.north, 0],
    GTModelTypeGeoKey: 2,
    GTRasterTypeGeoKey: 1,
    GeographicTypeGeoKey: 4326,
  });
  await writeDataFile(join(outDir, ELEVATION_FILE), new Uint8Array(tiff));
}
