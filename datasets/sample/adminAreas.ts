import { Delaunay } from 'd3-delaunay';
import polygonClipping, { type MultiPolygon } from 'polygon-clipping';
import { pointInRing, signedArea2 } from '../geometry/ring.ts';
import type { Dem } from '../raster/dem.ts';
import { seededRandom } from './random.ts';
import type { Division, Village } from './wuyiDivisions.ts';
import { countyOutline, townshipSeats } from './wuyiPlaces.ts';
import { METRES_PER_DEGREE } from '../geo/units.ts';

export interface Township extends Division {
  nameEn: string;
  type: string;
  seat: [number, number];
  /** Approximate area: the Voronoi cell of its seat within the county outline. */
  area: MultiPolygon;
}

export interface PlacedVillage extends Village {
  lon: number;
  lat: number;
  /** 社区 (urban residents' committee) or 村 (village committee). */
  kind: '社区' | '村';
}

/**
 * Places the real townships and villages of the county: each township's area is the Voronoi
 * cell of its seat clipped to the county outline; communities sit near their seat, villages on
 * habitable low ground within their township, spread apart. Approximate, and deterministic.
 */
export function placeAdminAreas(townshipDivisions: Division[], villages: Village[], dem: Dem, seed = 7): { townships: Township[]; villages: PlacedVillage[] } {
  const seats = townshipDivisions.map((division) => {
    const seat = townshipSeats.find((s) => s.name === division.name);
    if (!seat) throw new Error(`No seat position for township ${division.name} (${division.code})`);
    return { division, seat };
  });
  const lons = countyOutline.map(([lon]) => lon);
  const lats = countyOutline.map(([, lat]) => lat);
  const voronoi = Delaunay.from(seats.map(({ seat }) => [seat.lon, seat.lat])).voronoi([
    Math.min(...lons) - 0.01, Math.min(...lats) - 0.01, Math.max(...lons) + 0.01, Math.max(...lats) + 0.01,
  ]);
  const townships: Township[] = seats.map(({ division, seat }, i) => ({
    ...division,
    nameEn: seat.nameEn,
    type: seat.type,
    seat: [seat.lon, seat.lat],
    area: polygonClipping.intersection([voronoi.cellPolygon(i) as [number, number][]], [countyOutline]),
  }));

  const random = seededRandom(seed);
  const placed: PlacedVillage[] = [];
  for (const village of villages) {
    const township = townships.find((t) => t.code === village.townshipCode);
    if (!township) continue;
    const kind = village.name.includes('社区') ? '社区' : '村';
    placed.push({ ...village, kind, ...placeVillage(township, kind, dem, random, placed) });
  }
  return { townships, villages: placed };
}

function placeVillage(township: Township, kind: '社区' | '村', dem: Dem, random: () => number, others: PlacedVillage[]) {
  const outer = largestOuterRing(township.area);
  const [seatLon, seatLat] = township.seat;
  const cosLat = Math.cos((seatLat * Math.PI) / 180);
  const distanceM = (lon: number, lat: number, lon2: number, lat2: number) => Math.hypot((lon - lon2) * cosLat, lat - lat2) * METRES_PER_DEGREE;
  let best = { lon: seatLon, lat: seatLat, score: -Infinity };
  for (let attempt = 0; attempt < 60; attempt++) {
    const radius = kind === '社区' ? 1500 * Math.sqrt(random()) : 9000 * Math.sqrt(random());
    const angle = random() * 2 * Math.PI;
    const lon = seatLon + (radius * Math.cos(angle)) / (METRES_PER_DEGREE * cosLat);
    const lat = seatLat + (radius * Math.sin(angle)) / METRES_PER_DEGREE;
    if (!pointInRing(lon, lat, outer)) continue;
    const height = dem.sample(lon, lat) ?? Infinity;
    const nearest = others.reduce((d, o) => Math.min(d, distanceM(lon, lat, o.lon, o.lat)), Infinity);
    // Low ground and room around it; villages do not crowd the seat.
    const score = -height / 100 + Math.min(nearest, 900) / 150 - (kind === '村' && distanceM(lon, lat, seatLon, seatLat) < 800 ? 5 : 0);
    if (score > best.score) best = { lon, lat, score };
  }
  return { lon: Math.round(best.lon * 1e6) / 1e6, lat: Math.round(best.lat * 1e6) / 1e6 };
}

function largestOuterRing(area: MultiPolygon): [number, number][] {
  const outers = area.map((polygon) => polygon[0]!);
  return outers.reduce((a, b) => (Math.abs(signedArea2(b.flat())) > Math.abs(signedArea2(a.flat())) ? b : a)) as [number, number][];
}
