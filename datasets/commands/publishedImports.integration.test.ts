import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_ENTRY_FILE } from '../../layers/index.ts';
import { importBuildingsCommand } from './importBuildingsCommand.ts';
import { importTerrainCommand } from './importTerrainCommand.ts';

/**
 * The building and terrain imports publish as the land-use one does: into the folder of a layer id
 * taken from the file name, refusing an id in use unless told to replace it, all at once or not
 * at all.
 */
let dir: string;
let dem: string;
let footprints: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-publish-'));
  // A float DEM as GDAL writes them, 40 × 40 cells of 0.001° near the county seat.
  const rows = Array.from({ length: 40 }, (_, r) => Array.from({ length: 40 }, (_, c) => (150 + r * 2 + c).toFixed(1)).join(' '));
  await writeFile(join(dir, 'dem.asc'), `ncols 40\nnrows 40\nxllcorner 119.80\nyllcorner 28.86\ncellsize 0.001\n${rows.join('\n')}\n`);
  execFileSync('gdal_translate', ['-q', '-ot', 'Float32', '-a_srs', 'EPSG:4490', '-a_nodata', '-3.4e38', 'dem.asc', 'County_DEM.tif'], { cwd: dir });
  dem = join(dir, 'County_DEM.tif');
  const square = (west: number) => [[[west, 28.87], [west + 0.0003, 28.87], [west + 0.0003, 28.8703], [west, 28.8703], [west, 28.87]]];
  const features = [0, 1, 2].map((i) => ({ type: 'Feature', id: i + 1, properties: { height: 12 + i }, geometry: { type: 'Polygon', coordinates: square(119.81 + i * 0.001) } }));
  footprints = join(dir, 'footprints.geojson');
  await writeFile(footprints, JSON.stringify({ type: 'FeatureCollection', features }));
});

const entryOf = async (dataDir: string, id: string) => JSON.parse(await readFile(join(dataDir, id, CATALOG_ENTRY_FILE), 'utf8')) as { id: string; title: { zh: string; en: string }; source: { url: string } };

describe('building and terrain imports publish a layer of their own', () => {
  it('names the terrain layer after the DEM, refuses it again unless replaced, and keeps it whole when a replacement fails', async () => {
    const dataDir = join(dir, 'terrain-data');
    expect(await importTerrainCommand([dem, '--max-level', '9', '--title', '县域地形,County terrain'], dataDir)).toBe(0);
    expect(await entryOf(dataDir, 'county-dem')).toMatchObject({ id: 'county-dem', title: { zh: '县域地形', en: 'County terrain' }, source: { url: '/data/county-dem/' } });
    const layer = await readFile(join(dataDir, 'county-dem', 'layer.json'));

    await expect(importTerrainCommand([dem], dataDir)).rejects.toThrow('holds the layer "county-dem"; pass --replace to replace it');
    await writeFile(join(dir, 'broken.tif'), 'not a TIFF');
    await expect(importTerrainCommand([join(dir, 'broken.tif'), '--layer-id', 'county-dem', '--replace'], dataDir)).rejects.toThrow(`${join(dir, 'broken.tif')}: is not a GeoTIFF`);
    expect(await readFile(join(dataDir, 'county-dem', 'layer.json'))).toEqual(layer);
    expect(await readdir(dataDir)).toEqual(['county-dem']);
  });

  it('names the buildings layer after its file, and will not take an id another layer of the data folder holds', async () => {
    const dataDir = join(dir, 'buildings-data');
    // The sample's buildings, as `npm run twin -- sample` leaves them.
    await mkdir(join(dataDir, 'sample', 'buildings'), { recursive: true });
    await writeFile(join(dataDir, 'sample', 'buildings', CATALOG_ENTRY_FILE), JSON.stringify({ id: 'buildings' }));
    expect(await importBuildingsCommand([footprints], dataDir)).toBe(0);
    expect(await entryOf(dataDir, 'footprints')).toMatchObject({ id: 'footprints', title: { zh: '建筑', en: 'Buildings' }, source: { url: '/data/footprints/tileset.json' } });
    const tileset = JSON.parse(await readFile(join(dataDir, 'footprints', 'tileset.json'), 'utf8')) as { asset: { version: string } };
    expect(tileset.asset.version).toBe('1.1');
    await expect(importBuildingsCommand([footprints, '--layer-id', 'buildings'], dataDir)).rejects.toThrow(`taken by ${join(dataDir, 'sample', 'buildings', CATALOG_ENTRY_FILE)}`);
    expect((await readdir(dataDir)).sort()).toEqual(['footprints', 'sample']);
  });
});
