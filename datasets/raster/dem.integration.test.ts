import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBuildings } from '../buildings/importBuildings.ts';
import { resolveCrs } from '../crs/resolveCrs.ts';
import { readDem } from './dem.ts';

/**
 * DEMs written by GDAL (gdal_translate from an ASCII grid): 4 × 4 cells of 200 m in CGCS2000 / GK
 * CM 120E near the Wuyi county seat, rising 10 m per cell eastwards and 1 m per cell southwards.
 */
const xll = 481_000;
const yll = 3_196_800;
const rows = [0, 1, 2, 3].map((r) => [0, 1, 2, 3].map((c) => 100 + 10 * c + r));
const ascii = (cells: (number | string)[][]) =>
  `ncols 4\nnrows 4\nxllcorner ${xll}\nyllcorner ${yll}\ncellsize 200\nNODATA_value -9999\n${cells.map((r) => r.join(' ')).join('\n')}\n`;
const gk = resolveCrs('EPSG:4549');
/** WGS84 of the centre of cell (row, column), rows counted from the north. */
const cellCentre = (row: number, column: number) => gk.toWgs84(xll + 200 * column + 100, yll + 800 - 200 * row - 100);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-dem-'));
  const gdal = (...args: string[]) => execFileSync('gdal_translate', args, { cwd: dir, stdio: 'pipe' });
  await writeFile(join(dir, 'dem.asc'), ascii(rows));
  gdal('-of', 'GTiff', '-a_srs', 'EPSG:4549', '-ot', 'Int16', 'dem.asc', 'int16.tif');
  gdal('-of', 'GTiff', '-a_srs', 'EPSG:4549', '-ot', 'Float32', 'dem.asc', 'float32.tif');
  await writeFile(join(dir, 'holes.asc'), ascii(rows.map((r, i) => (i === 1 ? r.map(() => -9999) : r))));
  gdal('-of', 'GTiff', '-a_srs', 'EPSG:4549', 'holes.asc', 'holes.tif');
  await writeFile(join(dir, 'empty.asc'), ascii(rows.map((r) => r.map(() => -9999))));
  gdal('-of', 'GTiff', '-a_srs', 'EPSG:4549', 'empty.asc', 'empty.tif');
  // The baseline TIFF profile leaves out every GeoTIFF tag: a plain raster with no georeference.
  gdal('-of', 'GTiff', '-co', 'PROFILE=BASELINE', 'dem.asc', 'plain.tif');
  await writeFile(join(dir, 'notes.tif'), 'this is not a TIFF');
});

describe('DEM', () => {
  for (const file of ['int16.tif', 'float32.tif']) {
    it(`samples cell centres exactly and interpolates between them (${file})`, async () => {
      const dem = await readDem(join(dir, file));
      expect(dem.crs.id).toBe('EPSG:4549');
      expect(dem.sample(...cellCentre(0, 0))).toBeCloseTo(100, 3);
      expect(dem.sample(...cellCentre(2, 3))).toBeCloseTo(132, 3);
      const [lonA, latA] = cellCentre(1, 1);
      const [lonB, latB] = cellCentre(2, 2);
      expect(dem.sample((lonA + lonB) / 2, (latA + latB) / 2)).toBeCloseTo((111 + 122) / 2, 1);
    });
  }

  it('has no height outside its extent or on no-data cells', async () => {
    const dem = await readDem(join(dir, 'holes.tif'));
    expect(dem.sample(...cellCentre(1, 2))).toBeUndefined();
    expect(dem.sample(...cellCentre(3, 3))).toBeCloseTo(133, 3);
    expect(dem.sample(119.0, 28.0)).toBeUndefined();
    const [west, south, east, north] = dem.extent;
    expect(west).toBeLessThan(cellCentre(0, 0)[0]);
    expect(north).toBeGreaterThan(cellCentre(0, 0)[1]);
    expect(east - west).toBeCloseTo(800 / 97_500, 3);
    expect(north - south).toBeCloseTo(800 / 110_850, 3);
  });

  it('refuses, naming the file, what is not a usable DEM', async () => {
    await expect(readDem(join(dir, 'notes.tif'))).rejects.toThrow(/notes\.tif: is not a GeoTIFF/);
    await expect(readDem(join(dir, 'plain.tif'))).rejects.toThrow(/plain\.tif: has no georeference/);
    await expect(readDem(join(dir, 'empty.tif'))).rejects.toThrow(/empty\.tif: holds no heights: every cell is no-data/);
    await expect(readDem(join(dir, 'nothing.tif'))).rejects.toThrow(/nothing\.tif: does not exist/);
  });

  it('stands imported buildings on the lowest ground under their outline', async () => {
    const [lon, lat] = cellCentre(1, 1);
    const outline = [[lon, lat], [lon + 0.002, lat], [lon + 0.002, lat + 0.0005], [lon, lat + 0.0005], [lon, lat]];
    const input = join(dir, 'building.geojson');
    await writeFile(input, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { height: 20 }, geometry: { type: 'Polygon', coordinates: [outline] } }] }));
    const dem = await readDem(join(dir, 'float32.tif'));
    const expectedBase = Math.min(...outline.map(([x, y]) => dem.sample(x!, y!)!));
    const outDir = join(dir, 'buildings');
    await importBuildings({ input, outDir, dem: join(dir, 'float32.tif'), floorHeight: 3, defaultHeight: 10, oidPrefix: 'bldg:' });
    const region = JSON.parse(await readFile(join(outDir, 'tileset.json'), 'utf8')).root.boundingVolume.region as number[];
    expect(region[4]).toBeCloseTo(expectedBase, 3);
    expect(region[5]).toBeCloseTo(expectedBase + 20, 3);
    expect(expectedBase).toBeCloseTo(111, 0);
  });
});
