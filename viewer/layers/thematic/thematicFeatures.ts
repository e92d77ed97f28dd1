import Flatbush from 'flatbush';
import type { ThematicClass } from '../../../layers/index.ts';

/** A polygon as flat [lon, lat, lon, lat, …] rings, the outer ring first. */
export type FlatRings = Float64Array[];

/**
 * The polygons of a thematic layer, ready to draw: each feature's class (an index into the
 * layer's classes), its rings, and a spatial index over their boxes so a tile visits only
 * the features it overlaps.
 */
export interface ThematicFeatures {
  classOf: Uint8Array;
  polygons: FlatRings[][];
  index: Flatbush | undefined;
  /** [west, south, east, north] of every feature together; undefined when there are none. */
  extent: [number, number, number, number] | undefined;
}

/** Features whose class is not among `classes` are marked with this. */
export const NO_CLASS = 255;

interface Feature {
  properties?: Record<string, unknown> | null;
  geometry?: { type: string; coordinates: unknown } | null;
}

export function thematicFeatures(features: readonly Feature[], field: string, classes: readonly ThematicClass[]): ThematicFeatures {
  const classIndex = new Map(classes.map((c, i) => [c.value, i]));
  const kept: { cls: number; polygons: FlatRings[]; box: [number, number, number, number] }[] = [];
  for (const feature of features) {
    const polygons = polygonsOf(feature.geometry);
    if (polygons.length === 0) continue;
    const cls = classIndex.get(String(feature.properties?.[field] ?? '')) ?? NO_CLASS;
    kept.push({ cls, polygons, box: boxOf(polygons) });
  }
  if (kept.length === 0) return { classOf: new Uint8Array(0), polygons: [], index: undefined, extent: undefined };
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
  return { classOf: Uint8Array.from(kept, (k) => k.cls), polygons: kept.map((k) => k.polygons), index, extent };
}

function polygonsOf(geometry: Feature['geometry']): FlatRings[] {
  if (!geometry) return [];
  const rings = (polygon: number[][][]) => polygon.map((ring) => Float64Array.from(ring.flatMap(([lon, lat]) => [lon!, lat!])));
  if (geometry.type === 'Polygon') return [rings(geometry.coordinates as number[][][])];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as number[][][][]).map(rings);
  return [];
}

function boxOf(polygons: FlatRings[]): [number, number, number, number] {
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
