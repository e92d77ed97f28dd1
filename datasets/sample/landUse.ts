import { Delaunay } from 'd3-delaunay';
import { clipPolygon } from 'lineclip';
import polygonClipping, { type MultiPolygon } from 'polygon-clipping';
import { pointInRing } from '../geometry/ring.ts';
import type { Dem } from '../raster/dem.ts';
import type { Township } from './adminAreas.ts';
import type { LandUseClass } from '../landuse/landUseClasses.ts';
import { landUseByCode } from './landUseClasses.ts';
import { seededRandom } from './random.ts';
import { distanceToCourse } from './riverDistance.ts';
import { countyOutline, county, rivers } from './wuyiPlaces.ts';
import { METRES_PER_DEGREE } from '../geo/units.ts';

const COS_LAT = Math.cos((28.8 * Math.PI) / 180);
/** Seeds every 0.0025° (about 250 m), jittered: some 25,000 parcels over the county. */
const SPACING = 0.0025;

/** Industrial parks of the sample (approximate): east of the seat, at 桐琴 and 泉溪. */
const industrialParks = [
  { lon: 119.848, lat: 28.918, radius: 1100 },
  { lon: 119.85, lat: 28.97, radius: 800 },
  { lon: 119.89, lat: 28.965, radius: 700 },
];

export interface Parcels {
  /** Seed points [lon, lat, …]: each parcel is the Voronoi cell of its seed. */
  seeds: Float64Array;
  classes: LandUseClass[];
  townshipCodes: string[];
  /** The class at any point: that of the nearest seed (exactly the Voronoi parcel it falls in). */
  classAt: (lon: number, lat: number) => LandUseClass | undefined;
}

/**
 * Land-use parcels covering the county: Voronoi cells of jittered seeds, each classed by where
 * it lies — rivers, settlements, industrial parks, valley paddies, tea gardens on the lower
 * slopes, forest above. Deterministic.
 */
export function generateParcels(dem: Dem, townships: Township[], settlements: { lon: number; lat: number; radius: number; urban: boolean }[], seed = 21010): Parcels {
  const random = seededRandom(seed);
  const lons = countyOutline.map(([lon]) => lon);
  const lats = countyOutline.map(([, lat]) => lat);
  const [west, south, east, north] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const points: number[] = [];
  const classes: LandUseClass[] = [];
  const townshipCodes: string[] = [];
  for (let lat = south + SPACING / 2; lat < north; lat += SPACING) {
    for (let lon = west + SPACING / 2; lon < east; lon += SPACING) {
      const x = lon + (random() - 0.5) * SPACING * 0.8;
      const y = lat + (random() - 0.5) * SPACING * 0.8;
      if (!county.contains(x, y)) continue;
      points.push(x, y);
      classes.push(classify(x, y, dem, settlements, random));
      townshipCodes.push(townships.find((t) => t.area.some((polygon) => pointInRing(x, y, polygon[0]!)))?.code ?? '330723');
    }
  }
  const seeds = Float64Array.from(points);
  const buckets = new SeedBuckets(seeds, west, south, SPACING);
  return {
    seeds,
    classes,
    townshipCodes,
    classAt: (lon, lat) => {
      if (lon < west || lon > east || lat < south || lat > north || !county.contains(lon, lat)) return undefined;
      const nearest = buckets.nearest(lon, lat);
      return nearest < 0 ? undefined : classes[nearest];
    },
  };
}

function classify(lon: number, lat: number, dem: Dem, settlements: { lon: number; lat: number; radius: number; urban: boolean }[], random: () => number): LandUseClass {
  const code = (() => {
    const metres = (a: number, b: number) => Math.hypot((lon - a) * COS_LAT, lat - b) * METRES_PER_DEGREE;
    if (rivers.some((river) => distanceToCourse(river.course, lon, lat, COS_LAT).distanceKm < (river.name === '武义江' ? 0.14 : 0.09))) return '1101';
    if (industrialParks.some((park) => metres(park.lon, park.lat) < park.radius)) return '0601';
    for (const settlement of settlements) {
      const d = metres(settlement.lon, settlement.lat);
      if (d < settlement.radius) {
        if (!settlement.urban) return '0702';
        return d < settlement.radius * 0.3 && random() < 0.5 ? '05H1' : '0701';
      }
    }
    const height = dem.sample(lon, lat) ?? 0;
    const r = random();
    if (height < 170) return r < 0.75 ? '0101' : '0103';
    if (height < 320) return r < 0.45 ? '0202' : r < 0.6 ? '0201' : r < 0.8 ? '0103' : '0301';
    if (height < 600) return r < 0.25 ? '0202' : r < 0.85 ? '0301' : '0305';
    return r < 0.8 ? '0301' : '0305';
  })();
  return landUseByCode.get(code)!;
}

