import { pinyin } from 'pinyin-pro';
import type { SearchHit } from '../../layers/index.ts';
import type { SpatialObject } from '../objects/objectIndex.ts';

/** Columns a user may type into the search box, best kind of match first. */
const SEARCHED = ['resourceCode', 'oid', 'code', 'name', 'address'] as const;

/** A hit before the route says where it lies. */
export type IndexHit = Omit<SearchHit, 'place'>;

interface Row {
  layerId: string;
  values: Partial<Record<(typeof SEARCHED)[number], string>>;
  lowered: Partial<Record<(typeof SEARCHED)[number], string>>;
  /** The name spelled in pinyin without tones (wangzhaizhen) and by its initials (wzz), when it is Chinese. */
  spelled?: string;
  initials?: string;
  lon: number;
  lat: number;
  bbox: [number, number, number, number];
}

/**
 * One search over the objects of every layer (resource codes, parcel and object ids, township
 * and village codes and names, addresses, building names), held in memory. Exact
 * matches rank first, then prefixes, then any substring; Chinese text matches as typed, and
 * Chinese names also by their pinyin or its initials (`wangzhai`, `wz` → 王宅镇).
 */
export class SearchIndex {
  private constructor(private readonly rows: Row[]) {}

  /** The index over the objects of every layer (read once, at start, by the object index). */
  static fromObjects(objects: Iterable<SpatialObject>): SearchIndex {
    const rows: Row[] = [];
    for (const object of objects) {
      const values: Row['values'] = {};
      const lowered: Row['lowered'] = {};
      for (const name of SEARCHED) {
        const value = name === 'oid' ? object.oid : object.properties[name];
        if (value === null || value === undefined || value === '') continue;
        values[name] = String(value);
        lowered[name] = String(value).toLowerCase();
      }
      const [lon, lat] = object.position;
      const row: Row = { layerId: object.layerId, values, lowered, lon, lat, bbox: object.bbox };
      if (values.name && HAN.test(values.name)) {
        row.spelled = pinyin(values.name, { toneType: 'none', type: 'array' }).join('').toLowerCase();
        row.initials = pinyin(values.name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
      }
      rows.push(row);
    }
    return new SearchIndex(rows);
  }

  get size(): number {
    return this.rows.length;
  }

  /** The best `limit` matches among the layers in `layerIds`. */
  search(query: string, limit: number, layerIds: ReadonlySet<string>): IndexHit[] {
    const q = query.trim().toLowerCase();
    // Letters only may be pinyin: matched against names after every other field, spelled out before initials.
    const spelling = /^[a-z' ]+$/.test(q) ? q.replace(/[' ]/g, '') : undefined;
    const ranked: { hit: IndexHit; rank: number }[] = [];
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
      if (spelling && row.spelled) {
        for (const [form, offset] of [[row.spelled, 0], [row.initials!, 1]] as const) {
          const kind = form === spelling ? 0 : form.startsWith(spelling) ? 1 : form.includes(spelling) ? 2 : -1;
          if (kind < 0) continue;
          const rank = kind * SEARCHED.length + SEARCHED.length - 0.5 + offset * 0.25;
          if (!best || rank < best.rank) best = { field: 'name', rank };
        }
      }
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
          address: row.values.address ?? null,
          lon: row.lon,
          lat: row.lat,
          bbox: row.bbox,
        },
      });
    }
    return ranked
      .sort((a, b) => a.rank - b.rank || a.hit.value.length - b.hit.value.length || a.hit.value.localeCompare(b.hit.value))
      .slice(0, limit)
      .map(({ hit }) => hit);
  }
}

/** Chinese characters: a name with them has a pinyin spelling. */
const HAN = /[\u4e00-\u9fff]/;
