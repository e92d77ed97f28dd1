import { METRES_PER_DEGREE } from '../geo/units.ts';
import type { Road } from './roads.ts';
import { county, townshipSeats } from './wuyiPlaces.ts';

/**
 * The towns' street grid: building lots of `LOT` metres on one grid over the whole county, so
 * towns that grow into each other share their streets; every `BLOCK`-th row and column of lots
 * is a street, which leaves blocks of four lots by four.
 */
export const LOT = 30;
const BLOCK = 5;
const origin = townshipSeats.find((seat) => seat.name === '壶山街道')!;
const cosLat = Math.cos((28.8 * Math.PI) / 180);
const metresPerLon = METRES_PER_DEGREE * cosLat;
const streetNames = ['解放街', '壶山路', '熟溪路', '温泉路', '白洋路', '江滨路', '永康街', '新华街', '环城路', '中山路'];
/** Where a town's lots are built on often enough for a street (a quarter of them). */
const STREET_DENSITY = 0.25;

/** A town's built-up area: density·exp(−r²/2σ²) of its lots are built on. */
export interface Town {
  lon: number;
  lat: number;
  sigma: number;
  density: number;
}

const mod = (n: number, m: number) => ((n % m) + m) % m;

/** The lot (grid column, row) holding a point. */
export function lotOf(lon: number, lat: number): [number, number] {
  return [Math.round(((lon - origin.lon) * metresPerLon) / LOT), Math.round(((lat - origin.lat) * METRES_PER_DEGREE) / LOT)];
}

/** The centre of lot (i, j), lon/lat. */
export function lotCentre(i: number, j: number): [number, number] {
  return [origin.lon + (i * LOT) / metresPerLon, origin.lat + (j * LOT) / METRES_PER_DEGREE];
}

export function isStreetLot(i: number, j: number): boolean {
  return mod(i, BLOCK) === 0 || mod(j, BLOCK) === 0;
}

/** The street a lot faces (the nearer of its block's streets) and its house number there (odd on one side, even on the other). */
export function streetAddress(i: number, j: number): { street: string; number: number } {
  const toColumn = Math.round(i / BLOCK) * BLOCK - i;
  const toRow = Math.round(j / BLOCK) * BLOCK - j;
  const facesColumn = Math.abs(toColumn) <= Math.abs(toRow);
  const along = facesColumn ? j : i;
  const side = (facesColumn ? toColumn : toRow) > 0 ? 1 : 0;
  return { street: streetName(facesColumn ? 'column' : 'row', Math.round((facesColumn ? i : j) / BLOCK)), number: 2 * Math.abs(along) + 1 + side };
}

function streetName(direction: 'column' | 'row', index: number): string {
  return streetNames[mod(direction === 'column' ? index : index + 5, streetNames.length)]!;
}

/** Metres within which a town's lots are built on often enough to run a street. */
function streetReach(town: Town): number {
  return town.density > STREET_DENSITY ? town.sigma * Math.sqrt(2 * Math.log(town.density / STREET_DENSITY)) : 0;
}

/** Whether a point lies on a street lot inside some town's streets. */
export function onTownStreet(towns: Town[], lon: number, lat: number): boolean {
  const [i, j] = lotOf(lon, lat);
  if (!isStreetLot(i, j)) return false;
  const [x, y] = lotCentre(i, j);
  return towns.some((town) => Math.hypot((x - town.lon) * metresPerLon, (y - town.lat) * METRES_PER_DEGREE) < streetReach(town));
}

/**
 * The streets of the towns: each grid line of streets, as far as some town's buildings reach
 * along it, cut where it leaves the county. One road per unbroken run, from lot centre to lot centre.
 */
export function townStreets(towns: Town[]): Road[] {
  const streets: Road[] = [];
  for (const direction of ['column', 'row'] as const) {
    const lines = new Map<number, [number, number][]>();
    for (const town of towns) {
      const reach = streetReach(town) / LOT;
      const [ci, cj] = lotOf(town.lon, town.lat);
      // Offsets in lots of the town's centre from its nearest lot centre, across and along the line.
      const [cx, cy] = lotCentre(ci, cj);
      const across0 = direction === 'column' ? ci + ((town.lon - cx) * metresPerLon) / LOT : cj + ((town.lat - cy) * METRES_PER_DEGREE) / LOT;
      const along0 = direction === 'column' ? cj + ((town.lat - cy) * METRES_PER_DEGREE) / LOT : ci + ((town.lon - cx) * metresPerLon) / LOT;
      for (let line = Math.ceil((across0 - reach) / BLOCK); line * BLOCK <= across0 + reach; line++) {
        const half = Math.sqrt(Math.max(0, reach ** 2 - (line * BLOCK - across0) ** 2));
        if (half < 1) continue;
        const spans = lines.get(line) ?? [];
        spans.push([Math.ceil(along0 - half), Math.floor(along0 + half)]);
        lines.set(line, spans);
      }
    }
    for (const [line, spans] of [...lines].sort(([a], [b]) => a - b)) {
      for (const [from, to] of mergeSpans(spans)) {
        for (const run of countyRuns(direction, line * BLOCK, from, to)) {
          streets.push({ name: streetName(direction, line), grade: '城市道路', course: run });
        }
      }
    }
  }
  return streets;
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of [...spans].sort(([a], [b]) => a - b)) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The runs of lots `from`…`to` along a grid line that lie in the county, as straight lines of two or more lots. */
function countyRuns(direction: 'column' | 'row', across: number, from: number, to: number): [number, number][][] {
  const runs: [number, number][][] = [];
  let start: number | undefined;
  const centre = (along: number) => (direction === 'column' ? lotCentre(across, along) : lotCentre(along, across));
  for (let along = from; along <= to + 1; along++) {
    const inside = along <= to && county.contains(...centre(along));
    if (inside && start === undefined) start = along;
    if (!inside && start !== undefined) {
      if (along - 1 > start) runs.push([start, along - 1].map((a) => centre(a).map(round) as [number, number]));
      start = undefined;
    }
  }
  return runs;
}

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
