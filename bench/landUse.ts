import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importParcels } from '../datasets/landuse/importParcels.ts';
import { LAND_USE_SURVEY } from '../datasets/landuse/parcelSchemes.ts';

const CODES = ['0101', '0103', '0201', '0301', '0305', '0702', '05H1', '1003', '1101', '1104A'];

/**
 * A 三调 delivery (GBK Shapefile in EPSG:4528, 12-vertex parcels) → the twin's land-use layer,
 * end to end, against GDAL reprojecting the same file to GeoJSON, in the same run.
 * Usage: npm run bench -- landuse [--counts 20000,100000]
 */
export async function benchLandUse({ counts = [20_000, 100_000] }: { counts?: number[] }) {
  const rows = [];
  for (const count of counts) {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-landuse-'));
    try {
      await writeFile(join(dir, 'delivery.geojson'), JSON.stringify(delivery(count)));
      execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4528', '-lco', 'ENCODING=GBK', 'DLTB.shp', 'delivery.geojson'], { cwd: dir });
      const ours: number[] = [];
      const gdal: number[] = [];
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        await importParcels(LAND_USE_SURVEY, { input: join(dir, 'DLTB.shp'), dataDir: join(dir, 'data'), layerId: 'dltb', replace: true });
        ours.push((performance.now() - started) / 1000);
        const gdalStarted = performance.now();
        execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', `gdal-${run}.geojson`, 'DLTB.shp'], { cwd: dir });
        gdal.push((performance.now() - gdalStarted) / 1000);
      }
      const [oursMedian, gdalMedian] = [median(ours), median(gdal)];
      rows.push({
        parcels: count,
        'twin s': oursMedian.toFixed(2),
        'twin parcels/s': Math.round(count / oursMedian),
        'GDAL to GeoJSON s': gdalMedian.toFixed(2),
        'twin / GDAL time': (oursMedian / gdalMedian).toFixed(2),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  console.log('Land-use import (median of 3 runs; GDAL: ogr2ogr -t_srs EPSG:4326 to GeoJSON of the same file)');
  console.table(rows);
}

/** Parcels on a grid near Wuyi, each a square with vertices along its sides as surveyed outlines have. */
function delivery(count: number) {
  const side = Math.ceil(Math.sqrt(count));
  const size = 0.0005;
  const features = Array.from({ length: count }, (_, i) => {
    const west = 119.6 + (i % side) * size;
    const south = 28.7 + Math.floor(i / side) * size;
    const ring: number[][] = [];
    const corners = [[0, 0], [1, 0], [1, 1], [0, 1]];
    for (let side = 0; side < 4; side++) {
      const [x0, y0] = corners[side]!;
      const [x1, y1] = corners[(side + 1) % 4]!;
      for (let k = 0; k < 3; k++) ring.push([west + (x0! + ((x1! - x0!) * k) / 3) * size, south + (y0! + ((y1! - y0!) * k) / 3) * size]);
    }
    ring.push(ring[0]!);
    const code = CODES[i % CODES.length]!;
    return {
      type: 'Feature',
      properties: { BSM: String(3307232023000000 + i), DLBM: code, DLMC: '地类', ZLDWDM: '3307231010010000000', ZLDWMC: '某村', TBMJ: 2000 + (i % 100) },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  return { type: 'FeatureCollection', features };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
