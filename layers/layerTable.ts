/**
 * Columns every layer table has beside its features' properties, by these names: the pipeline
 * writes them, the server indexes objects by them and the SQL console outlines, frames and
 * exports results by them. `geometry` (GeoJSON text) is the one a table may lack.
 */
export const LAYER_TABLE_COLUMNS = {
  oid: 'oid',
  west: 'west',
  south: 'south',
  east: 'east',
  north: 'north',
  /** A point of the object: the point itself, a line's middle vertex, the centroid of its largest polygon. */
  lon: 'lon',
  lat: 'lat',
  geometry: 'geometry',
} as const;
