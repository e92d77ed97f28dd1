import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Flatbush from 'flatbush';

/**
 * A property's type as JSON Schema names it, from every value the layer has (mixed or missing
 * types are strings). Whole numbers beyond 32 bits are `number`: clients such as GDAL read an
 * `integer` into a 32-bit field.
 */
export type PropertyType = 'integer' | 'number' | 'boolean' | 'string';

export interface Feature {
  type: 'Feature';
  id: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown } | null;
}

/**
 * A vector layer's features held in memory with a spatial index of their bounding boxes, for
 * OGC API – Features queries (bbox, property filters, paging) without reading the file again.
 */
export class FeatureCollection {
  private constructor(
    readonly features: Feature[],
    private readonly index: Flatbush | undefined,
    readonly extent: [number, number, number, number] | undefined,
    readonly properties: string[],
    /** Each property's type over all the features, not the first few (what a client would guess from). */
    readonly propertyTypes: ReadonlyMap<string, PropertyType>,
    /** The features' geometry type when they share one (`MultiPolygon`), else undefined. */
    readonly geometryType: string | undefined,
  ) {}

  static async load(path: string): Promise<FeatureCollection> {
    const raw = JSON.parse(await readFile(path, 'utf8')) as { features?: Partial<Feature>[] };
    const features = (raw.features ?? []).map((feature, i) => ({
      type: 'Feature' as const,
      id: String(feature.id ?? (feature.properties as { oid?: unknown } | undefined)?.oid ?? i + 1),
      properties: feature.properties ?? {},
      geometry: feature.geometry ?? null,
    }));
    const boxes = features.map((feature) => boundsOf(feature.geometry?.coordinates));
    const located = boxes.filter((box): box is [number, number, number, number] => box !== undefined);
    let index: Flatbush | undefined;
    if (located.length > 0) {
      index = new Flatbush(boxes.length);
      // Features without geometry get an empty box far away, so indices stay aligned.
      for (const box of boxes) index.add(...(box ?? [1e9, 1e9, 1e9, 1e9]));
      index.finish();
    }
    const extent = located.reduce<[number, number, number, number] | undefined>(
      (all, [w, s, e, n]) => (all ? [Math.min(all[0], w), Math.min(all[1], s), Math.max(all[2], e), Math.max(all[3], n)] : [w, s, e, n]),
      undefined,
    );
    const properties = [...new Set(features.flatMap((feature) => Object.keys(feature.properties)))].sort();
    const geometryTypes = new Set(features.map((feature) => feature.geometry?.type));
    const geometryType = geometryTypes.size === 1 ? [...geometryTypes][0] : undefined;
    return new FeatureCollection(features, index, extent, properties, typesOf(features, properties), geometryType);
  }

  /** Features intersecting `bbox` (all when absent) whose properties equal every filter, in file order. */
  query(bbox: [number, number, number, number] | undefined, filters: Record<string, string>): Feature[] {
    const candidates = bbox
      ? (this.index?.search(...bbox) ?? []).sort((a, b) => a - b).map((i) => this.features[i]!)
      : this.features;
    const entries = Object.entries(filters);
    if (entries.length === 0) return candidates;
    return candidates.filter((feature) => entries.every(([key, value]) => String(feature.properties[key] ?? '') === value));
  }

  byId(id: string): Feature | undefined {
    return this.features.find((feature) => feature.id === id);
  }
}

function typesOf(features: Feature[], properties: string[]): Map<string, PropertyType> {
  const types = new Map<string, PropertyType>();
  for (const name of properties) {
    let type: PropertyType | undefined;
    for (const { properties: values } of features) {
      const value = values[name];
      if (value === null || value === undefined) continue;
      const own: PropertyType =
        typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? (Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 'integer' : 'number') : 'string';
      type = type === undefined || type === own ? own : (type === 'integer' && own === 'number') || (type === 'number' && own === 'integer') ? 'number' : 'string';
      if (type === 'string') break;
    }
    types.set(name, type ?? 'string');
  }
  return types;
}

/** [west, south, east, north] of any GeoJSON coordinates array. */
function boundsOf(coordinates: unknown): [number, number, number, number] | undefined {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [x, y] = value as number[];
      box[0] = Math.min(box[0], x!);
      box[1] = Math.min(box[1], y!);
      box[2] = Math.max(box[2], x!);
      box[3] = Math.max(box[3], y!);
      return;
    }
    for (const item of value) visit(item);
  };
  visit(coordinates);
  return Number.isFinite(box[0]) ? box : undefined;
}

/** The file of a layer source URL under the data folder (`/data/a/b.geojson` → `<dataDir>/a/b.geojson`). */
export function dataFileOf(dataDir: string, url: string): string {
  return join(dataDir, ...url.replace(/^\/data\//, '').split('/'));
}
