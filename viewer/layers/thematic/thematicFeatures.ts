import Flatbush from 'flatbush';
import { type FlatPolygon, type ThematicClass, polygonsOf } from '../../../layers/index.ts';

/** The polygons of a GeoJSON file with their properties and a spatial index over their boxes. */
export interface PolygonSet {
  polygons: FlatPolygon[][];
  /** Each polygon's [west, south, east, north], four numbers apiece. */
  boxes: Float64Array;
  properties: (Record<string, unknown> | null | undefined)[];
  index: Flatbush | undefined;
  /** [west, south, east, north] of every polygon together; undefined when there are none. */
  extent: [number, number, number, number] | undefined;
}

/**
 * The polygons of a thematic layer, ready to draw: each one's class (an index into the layer's
 * classes) beside the shared geometry, so a tile visits only the features it overlaps.
 */
export interface ThematicFeatures extends PolygonSet {
  classOf: Uint8Array;
}

/** Features whose class is not among `classes` are marked with this. */
export const NO_CLASS = 255;

interface Feature {
  properties?: Record<string, unknown> | null;
  geometry?: { type: string; coordinates: unknown } | null;
}

/** The polygonal features of a collection (others are skipped), indexed by their boxes. */
export function polygonSet(features: readonly Feature[]): PolygonSet {
  const kept: { polygons: FlatPolygon[]; properties: Feature['properties']; box: [number, number, number, number] }[] = [];
  for (const feature of features) {
    const polygons = polygonsOf(feature.geometry);
    if (polygons.length > 0) kept.push({ polygons, properties: feature.properties, box: boxOf(polygons) });
  }
  if (kept.length === 0) return { polygons: [], boxes: new Float64Array(0), properties: [], index: undefined, extent: undefined };
  const index = new Flatbush(kept.length);
  const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { box } of kept) {
    index.add(box[0], box[1], box[2], box[3]);
    extent[0] = Math.min(extent[0], box[0]);
    extent[1] = Math.min(extent[1], box[1]);
    extent[2] = Math.max(extent[2], box[2]);
    extent[3] = Math.max(extent[3], box[3]);
  }
  index.finish();
  return { polygons: kept.map((k) => k.polygons), boxes: Float64Array.from(kept.flatMap((k) => k.box)), properties: kept.map((k) => k.properties), index, extent };
}

/** The polygons classed by the value of `field`. */
export function classify(set: PolygonSet, field: string, classes: readonly ThematicClass[]): ThematicFeatures {
  const classIndex = new Map(classes.map((c, i) => [c.value, i]));
  return { ...set, classOf: Uint8Array.from(set.properties, (properties) => classIndex.get(String(properties?.[field] ?? '')) ?? NO_CLASS) };
}

function boxOf(polygons: FlatPolygon[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [outer] of polygons) {
    for (let i = 0; i < outer!.length; i += 2) {
      box[0] = Math.min(box[0], outer![i]!);
      box[1] = Math.min(box[1], outer![i + 1]!);
      box[2] = Math.max(box[2], outer![i]!);
      box[3] = Math.max(box[3], outer![i + 1]!);
    }
  }
  return box;
}
