import { tableFromIPC } from 'apache-arrow';

/** A row of a layer's attribute table: what the layer holds, as a desktop tool would read it. */
export type LayerRow = Record<string, unknown> & { oid: string; lon: number; lat: number; west: number; south: number; east: number; north: number };

interface CatalogAnswer {
  layers: { id: string; table?: { arrow: string }; classify?: { field: string; classes: { value: string; color: string }[] } }[];
}

async function catalogLayer(serverUrl: string, layerId: string) {
  const { layers } = (await (await fetch(`${serverUrl}/api/layers`)).json()) as CatalogAnswer;
  const layer = layers.find((candidate) => candidate.id === layerId);
  if (!layer) throw new Error(`The catalog has no layer "${layerId}"`);
  return layer;
}

/** Every row of a layer's Arrow table, read with apache-arrow from the file the server publishes: the oracle of what is drawn. */
export async function layerRows(serverUrl: string, layerId: string): Promise<LayerRow[]> {
  const layer = await catalogLayer(serverUrl, layerId);
  if (!layer.table) throw new Error(`Layer "${layerId}" publishes no table`);
  const response = await fetch(`${serverUrl}${layer.table.arrow}`);
  if (!response.ok) throw new Error(`${layer.table.arrow} answered ${response.status}`);
  const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  return table.toArray().map((row) => row.toJSON() as LayerRow);
}

/** The class colours of a thematic layer, by class value, as its catalog entry states them. */
export async function classColours(serverUrl: string, layerId: string): Promise<Map<string, string>> {
  const layer = await catalogLayer(serverUrl, layerId);
  if (!layer.classify) throw new Error(`Layer "${layerId}" is not classed`);
  return new Map(layer.classify.classes.map((cls) => [cls.value, cls.color]));
}

/** What the data API says lies at a position: the oid of the smallest object there, or undefined. */
export async function objectAt(serverUrl: string, lon: number, lat: number): Promise<string | undefined> {
  const response = await fetch(`${serverUrl}/api/objects?at=${lon},${lat}`);
  if (response.status === 204) return undefined;
  if (!response.ok) throw new Error(`/api/objects?at=${lon},${lat} answered ${response.status}`);
  return ((await response.json()) as { oid: string }).oid;
}

/** The polygons (rings of [lon, lat] pairs, outer first) of a row's GeoJSON geometry, Polygon or MultiPolygon. */
export function polygonsOf(row: LayerRow): [number, number][][][] {
  const geometry = JSON.parse(String(row.geometry)) as { type: string; coordinates: unknown };
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as [number, number][][][];
}

/** Whether a point lies inside a ring (even-odd rule), computed here, apart from the twin's own geometry code. */
export function ringContains(ring: readonly [number, number][], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
