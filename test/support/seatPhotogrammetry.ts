import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readDem } from '../../datasets/raster/dem.ts';
import { runTwin } from '../e2e/support/twinServer.ts';
import { type Footprint, writeFootprintTileset } from './footprintTileset.ts';

/** A building of the sample as its buildings table gives it. */
export interface SampleBuilding extends Footprint {
  oid: string;
  /** Its representative point, inside its footprint. */
  lon: number;
  lat: number;
}

/**
 * Makes a contractor's photogrammetry of the sample's `count` buildings nearest `centre` (single
 * footprints, each side at least `minSide` m) and imports it into the data folder as `layerId`,
 * placed at the DEM's ground there, as a user runs `import tileset`. The buildings come from the
 * sample's buildings table as a GIS reads it (apache-arrow): the oracle of what a click opens.
 */
export async function importSeatPhotogrammetry(
  dataDir: string,
  options: { centre: { lon: number; lat: number }; count: number; minSide?: number; layerId: string },
): Promise<{ buildings: SampleBuilding[]; ground: number }> {
  const { centre, count, minSide = 0, layerId } = options;
  const table = tableFromIPC(await readFile(join(dataDir, 'sample', 'buildings', 'attributes.arrow')));
  type Row = { oid: string; lon: number; lat: number; west: number; south: number; east: number; north: number; base: number; height: number; geometry: string };
  const rows = table.toArray().map((row) => row.toJSON() as Row);
  const metres = (row: Row) => Math.hypot((row.lon - centre.lon) * 97_500, (row.lat - centre.lat) * 111_000);
  const buildings = rows
    .filter((row) => JSON.parse(row.geometry).type === 'Polygon' && (row.east - row.west) * 97_500 >= minSide && (row.north - row.south) * 111_000 >= minSide)
    .sort((a, b) => metres(a) - metres(b))
    .slice(0, count)
    .map((row) => ({ oid: row.oid, lon: row.lon, lat: row.lat, ring: JSON.parse(row.geometry).coordinates[0], base: row.base, height: row.height }));
  const ground = (await readDem(join(dataDir, 'sample', 'source', 'wuyi-dem.tif'))).sample(centre.lon, centre.lat)!;
  const delivery = join(await mkdtemp(join(tmpdir(), 'wuyi-twin-photo-')), 'Seat_Oblique');
  await writeFootprintTileset(delivery, buildings, { ...centre, height: ground }, [178, 170, 158]);
  await runTwin(['import', 'tileset', delivery, '--place', `${centre.lon},${centre.lat},${ground}`, '--layer-id', layerId, '--title', '县城倾斜摄影,Seat photogrammetry'], dataDir);
  return { buildings, ground };
}
