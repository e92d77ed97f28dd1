/** A GeoJSON geometry as read, before any CRS is applied. */
export type Position = number[];
export type SourceGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: string; coordinates?: unknown };

/** One feature of an input file, numbered from 0 in file order (the number reports use). */
export interface SourceFeature {
  index: number;
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: SourceGeometry | null;
}

/** What a reader yields: the file's own CRS statement (when it has one) and its features. */
export type SourceEvent = { type: 'crs'; crs: string } | { type: 'feature'; feature: SourceFeature };

/** A file that cannot be read at all; a bad feature is reported and skipped instead. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'InputError';
  }
}
