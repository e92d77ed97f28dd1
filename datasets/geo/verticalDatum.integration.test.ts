import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_ENTRY_FILE, IMPORT_REPORT_FILE } from '../../layers/index.ts';
import { writeBoxTileset } from '../../test/support/boxTileset.ts';
import { importTerrainCommand } from '../commands/importTerrainCommand.ts';
import { importTilesetCommand } from '../commands/importTilesetCommand.ts';

/**
 * Orthometric heights (above the geoid, as surveys deliver them) made ellipsoidal on import, so
 * that terrain and a vendor's tileset meet the ground at the same height. The oracle is PROJ's
 * own EGM96 15′ grid (proj-data), read by GDAL, apart from the npm package the import uses.
 */
const heightAt = (file: string, lon: number, lat: number) => Number(execFileSync('gdallocationinfo', ['-valonly', '-wgs84', file, String(lon), String(lat)], { encoding: 'utf8' }));
/** The geoid's height at a place: PROJ's grid nodes (every 0.25°) as GDAL reads them, interpolated bilinearly here. */
function geoid(lon: number, lat: number): number {
  const node = (nodeLon: number, nodeLat: number) => heightAt('/usr/share/proj/egm96_15.gtx', nodeLon, nodeLat);
  const [west, south] = [Math.floor(lon / 0.25) * 0.25, Math.floor(lat / 0.25) * 0.25];
  const [fx, fy] = [(lon - west) / 0.25, (lat - south) / 0.25];
  return (
    node(west, south) * (1 - fx) * (1 - fy) + node(west + 0.25, south) * fx * (1 - fy) + node(west, south + 0.25) * (1 - fx) * fy + node(west + 0.25, south + 0.25) * fx * fy
  );
}
interface Written {
  verticalDatum?: string;
  placement: { height: number };
  metadata: { verticalDatum?: string };
}
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Written;

let dir: string;
let dem: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-datum-'));
  // A DEM at 100 m above the geoid over 0.2° around the county seat, as GDAL writes a float delivery.
  const rows = Array.from({ length: 40 }, () => Array.from({ length: 40 }, () => '100.0').join(' '));
  await writeFile(join(dir, 'dem.asc'), `ncols 40\nnrows 40\nxllcorner 119.70\nyllcorner 28.80\ncellsize 0.005\n${rows.join('\n')}\n`);
  execFileSync('gdal_translate', ['-q', '-ot', 'Float32', '-a_srs', 'EPSG:4490', '-a_nodata', '-3.4e38', 'dem.asc', 'orthometric.tif'], { cwd: dir });
  dem = join(dir, 'orthometric.tif');
});

describe('vertical datum', () => {
  it('lifts an orthometric DEM onto the ellipsoid by the EGM96 geoid, cell by cell, and records the datum', async () => {
    const dataDir = join(dir, 'terrain-data');
    expect(await importTerrainCommand([dem, '--vertical-datum', 'egm96', '--max-level', '8', '--layer-id', 'ortho'], dataDir)).toBe(0);
    const elevation = join(dataDir, 'ortho', 'elevation.tif');
    for (const [lon, lat] of [[119.75, 28.85], [119.82, 28.9], [119.88, 28.97]] as const) {
      expect(Math.abs(heightAt(elevation, lon, lat) - (100 + geoid(lon, lat))), `${lon}, ${lat}`).toBeLessThan(0.05);
    }
    expect((await readJson(join(dataDir, 'ortho', CATALOG_ENTRY_FILE))).metadata.verticalDatum).toBe('egm96');
    expect((await readJson(join(dataDir, 'ortho', IMPORT_REPORT_FILE))).verticalDatum).toBe('egm96');
    // Without the option the heights are taken as ellipsoidal, as they are.
    expect(await importTerrainCommand([dem, '--max-level', '8', '--layer-id', 'as-is'], dataDir)).toBe(0);
    expect(Math.abs(heightAt(join(dataDir, 'as-is', 'elevation.tif'), 119.82, 28.9) - 100)).toBeLessThan(0.01);
  });

  it('places a tileset with orthometric heights at the ellipsoidal height of its origin, and refuses a datum it has no grid for', async () => {
    const delivery = join(dir, 'Oblique_1985');
    await writeBoxTileset(delivery, [{ x: 0, y: 0, width: 20, depth: 20, height: 10 }], [200, 160, 120]);
    const dataDir = join(dir, 'tileset-data');
    expect(await importTilesetCommand([delivery, '--place', '119.815,28.892,95', '--vertical-datum', 'egm96'], dataDir)).toBe(0);
    const entry = await readJson(join(dataDir, 'oblique-1985', CATALOG_ENTRY_FILE));
    expect(Math.abs(entry.placement.height - (95 + geoid(119.815, 28.892)))).toBeLessThan(0.05);
    expect(entry.metadata.verticalDatum).toBe('egm96');
    await expect(importTilesetCommand([delivery, '--place', '119.815,28.892,95', '--vertical-datum', '1985', '--layer-id', 'other'], dataDir)).rejects.toThrow(
      '--vertical-datum must be ellipsoidal or egm96 (the 1985 national height datum and EGM2008 have no grid shipped yet), got "1985"',
    );
  });
});
