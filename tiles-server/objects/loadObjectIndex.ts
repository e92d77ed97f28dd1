import { readFile } from 'node:fs/promises';
import { tableFromIPC } from 'apache-arrow';
import { type Catalog, LAYER_TABLE_COLUMNS as C, type LayerDefinition, polygonsOf } from '../../layers/index.ts';
import { dataFileOf } from '../features/featureCollection.ts';
import { ObjectIndex, type SpatialObject } from './objectIndex.ts';

/** The columns of every layer table that place its rows: the bbox, then the point. */
const PLACED = [C.west, C.south, C.east, C.north, C.lon, C.lat];
/** Columns of a layer table that describe where a row is rather than what it is. */
const LOCATION_COLUMNS = new Set<string>([C.geometry, ...PLACED]);

/**
 * The object index of a catalog, from the layer tables it names (every table has oid, bbox and
 * a representative point; tables with a `geometry` column give areas to bind to). A table that
 * is missing or unreadable is reported and left out, so one broken layer does not stop the twin.
 */
export async function loadObjectIndex(catalog: Catalog, dataDir: string, warn: (message: string) => void = console.warn): Promise<ObjectIndex> {
  const objects: SpatialObject[] = [];
  /** The layer holding each oid: an oid is one object, so a later layer's object of the same oid is left out, and said. */
  const holder = new Map<string, string>();
  for (const layer of catalog.layers) {
    if (!layer.table) continue;
    let rows: SpatialObject[];
    try {
      rows = await readLayerObjects(layer, dataFileOf(dataDir, layer.table.arrow));
    } catch (error) {
      warn(`Layer "${layer.id}": its table ${layer.table.arrow} could not be indexed for bindings (${error instanceof Error ? error.message : error})`);
      continue;
    }
    const taken = new Map<string, { count: number; example: string }>();
    for (const object of rows) {
      const other = holder.get(object.oid);
      if (other === undefined) {
        holder.set(object.oid, layer.id);
        objects.push(object);
        continue;
      }
      const seen = taken.get(other) ?? { count: 0, example: object.oid };
      seen.count++;
      taken.set(other, seen);
    }
    for (const [other, { count, example }] of taken) {
      warn(`Layer "${layer.id}": ${count} objects (${example}, …) have the oids of objects of layer "${other}", which keeps them; records bind to those`);
    }
  }
  return new ObjectIndex(objects);
}

async function readLayerObjects(layer: LayerDefinition, path: string): Promise<SpatialObject[]> {
  const table = tableFromIPC(await readFile(path));
  const column = (name: string) => table.getChild(name)?.toArray() as ArrayLike<unknown> | undefined;
  const oids = column(C.oid);
  const [west, south, east, north, lon, lat] = PLACED.map(column);
  if (!oids || !west || !south || !east || !north || !lon || !lat) throw new Error(`it lacks one of the columns ${[C.oid, ...PLACED].join(', ')}`);
  const geometry = column(C.geometry);
  const described = table.schema.fields.map((field) => field.name).filter((name) => !LOCATION_COLUMNS.has(name));
  const values = described.map((name) => [name, column(name)!] as const);
  const objects: SpatialObject[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const oid = oids[i];
    if (typeof oid !== 'string' || oid === '') continue;
    const properties: Record<string, unknown> = {};
    for (const [name, data] of values) {
      const value = data[i];
      properties[name] = typeof value === 'bigint' ? Number(value) : typeof value === 'number' && Number.isNaN(value) ? null : value;
    }
    const text = geometry ? (geometry[i] as string) : null;
    const polygons = text ? polygonsOf(JSON.parse(text)) : [];
    objects.push({
      oid,
      layerId: layer.id,
      access: layer.access,
      properties,
      bbox: [Number(west[i]), Number(south[i]), Number(east[i]), Number(north[i])],
      position: [Number(lon[i]), Number(lat[i])],
      geometry: text,
      ...(polygons.length ? { polygons } : {}),
    });
  }
  return objects;
}
