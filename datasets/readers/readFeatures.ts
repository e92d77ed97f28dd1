import { extname } from 'node:path';
import { type Crs, resolveCrs } from '../crs/resolveCrs.ts';
import { readFlatGeobuf } from './flatgeobuf.ts';
import { readGeoJson } from './geojson.ts';
import { readGeoPackage } from './geopackage.ts';
import { readShapefile } from './shapefile.ts';
import { InputError, type SourceEvent } from './types.ts';

/** The features of a GeoJSON, Shapefile, FlatGeobuf or GeoPackage file, by its extension. */
export function readFeatures(
  input: string,
  options: { onBytes?: (bytes: number) => void; encoding?: string | undefined; sourceLayer?: string | undefined },
): AsyncIterable<SourceEvent> {
  const extension = extname(input).toLowerCase();
  const readerOptions = { ...(options.onBytes ? { onBytes: options.onBytes } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) };
  if (options.sourceLayer !== undefined && extension !== '.gpkg') throw new InputError(input, '--source-layer applies to GeoPackage (.gpkg) files only');
  if (extension === '.geojson' || extension === '.json') return readGeoJson(input, readerOptions);
  if (extension === '.shp') return readShapefile(input, readerOptions);
  if (extension === '.fgb') return readFlatGeobuf(input, readerOptions);
  if (extension === '.gpkg') return readGeoPackage(input, { ...readerOptions, ...(options.sourceLayer ? { table: options.sourceLayer } : {}) });
  throw new InputError(input, `unsupported format "${extension}"; expected .geojson, .json, .shp, .fgb or .gpkg`);
}

/** The CRS a file states, or an error naming the file. */
export function resolveCrsOf(input: string, spec: string): Crs {
  try {
    return resolveCrs(spec);
  } catch (error) {
    throw new InputError(input, `${(error as Error).message}; pass --crs to override`);
  }
}
