import Flatbush from 'flatbush';
import { type AccessLevel, type FlatPolygon, type Role, canRead, polygonArea, polygonContains } from '../../layers/index.ts';
import type { Binding } from '../store/twinStore.ts';

/** One feature of one layer, as the object API and the binder see it. */
export interface SpatialObject {
  oid: string;
  layerId: string;
  access: AccessLevel;
  properties: Record<string, unknown>;
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
  /** A representative point (centroid of the largest part, a line's middle vertex, the point). */
  position: [number, number];
  /** The geometry as GeoJSON text, as the layer file has it. */
  geometry: string | null;
  /** Set for areas: what a position can fall inside. */
  polygons?: FlatPolygon[];
}

/**
 * Every object of every layer with an oid, found by id or by position. A position is bound to the
 * smallest area containing it, so a point in a house is bound to the house, one in a yard to the
 * parcel, one in open country to the township.
 */
export class ObjectIndex {
  private readonly byOid = new Map<string, SpatialObject>();
  private readonly areas: SpatialObject[];
  private readonly areaSizes: Float64Array;
  private readonly index: Flatbush | undefined;
  /** Objects carrying a resource code (资源码), sorted by it for exact and prefix lookups. */
  private readonly coded: SpatialObject[];

  constructor(objects: Iterable<SpatialObject>) {
    const areas: SpatialObject[] = [];
    for (const object of objects) {
      this.byOid.set(object.oid, object);
      if (object.polygons?.length) areas.push(object);
    }
    this.areas = areas;
    this.coded = [...this.byOid.values()]
      .filter((object) => typeof object.properties.resourceCode === 'string' && object.properties.resourceCode !== '')
      .sort((a, b) => code(a).localeCompare(code(b)));
    this.areaSizes = Float64Array.from(areas, (object) => object.polygons!.reduce((sum, polygon) => sum + polygonArea(polygon), 0));
    if (areas.length > 0) {
      this.index = new Flatbush(areas.length);
      for (const { bbox } of areas) this.index.add(bbox[0], bbox[1], bbox[2], bbox[3]);
      this.index.finish();
    }
  }

  get size(): number {
    return this.byOid.size;
  }

  /** Every object, in the order of the layers and their tables. */
  all(): Iterable<SpatialObject> {
    return this.byOid.values();
  }

  /** How many objects each layer has, by layer id. */
  countsByLayer(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const object of this.byOid.values()) counts[object.layerId] = (counts[object.layerId] ?? 0) + 1;
    return counts;
  }

  get(oid: string, role?: Role): SpatialObject | undefined {
    const object = this.byOid.get(oid);
    return object && (role === undefined || canRead(role, object.access)) ? object : undefined;
  }

  /**
   * The smallest area containing the point that `role` may see (any, when no role is given),
   * optionally only among oids starting with `oidPrefix` (`admin:` for the township).
   */
  containing(lon: number, lat: number, role?: Role, oidPrefix = ''): SpatialObject | undefined {
    let best: number | undefined;
    for (const i of this.index?.search(lon, lat, lon, lat) ?? []) {
      const object = this.areas[i]!;
      if (role !== undefined && !canRead(role, object.access)) continue;
      if (!object.oid.startsWith(oidPrefix)) continue;
      if (best !== undefined && this.areaSizes[i]! >= this.areaSizes[best]!) continue;
      if (object.polygons!.some((polygon) => polygonContains(polygon, lon, lat))) best = i;
    }
    return best === undefined ? undefined : this.areas[best];
  }

  /** The code of the smallest administrative area (township, else county) containing the point, among those `role` may see. */
  adminCodeAt(lon: number, lat: number, role?: Role): string | null {
    const area = this.containing(lon, lat, role, 'admin:');
    return area ? area.oid.slice('admin:'.length) : null;
  }

  /**
   * Binds a record for `role` (any object, when no role is given): to the object `oid` names,
   * else to the smallest area at its position that `role` may see. Undefined when `oid` names no
   * object `role` may see: such an object is neither bound to nor revealed.
   */
  bind(lon: number, lat: number, oid?: string, role?: Role): Binding | undefined {
    if (oid) {
      const named = this.get(oid, role);
      return named && { oid, method: 'given', layerId: named.layerId };
    }
    const found = this.containing(lon, lat, role);
    return found ? { oid: found.oid, method: 'position', layerId: found.layerId } : { oid: null, method: 'none', layerId: null };
  }

  /** The objects with exactly this resource code (usually one parcel). */
  withExactResourceCode(code: string, role?: Role): SpatialObject[] {
    return this.withResourceCode(code, 100, role).filter((object) => object.properties.resourceCode === code);
  }

  /** Objects whose resource code starts with `prefix` (all of one code when it is complete), in code order. */
  withResourceCode(prefix: string, limit: number, role?: Role): SpatialObject[] {
    let low = 0;
    let high = this.coded.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (code(this.coded[mid]!) < prefix) low = mid + 1;
      else high = mid;
    }
    const found: SpatialObject[] = [];
    for (let i = low; i < this.coded.length && found.length < limit && code(this.coded[i]!).startsWith(prefix); i++) {
      if (role === undefined || canRead(role, this.coded[i]!.access)) found.push(this.coded[i]!);
    }
    return found;
  }
}

const code = (object: SpatialObject) => object.properties.resourceCode as string;
