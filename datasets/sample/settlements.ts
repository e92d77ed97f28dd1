import { METRES_PER_DEGREE } from '../geo/units.ts';
import { writeFeatureStream } from '../output/geoJsonWriter.ts';
import { seededRandom } from './random.ts';
import { distanceToCourse } from './riverDistance.ts';
import { footprintRing } from './syntheticFootprints.ts';
import { type TownshipSeat, county, rivers, townshipSeats } from './wuyiPlaces.ts';

interface Settlement {
  name: string;
  lon: number;
  lat: number;
  /** Spread of the built-up area, metres. */
  sigma: number;
  /** Chance that a lot near the centre is built on. */
  density: number;
  /** Floors at the centre; they fall off towards the edge. */
  coreFloors: number;
  township: string;
}

const roads = ['解放街', '壶山路', '熟溪路', '温泉路', '白洋路', '江滨路', '永康街', '新华街', '环城路', '中山路'];

/** The county seat's three subdistricts grow into one town; 镇 are larger than 乡. */
function townshipSettlements(): Settlement[] {
  return townshipSeats.map((seat: TownshipSeat) => {
    const seatDistrict = seat.type === '街道';
    return {
      name: seat.name,
      lon: seat.lon,
      lat: seat.lat,
      sigma: seatDistrict ? 1100 : seat.type === '镇' ? 480 : 260,
      density: seatDistrict ? 0.85 : 0.8,
      coreFloors: seatDistrict ? 26 : seat.type === '镇' ? 10 : 5,
      township: seat.name,
    };
  });
}

/** A village's houses: a small cluster around its committee. */
export interface VillageCentre {
  name: string;
  lon: number;
  lat: number;
  township: string;
}

/** Built-up areas for land-use classing: towns (urban) and villages (homesteads), with a radius in metres. */
export function settlementAreas(villages: VillageCentre[]): { lon: number; lat: number; radius: number; urban: boolean }[] {
  return [
    ...townshipSettlements().map((s) => ({ lon: s.lon, lat: s.lat, radius: s.sigma * 1.8, urban: true })),
    ...villages.map((v) => ({ lon: v.lon, lat: v.lat, radius: 160, urban: false })),
  ];
}

function villageSettlements(villages: VillageCentre[], random: () => number): Settlement[] {
  return villages.map((village) => ({ ...village, sigma: 90 + random() * 80, density: 0.7, coreFloors: 3 }));
}

/**
 * Writes the sample's building footprints as GeoJSON: dense and tall in the county seat, compact
 * towns, and villages of a few dozen houses; none in the rivers or outside the county.
 * Deterministic for a seed.
 */
export function writeSettlementFootprints(path: string, villages: VillageCentre[], seed = 330723): Promise<number> {
  return writeFeatureStream(path, settlementFootprints(villages, seed));
}

function* settlementFootprints(villages: VillageCentre[], seed: number): Generator<object> {
  const random = seededRandom(seed);
  const cosLat = Math.cos((28.8 * Math.PI) / 180);
  const taken = new Set<string>();
  let count = 0;
  for (const settlement of [...townshipSettlements(), ...villageSettlements(villages, random)]) {
    const lot = settlement.sigma > 600 ? 30 : 26;
    const reach = Math.ceil((2.6 * settlement.sigma) / lot);
    for (let i = -reach; i <= reach; i++) {
      for (let j = -reach; j <= reach; j++) {
        const dx = i * lot;
        const dy = j * lot;
        const falloff = Math.exp(-(dx * dx + dy * dy) / (2 * settlement.sigma ** 2));
        if (random() > settlement.density * falloff) continue;
        const lon = settlement.lon + dx / (METRES_PER_DEGREE * cosLat);
        const lat = settlement.lat + dy / METRES_PER_DEGREE;
        // One building per lot, also where settlements overlap.
        const key = `${Math.round(lon * 3600)}:${Math.round(lat * 3600)}`;
        if (taken.has(key) || !county.contains(lon, lat)) continue;
        if (rivers.some((river) => distanceToCourse(river.course, lon, lat, cosLat).distanceKm < 0.09)) continue;
        taken.add(key);
        const floors = Math.max(1, Math.round(settlement.coreFloors * falloff ** 1.5 * (0.5 + random()) + random() * 2));
        const use = floors >= 12 ? (random() < 0.6 ? '住宅' : '办公') : falloff > 0.6 && random() < 0.3 ? '商业' : random() < 0.08 ? '工业' : '住宅';
        const size = floors >= 12 ? 22 : use === '工业' ? 24 : 10 + random() * 8;
        const ring = footprintRing(lon, lat, {
          width: Math.min(size * (0.9 + random() * 0.4), lot * 0.85),
          depth: Math.min(size * (0.6 + random() * 0.3), lot * 0.85),
          angle: (random() - 0.5) * 0.5,
          lShape: random() < 0.2,
        });
        count++;
        const properties: Record<string, unknown> = {
          floors,
          use,
          address: `${settlement.township}${roads[(i + j + 20 * reach) % roads.length]}${Math.abs(i * 7 + j) + 1}号`,
          adminCode: '330723',
        };
        if (floors >= 6 && random() < 0.4) properties.name = `${settlement.name.replace(/(街道|镇|乡|畲族镇)$/, '')}${roads[Math.abs(i) % roads.length]!.slice(0, 2)}小区${(Math.abs(j) % 12) + 1}幢`;
        if (random() < 0.7) properties.year = 1980 + Math.floor(random() * 45);
        yield { type: 'Feature', id: String(count).padStart(6, '0'), properties, geometry: { type: 'Polygon', coordinates: [ring] } };
      }
    }
  }
}
