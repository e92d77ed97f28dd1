import { writeArrayBuffer } from 'geotiff';
import { writeDataFile } from '../output/writeDataFile.ts';
import { fractalNoise } from './noise.ts';
import { distanceToCourse } from './riverDistance.ts';
import { rivers } from './wuyiPlaces.ts';
import { METRES_PER_DEGREE } from '../geo/units.ts';

/** The sample DEM's grid: the county and a margin, at 0.0005° (about 50 m). */
export const demGrid = { west: 119.4, south: 28.47, east: 120.02, north: 29.1, resolution: 0.0005 };

interface Peak {
  lon: number;
  lat: number;
  height: number;
  /** Radius of the massif, km. */
  radius: number;
}

/** 牛头山 in the south-west is the county's highest point; lower ranges frame the basin. */
const peaks: Peak[] = [
  { lon: 119.56, lat: 28.6, height: 760, radius: 8 },
  { lon: 119.49, lat: 28.74, height: 600, radius: 9 },
  { lon: 119.7, lat: 28.58, height: 750, radius: 9 },
  { lon: 119.93, lat: 28.62, height: 700, radius: 10 },
  { lon: 119.97, lat: 28.83, height: 500, radius: 8 },
  { lon: 119.58, lat: 28.97, height: 450, radius: 9 },
];

/**
 * A synthetic but plausible DEM of Wuyi County: the Wuyi River (武义江) valley running north
 * through the county seat at about 90 m, the Shuxi valley joining it from the south-west, and
 * hills rising to about 1,560 m at 牛头山. Deterministic for a seed.
 */
export function wuyiHeights(seed = 330723): { width: number; height: number; heights: Float32Array } {
  const { west, north, resolution } = demGrid;
  const width = Math.round((demGrid.east - west) / resolution);
  const height = Math.round((north - demGrid.south) / resolution);
  const noise = fractalNoise(seed, 6);
  const heights = new Float32Array(width * height);
  const cosLat = Math.cos((28.8 * Math.PI) / 180);
  for (let row = 0; row < height; row++) {
    const lat = north - (row + 0.5) * resolution;
    for (let column = 0; column < width; column++) {
      const lon = west + (column + 0.5) * resolution;
      const km = (dLon: number, dLat: number) => (Math.hypot(dLon * cosLat, dLat) * METRES_PER_DEGREE) / 1000;
      // The valley floor follows the rivers, rising upstream; away from them the land rises into hills.
      // Each river's floor counts by inverse distance, so floors meet without seams at the confluence.
      let fromValley = Infinity;
      let floorSum = 0;
      let weightSum = 0;
      for (const river of rivers) {
        const { distanceKm, along } = distanceToCourse(river.course, lon, lat, cosLat);
        const main = river.name === '武义江';
        const distance = main ? distanceKm : distanceKm * 1.6;
        const weight = 1 / (distance + 0.5) ** 3;
        floorSum += weight * (main ? 70 + 160 * (1 - along) ** 2 : 95 + 260 * (1 - along) ** 1.5);
        weightSum += weight;
        fromValley = Math.min(fromValley, distance);
      }
      const floor = floorSum / weightSum;
      const t = Math.min(Math.max((fromValley - 1.5) / 11, 0), 1);
      const hilliness = t * t * (3 - 2 * t);
      let h = floor + 8 * noise(lon * 300, lat * 300) + hilliness * (180 + 260 * (noise(lon * 14, lat * 14) + 0.6));
      for (const peak of peaks) {
        const d = km(lon - peak.lon, lat - peak.lat) / peak.radius;
        h += hilliness * peak.height * Math.exp(-d * d) * (0.8 + 0.4 * noise(lon * 60 + 7, lat * 60));
      }
      heights[row * width + column] = Math.max(h, 40);
    }
  }
  return { width, height, heights };
}

/** Writes the sample DEM as a Float32 GeoTIFF in EPSG:4326, as a surveyed DEM would arrive. */
export async function writeWuyiDem(path: string): Promise<void> {
  const { width, height, heights } = wuyiHeights();
  const tiff = writeArrayBuffer(heights, {
    width,
    height,
    BitsPerSample: [32],
    SampleFormat: [3],
    ModelPixelScale: [demGrid.resolution, demGrid.resolution, 0],
    ModelTiepoint: [0, 0, 0, demGrid.west, demGrid.north, 0],
    GTModelTypeGeoKey: 2,
    GTRasterTypeGeoKey: 1,
    GeographicTypeGeoKey: 4326,
  });
  await writeDataFile(path, new Uint8Array(tiff));
}
