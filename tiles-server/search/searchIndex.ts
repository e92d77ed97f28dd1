import { readFile } from 'node:fs/promises';
import { tableFromIPC } from 'apache-arrow';
import type { Catalog, LayerDefinition } from '../../layers/index.ts';
import { dataFileOf } from '../features/featureCollection.ts';

/** Columns a user may type into the search box, best kind of match first. */
const SEARCHED = ['resourceCode', 'oid', 'code', 'name', 'address'] as const;

export interface SearchHit {
  layerId: string;
  oid: string;
  /** What to show: the name, else the resource code, else the oid. */
  label: string;
  field: (typeof SEARCHED)[number];
  value: string;
  lon: number;
  lat: number;
  bbox?: [number, number, number, number];
}

interface Row {
  layerId: string;
  values: Partial<Record<(typeof SEARCHED)[number], string>>;
  lowered: Partial<Record<(typeof SEARCHED)[number], string>>;
  lon: number;
  lat: number;
  bbox?: [number, number, number, number];
}

/**
 * One search over every layer table the catalog names (resource codes, parcel and object ids,
 * township and village codes and names, addresses, building names), held in memory. Exact
 * matches rank first, then prefixes, then any substring; Chinese text matches as typed.
 */
export class SearchIndex {
  private constructor(private readonly rows: Row[]) {}

  static async load(catalog: Catalog, dataDir: string): Promise<SearchIndex> {
    const rows: Row[] = [];
    for (const layer of catalog.layers.filter((l): l is LayerDefinition & { table: { arrow: string } } => l.table !== undefined)) {
      const bytes = await readFile(dataFileOf(dataDir, layer.table.arrow)).catch(() => undefined);
      if (!bytes) continue;
      const table = tableFromIPC(bytes);
      const column = (name: string) => table.getChild(name)?.toArray() as ArrayLike<unknown> | undefined;
      const searched = SEARCHED.map((name) => [name, column(name)] as const).filter(([, values]) => values !== undefined);
      const [lon, lat, west, south, east, north] = ['lon', 'lat', 'west', 'south', 'east', 'north'].map(column);
      if (!lon || !lat || searched.length === 0) continue;
      for (let i = 0; i < table.numRows; i++) {
        const values: Row['values'] = {};
        const lowered: Row['lowered'] = {};
        for (const [name, data] of searched) {
          const value = data![i];
          if (value === null || value === undefined || value === '') continue;
          values[name] = String(value);
          lowered[name] = String(value).toLowerCase();
        }
        const bbox = west && south && east && north ? ([west[i], south[i], east[i], north[i]] as [number, number, number, number]) : undefined;
        rows.push({ layerId: layer.id, values, lowered, lon: Number(lon[i]), lat: Number(lat[i]), ...(bbox ? { bbox } : {}) });
      }
    }
    return new SearchIndex(rows);
  }

  get size(): number {
    return this.rows.length;
  }

  /** The best `limit` matches among the layers in `layerIds`. */
  search(query: string, limit: number, layerIds: ReadonlySet<string>): SearchHit[] {
    const q = query.trim().toLowerCase();
    const ranked: { hit: SearchHit; rank: number }[] = [];
    for (const row of this.rows) {
      if (!layerIds.has(row.layerId)) continue;
      let best: { field: (typeof SEARCHED)[number]; rank: number } | undefined;
      SEARCHED.forEach((field, order) => {
        const value = row.lowered[field];
        if (value === undefined) return;
        const kind = value === q ? 0 : value.startsWith(q) ? 1 : value.includes(q) ? 2 : -1;
        if (kind < 0) return;
        const rank = kind * SEARCHED.length + order;
        if (!best || rank < best.rank) best = { field, rank };
      });
      if (!best) continue;
      const { field, rank } = best;
      ranked.push({
        rank,
        hit: {
          layerId: row.layerId,
          oid: row.values.oid ?? '',
          label: row.values.name ?? row.values.resourceCode ?? row.values.oid ?? '',
          field,
          value: row.values[field]!,
          lon: row.lon,
          lat: row.lat,
          ...(row.bbox ? { bbox: row.bbox } : {}),
        },
      });
    }
    return ranked
      .sort((a, b) => a.rank - b.rank || a.hit.value.length - b.hit.value.length || a.hit.value.localeCompare(b.hit.value))
      .slice(0, limit)
      .map(({ hit }) => hit);
  }
}
