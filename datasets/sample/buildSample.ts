import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDataFile } from '../output/writeDataFile.ts';
import { countyOutline, rivers, townshipSeats } from './wuyiPlaces.ts';

/** Bump when the sample's content changes, so `npm start` rebuilds an older sample. */
export const SAMPLE_VERSION = 1;

const manifestPath = (dataDir: string) => join(dataDir, 'sample', 'manifest.json');

export function sampleIsCurrent(dataDir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath(dataDir), 'utf8')) as { version?: number };
    return manifest.version === SAMPLE_VERSION;
  } catch {
    return false;
  }
}

/** Writes the Wuyi sample layers into `dataDir/sample/`; the manifest goes last, marking it complete. */
export async function buildSample(dataDir: string): Promise<string[]> {
  const files: Record<string, object> = {
    'county-boundary.geojson': featureCollection([
      {
        type: 'Feature',
        id: 'admin:330723',
        properties: { oid: 'admin:330723', name: '武义县', nameEn: 'Wuyi County', adminCode: '330723' },
        geometry: { type: 'Polygon', coordinates: [countyOutline] },
      },
    ]),
    'township-seats.geojson': featureCollection(
      townshipSeats.map((seat, index) => ({
        type: 'Feature',
        id: `seat:${index + 1}`,
        properties: { oid: `seat:${index + 1}`, name: seat.name, nameEn: seat.nameEn, type: seat.type },
        geometry: { type: 'Point', coordinates: [seat.lon, seat.lat] },
      })),
    ),
    'rivers.geojson': featureCollection(
      rivers.map((river, index) => ({
        type: 'Feature',
        id: `river:${index + 1}`,
        properties: { oid: `river:${index + 1}`, name: river.name, nameEn: river.nameEn },
        geometry: { type: 'LineString', coordinates: river.course },
      })),
    ),
  };
  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(dataDir, 'sample', name);
    await writeDataFile(path, new TextEncoder().encode(JSON.stringify(content)), { gzip: true });
    written.push(path);
  }
  const manifest = { version: SAMPLE_VERSION, files: Object.keys(files) };
  await writeDataFile(manifestPath(dataDir), new TextEncoder().encode(JSON.stringify(manifest, null, 2)));
  return written;
}

function featureCollection(features: object[]) {
  return { type: 'FeatureCollection', features };
}
