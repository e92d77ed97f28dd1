import { METRES_PER_DEGREE } from '../geo/units.ts';
import { writeFeatureStream } from '../output/geoJsonWriter.ts';
import { seededRandom } from './random.ts';
import { distanceToCourse } from './riverDistance.ts';
import { footprintRing } from './syntheticFootprints.ts';
import type { Road } from './roads.ts';
import { LOT, type Town, isStreetLot, lotCentre, lotOf, onTownStreet, streetAddress, townStreets } from './townStreets.ts';
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

const villageLanes = ['村前路', '后山弄', '溪边路', '祠堂弄', '新村路'];
const cosLat = Math.cos((28.8 * Math.PI) / 180);

/** The county seat's three subdistricts grow into one town; 镇 are larger than 乡. */
function townshipSettlements(): Settlement[] {
  return townshipSeats.map((seat: TownshipSeat) => {
    const seatDistrict = seat.type === '街道';
    return {
      name: seat.name,
      lon: seat.lon,
      lat: seat.lat,
      sigma: seatDistrict ? 1250 : seat.type === '镇' ? 560 : 300,
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
/** The streets of the sample's towns, where their buildings leave the grid's streets free. */
export function sampleStreets(): Road[] {
  return townStreets(townshipSettlements());
}

export function writeSettlementFootprints(path: string, villages: VillageCentre[], seed = 330723): Promise<number> {
  return writeFeatureStream(path, settlementFootprints(villages, seed));
}

function* settlementFootprints(villages: VillageCentre[], seed: number): Generator<object> {
  const random = seededRandom(seed);
  const towns = townshipSettlements();
  const taken = new Set<string>();
  let count = 0;
  for (const settlement of [...towns, ...villageSettlements(villages, random)]) {
    for (const lot of settlementLots(settlement, towns)) {
      const { lon, lat, dx, dy, key, address } = lot;
      const falloff = Math.exp(-(dx * dx + dy * dy) / (2 * settlement.sigma ** 2));
      if (random() > settlement.density * falloff) continue;
      // One building per lot, also where settlements overlap.
      if (taken.has(key) || !county.contains(lon, lat)) continue;
      if (rivers.some((river) => distanceToCourse(river.course, lon, lat, cosLat).distanceKm < 0.09)) continue;
      taken.add(key);
      const floors = Math.max(1, Math.round(settlement.coreFloors * falloff ** 1.5 * (0.5 + random()) + random() * 2));
      const use = buildingUse(floors, falloff, lot.facesStreet, random);
      const size = floors >= 12 ? 22 : use === '工业' || use === '仓储' ? 24 : use === '教育' || use === '医疗' ? 26 : 10 + random() * 8;
      const ring = footprintRing(lon, lat, {
        width: Math.min(size * (0.9 + random() * 0.4), lot.size * 0.85),
        depth: Math.min(size * (0.6 + random() * 0.3), lot.size * 0.85),
        angle: (random() - 0.5) * 0.5,
        lShape: random() < 0.2,
      });
      count++;
      const properties: Record<string, unknown> = { floors, use, address: `${settlement.township}${address.street}${address.number}号`, adminCode: '330723' };
      if (floors >= 6 && random() < 0.4) properties.name = `${settlement.name.replace(/(街道|镇|乡|畲族镇)$/, '')}${address.street.slice(0, 2)}小区${(address.number % 12) + 1}幢`;
      if (random() < 0.7) properties.year = 1980 + Math.floor(random() * 45);
      yield { type: 'Feature', id: String(count).padStart(6, '0'), properties, geometry: { type: 'Polygon', coordinates: [ring] } };
    }
  }
}

/**
 * What a building is used for, as a county seat grows: towers of flats and offices at the centre,
 * shops along the streets of the busier blocks, schools and clinics among the houses, and
 * workshops and warehouses at the edge of town.
 */
function buildingUse(floors: number, falloff: number, facesStreet: boolean, random: () => number): string {
  const draw = random();
  if (floors >= 12) return draw < 0.6 ? '住宅' : draw < 0.9 ? '办公' : '商业';
  if (facesStreet && falloff > 0.35 && draw < 0.35) return '商业';
  if (draw < 0.03) return '教育';
  if (draw < 0.045) return '医疗';
  if (falloff < 0.3) return draw < 0.25 ? '工业' : draw < 0.33 ? '仓储' : '住宅';
  return '住宅';
}

interface Lot {
  lon: number;
  lat: number;
  /** Metres from the settlement's centre. */
  dx: number;
  dy: number;
  size: number;
  /** The same for the same lot of overlapping settlements. */
  key: string;
  address: { street: string; number: number };
  /** Next to a street of the towns' grid. */
  facesStreet: boolean;
}

/**
 * The lots a settlement may build on. Towns use the county's street grid, leaving its streets
 * free; a village's houses sit on its own grid of smaller lots, off the towns' streets.
 */
function* settlementLots(settlement: Settlement, towns: Town[]): Generator<Lot> {
  const town = towns.includes(settlement);
  const size = town ? LOT : 26;
  const reach = Math.ceil((2.6 * settlement.sigma) / size);
  const [ci, cj] = town ? lotOf(settlement.lon, settlement.lat) : [0, 0];
  for (let i = ci - reach; i <= ci + reach; i++) {
    for (let j = cj - reach; j <= cj + reach; j++) {
      const [lon, lat] = town ? lotCentre(i, j) : [settlement.lon + (i * size) / (METRES_PER_DEGREE * cosLat), settlement.lat + (j * size) / METRES_PER_DEGREE];
      if (town ? isStreetLot(i, j) : onTownStreet(towns, lon, lat)) continue;
      const dx = (lon - settlement.lon) * METRES_PER_DEGREE * cosLat;
      const dy = (lat - settlement.lat) * METRES_PER_DEGREE;
      const key = town ? `${i}:${j}` : `${Math.round(lon * 3600)}:${Math.round(lat * 3600)}`;
      const address = town ? streetAddress(i, j) : { street: villageLanes[Math.abs(i + j) % villageLanes.length]!, number: Math.abs(i * 7 + j) + 1 };
      yield { lon, lat, dx, dy, size, key, address, facesStreet: town && (isStreetLot(i + 1, j) || isStreetLot(i - 1, j) || isStreetLot(i, j + 1) || isStreetLot(i, j - 1)) };
    }
  }
}
