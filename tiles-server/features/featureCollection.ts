import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Flatbush from 'flatbush';

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
    return new FeatureCollection(features, index, extent, properties);
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
