import Flatbush from 'flatbush';
import type { FlatPolygon } from '../../layers/index.ts';
import type { SpatialObject } from '../objects/objectIndex.ts';

/** The length of the pieces a segment is looked up in, degrees (about 500 m). */
const PIECE_DEGREES = 0.005;

/** A building as the analyses see it: a footprint standing from `base` to `top` (metres, the terrain's heights). */
export interface BuildingVolume {
  oid: string;
  layerId: string;
  name: string;
  polygons: FlatPolygon[];
  bbox: [number, number, number, number];
  position: [number, number];
  base: number;
  top: number;
}

/**
 * The buildings one caller may read, found by extent: the obstacles of a line of sight or a
 * viewshed, the buildings a flood or a height limit concerns.
 */
export class BuildingVolumes {
  private readonly index: Flatbush | undefined;

  constructor(readonly all: BuildingVolume[]) {
    if (all.length === 0) return;
    this.index = new Flatbush(all.length);
    for (const { bbox } of all) this.index.add(bbox[0], bbox[1], bbox[2], bbox[3]);
    this.index.finish();
  }

  /**
   * The buildings of a layer table's objects: footprint, `height` and `base` (the base's height;
   * where a table has none, `groundAt` its centre gives it). Objects without a footprint or height are left out.
   */
  static of(objects: Iterable<SpatialObject>, groundAt: (lon: number, lat: number) => number): BuildingVolumes {
    const volumes: BuildingVolume[] = [];
    for (const { oid, layerId, polygons, bbox, position, properties } of objects) {
      const height = Number(properties.height);
      if (!polygons?.length || !(height > 0)) continue;
      const stated = properties.base == null ? Number.NaN : Number(properties.base);
      const base = Number.isFinite(stated) ? stated : groundAt(position[0], position[1]) || 0;
      volumes.push({ oid, layerId, name: String(properties.name ?? ''), polygons, bbox, position, base, top: base + height });
    }
    return new BuildingVolumes(volumes);
  }

  /** The buildings whose extents meet a box. */
  within(west: number, south: number, east: number, north: number): BuildingVolume[] {
    return this.index ? this.index.search(west, south, east, north).map((i) => this.all[i]!) : [];
  }

  /**
   * The buildings whose extents meet the segment a→b, looked up piece by piece along it: a long
   * diagonal line's own extent would hold a whole county's buildings.
   */
  along(a: readonly [number, number], b: readonly [number, number]): BuildingVolume[] {
    const pieces = Math.max(1, Math.ceil(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])) / PIECE_DEGREES));
    const found = new Set<BuildingVolume>();
    for (let k = 0; k < pieces; k++) {
      const [lon0, lat0] = [a[0] + ((b[0] - a[0]) * k) / pieces, a[1] + ((b[1] - a[1]) * k) / pieces];
      const [lon1, lat1] = [a[0] + ((b[0] - a[0]) * (k + 1)) / pieces, a[1] + ((b[1] - a[1]) * (k + 1)) / pieces];
      for (const building of this.within(Math.min(lon0, lon1), Math.min(lat0, lat1), Math.max(lon0, lon1), Math.max(lat0, lat1))) found.add(building);
    }
    return [...found];
  }
}
