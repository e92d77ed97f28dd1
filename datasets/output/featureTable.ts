import { LAYER_TABLE_COLUMNS as C } from '../../layers/index.ts';
import { ringCentroid, signedArea2 } from '../geometry/ring.ts';
import type { AttributeColumn } from './attributeFiles.ts';

/** What a vector layer's files hold of one feature. */
export interface LayerRow {
  id?: string | number | undefined;
  properties: Record<string, unknown>;
  /** The geometry as GeoJSON text, as `JSON.stringify` writes it. */
  geometry: string;
  /** [west, south, east, north] */
  bbox: readonly number[];
  /** A point on or in the geometry for labels and lookups: [lon, lat]. */
  point: readonly number[];
}

export interface GeoJsonFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

/**
 * A vector layer as table columns for SQL: its properties (numbers as float64, everything else
 * as text), the geometry as GeoJSON text, its bbox and a representative point (lon, lat).
 */
export function featureTableColumns(rows: LayerRow[]): AttributeColumn[] {
  const keys = new Set<string>();
  for (const { properties } of rows) for (const key in properties) keys.add(key);
  const columns: AttributeColumn[] = [...keys].map((key) => {
    const numeric = rows.every(({ properties }) => properties[key] === undefined || typeof properties[key] === 'number');
    if (numeric) return { name: key, type: 'float64', values: Float64Array.from(rows, ({ properties }) => (properties[key] as number | undefined) ?? Number.NaN) };
    return { name: key, type: 'utf8', values: rows.map(({ properties }) => (properties[key] === undefined || properties[key] === null ? '' : String(properties[key]))) };
  });
  columns.push(
    { name: C.geometry, type: 'utf8', values: rows.map((row) => row.geometry) },
    ...[C.west, C.south, C.east, C.north].map((name, side) => ({ name, type: 'float64' as const, values: Float64Array.from(rows, (row) => row.bbox[side]!) })),
    { name: C.lon, type: 'float64', values: Float64Array.from(rows, (row) => row.point[0]!) },
    { name: C.lat, type: 'float64', values: Float64Array.from(rows, (row) => row.point[1]!) },
  );
  return columns;
}

/** A GeoJSON feature as a layer's row. */
export function layerRowOf({ id, properties, geometry }: GeoJsonFeature): LayerRow {
  const bbox = bounds(geometry.coordinates);
  return { id, properties, geometry: JSON.stringify(geometry), bbox, point: representativePoint(geometry, bbox) };
}

type Box = [number, number, number, number];

/** The extent of nested GeoJSON positions. */
function bounds(coordinates: unknown): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown[]) => {
    if (typeof value[0] === 'number') {
      const x = value[0];
      const y = value[1] as number;
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    } else for (const part of value) if (Array.isArray(part)) visit(part);
  };
  if (Array.isArray(coordinates)) visit(coordinates);
  return box;
}

/** The point itself, a line's middle vertex, the centroid of a polygon's largest outer ring, else the middle of its extent. */
function representativePoint(geometry: GeoJsonFeature['geometry'], box: Box): [number, number] {
  const c = geometry.coordinates as never;
  switch (geometry.type) {
    case 'Point':
      return c;
    case 'LineString':
      return (c as number[][])[Math.floor((c as number[][]).length / 2)] as [number, number];
    case 'Polygon':
      return ringCentroid((c as number[][][])[0]!.flat());
    case 'MultiPolygon':
      return largestRingCentroid((c as number[][][][]).map((polygon) => polygon[0]!.flat()));
    default:
      return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
  }
}

/** The centroid of the largest of some rings (flat [x, y, …]): a multipolygon's label goes in its main part. */
export function largestRingCentroid(rings: ArrayLike<number>[]): [number, number] {
  return ringCentroid(rings.length === 1 ? rings[0]! : rings.reduce((a, b) => (Math.abs(signedArea2(b)) > Math.abs(signedArea2(a)) ? b : a)));
}
