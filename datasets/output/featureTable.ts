import { LAYER_TABLE_COLUMNS as C } from '../../layers/index.ts';
import { ringCentroid, signedArea2 } from '../geometry/ring.ts';
import type { AttributeColumn } from './attributeFiles.ts';

export interface TableFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

/**
 * A vector layer as table columns for SQL: its properties (numbers as float64, everything else
 * as text), the geometry as GeoJSON text, its bbox and a representative point (lon, lat).
 */
export function featureTableColumns(features: TableFeature[]): AttributeColumn[] {
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const columns: AttributeColumn[] = keys.map((key) => {
    const values = features.map((f) => f.properties[key]);
    return values.every((v) => v === undefined || typeof v === 'number')
      ? { name: key, type: 'float64', values: values.map((v) => (v === undefined ? Number.NaN : (v as number))) }
      : { name: key, type: 'utf8', values: values.map((v) => (v === undefined || v === null ? '' : String(v))) };
  });
  const boxes = features.map((f) => bounds(f.geometry.coordinates));
  const points = features.map((f) => representativePoint(f.geometry));
  columns.push(
    { name: C.geometry, type: 'utf8', values: features.map((f) => JSON.stringify(f.geometry)) },
    ...[C.west, C.south, C.east, C.north].map((name, i) => ({ name, type: 'float64' as const, values: boxes.map((b) => b[i]!) })),
    { name: C.lon, type: 'float64', values: points.map(([lon]) => lon) },
    { name: C.lat, type: 'float64', values: points.map(([, lat]) => lat) },
  );
  return columns;
}

function bounds(coordinates: unknown): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown) => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      box[0] = Math.min(box[0], value[0]);
      box[1] = Math.min(box[1], value[1] as number);
      box[2] = Math.max(box[2], value[0]);
      box[3] = Math.max(box[3], value[1] as number);
    } else value.forEach(visit);
  };
  visit(coordinates);
  return box;
}

/** The point itself, a line's middle vertex, or the centroid of a polygon's largest outer ring. */
function representativePoint(geometry: TableFeature['geometry']): [number, number] {
  const c = geometry.coordinates as never;
  switch (geometry.type) {
    case 'Point':
      return c;
    case 'LineString':
      return (c as number[][])[Math.floor((c as number[][]).length / 2)] as [number, number];
    case 'Polygon':
      return ringCentroid((c as number[][][])[0]!.flat());
    case 'MultiPolygon': {
      const outers = (c as number[][][][]).map((polygon) => polygon[0]!.flat());
      return ringCentroid(outers.reduce((a, b) => (Math.abs(signedArea2(b)) > Math.abs(signedArea2(a)) ? b : a)));
    }
    default: {
      const [w, s, e, n] = bounds(c);
      return [(w + e) / 2, (s + n) / 2];
    }
  }
}
