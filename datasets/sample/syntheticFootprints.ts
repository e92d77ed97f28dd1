import { METRES_PER_DEGREE } from '../geo/units.ts';
import { writeFeatureStream } from '../output/geoJsonWriter.ts';
import { seededRandom } from './random.ts';

export interface FootprintArea {
  west: number;
  south: number;
  east: number;
  north: number;
}

const uses = ['住宅', '商业', '办公', '工业', '教育', '医疗', '仓储'];

/**
 * Writes `count` plausible building footprints as a GeoJSON FeatureCollection: rectangles and
 * L-shapes of 8–40 m on a jittered grid over `area`, 1–30 floors, some with names and addresses.
 * Streamed to disk, so a million footprints take little memory.
 */
export async function writeSyntheticFootprints(path: string, count: number, area: FootprintArea, seed = 1): Promise<void> {
  await writeFeatureStream(path, syntheticFootprints(count, area, seed));
}

function* syntheticFootprints(count: number, area: FootprintArea, seed: number): Generator<object> {
  const random = seededRandom(seed);
  const columns = Math.ceil(Math.sqrt(count * ((area.east - area.west) / (area.north - area.south))));
  const rows = Math.ceil(count / columns);
  const cellLon = (area.east - area.west) / columns;
  const cellLat = (area.north - area.south) / rows;
  for (let i = 0; i < count; i++) {
    const cx = area.west + ((i % columns) + 0.5) * cellLon;
    const cy = area.south + (Math.floor(i / columns) + 0.5) * cellLat;
    const ring = footprintRing(cx, cy, { width: 8 + random() * 32, depth: 8 + random() * 24, angle: random() * Math.PI, lShape: random() < 0.3 });
    const floors = 1 + Math.floor(random() ** 2 * 30);
    const properties: Record<string, unknown> = { floors, use: uses[Math.floor(random() * uses.length)] };
    if (random() < 0.2) properties.name = `${i + 1}号楼`;
    if (random() < 0.5) properties.address = `示例路${(i % 500) + 1}号`;
    yield { type: 'Feature', id: i + 1, properties, geometry: { type: 'Polygon', coordinates: [ring] } };
  }
}

const round = (degrees: number) => Math.round(degrees * 1e7) / 1e7;

export interface FootprintShape {
  /** Metres. */
  width: number;
  depth: number;
  /** Radians, anticlockwise from east. */
  angle: number;
  lShape: boolean;
}

/** A closed rectangle or L-shaped ring (lon/lat, 1e-7° precision) centred on a point. */
export function footprintRing(lon: number, lat: number, { width, depth, angle, lShape }: FootprintShape): number[][] {
  const metresPerLon = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const local: [number, number][] = lShape
    ? [[0, 0], [width, 0], [width, depth * 0.5], [width * 0.5, depth * 0.5], [width * 0.5, depth], [0, depth]]
    : [[0, 0], [width, 0], [width, depth], [0, depth]];
  const ring = local.map(([x, y]) => {
    const dx = x - width / 2;
    const dy = y - depth / 2;
    const east = dx * Math.cos(angle) - dy * Math.sin(angle);
    const north = dx * Math.sin(angle) + dy * Math.cos(angle);
    return [round(lon + east / metresPerLon), round(lat + north / METRES_PER_DEGREE)];
  });
  ring.push(ring[0]!);
  return ring;
}