/** Seeds by grid cell, for nearest-seed queries in constant time. */
class SeedBuckets {
  private readonly cells = new Map<number, number[]>();

  constructor(
    private readonly seeds: Float64Array,
    private readonly west: number,
    private readonly south: number,
    private readonly size: number,
  ) {
    for (let i = 0; i < seeds.length / 2; i++) {
      const key = this.key(Math.floor((seeds[2 * i]! - west) / size), Math.floor((seeds[2 * i + 1]! - south) / size));
      let cell = this.cells.get(key);
      if (!cell) this.cells.set(key, (cell = []));
      cell.push(i);
    }
  }

  private key(column: number, row: number): number {
    return row * 100_000 + column;
  }

  nearest(lon: number, lat: number): number {
    const column = Math.floor((lon - this.west) / this.size);
    const row = Math.floor((lat - this.south) / this.size);
    let best = -1;
    let bestDistance = Infinity;
    for (let radius = 1; radius <= 3 && best < 0; radius++) {
      for (let r = row - radius; r <= row + radius; r++) {
        for (let c = column - radius; c <= column + radius; c++) {
          for (const i of this.cells.get(this.key(c, r)) ?? []) {
            const d = ((this.seeds[2 * i]! - lon) * COS_LAT) ** 2 + (this.seeds[2 * i + 1]! - lat) ** 2;
            if (d < bestDistance) {
              bestDistance = d;
              best = i;
            }
          }
        }
      }
    }
    return best;
  }
}

/** The parcels' outlines: Voronoi cells, clipped to the county where they cross its border. */
export function parcelPolygons(parcels: Parcels): MultiPolygon[] {
  const lons = countyOutline.map(([lon]) => lon);
  const lats = countyOutline.map(([, lat]) => lat);
  const bounds = [Math.min(...lons) - 0.01, Math.min(...lats) - 0.01, Math.max(...lons) + 0.01, Math.max(...lats) + 0.01] as const;
  // Voronoi in a space where degrees of longitude and latitude are the same length, as the classes were assigned.
  const scaled = Float64Array.from(parcels.seeds, (v, i) => (i % 2 === 0 ? v * COS_LAT : v));
  const voronoi = new Delaunay(scaled).voronoi([bounds[0] * COS_LAT, bounds[1], bounds[2] * COS_LAT, bounds[3]]);
  const result: MultiPolygon[] = [];
  for (let i = 0; i < parcels.classes.length; i++) {
    const cell = (voronoi.cellPolygon(i) as [number, number][]).map(([x, y]) => [round(x / COS_LAT), round(y)] as [number, number]);
    const xs = cell.map(([x]) => x);
    const ys = cell.map(([, y]) => y);
    const [cellWest, cellSouth, cellEast, cellNorth] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    if (!county.mayCross(cellWest, cellSouth, cellEast, cellNorth)) {
      result.push(county.contains(cell[0]![0], cell[0]![1]) ? [[cell]] : []);
      continue;
    }
    // The county cut to a box around the cell first: the overlay then meets a few of its edges, not
    // all of them (a tenth of the build's time otherwise). The cut may leave slivers along the box's
    // sides, which lie outside the cell and so vanish in the intersection.
    const margin = SPACING / 4;
    const nearby = clipPolygon(countyOutline, [cellWest - margin, cellSouth - margin, cellEast + margin, cellNorth + margin]);
    result.push(nearby.length < 3 ? [] : polygonClipping.intersection([cell], [nearby]));
  }
  return result;
}

const round = (degrees: number) => Math.round(degrees * 1e7) / 1e7;
