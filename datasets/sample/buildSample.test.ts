import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSample, sampleIsCurrent } from './buildSample.ts';

type Position = [number, number];
interface FeatureCollection {
  features: { properties: Record<string, string>; geometry: { type: string; coordinates: unknown } }[];
}

/** Even-odd ray casting; enough to check that hand-placed points fall inside the outline. */
function inside([x, y]: Position, ring: Position[]): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

/** Twice the signed area; positive for a counter-clockwise ring. */
const signedArea = (ring: Position[]) =>
  ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i]![0] * y - x * ring[i]![1]), 0);

describe('Wuyi sample data', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-sample-'));
  const read = async (name: string) =>
    JSON.parse(await readFile(join(dataDir, 'sample', name), 'utf8')) as FeatureCollection;

  it('is missing before it is built and current afterwards', async () => {
    expect(sampleIsCurrent(dataDir)).toBe(false);
    await buildSample(dataDir);
    expect(sampleIsCurrent(dataDir)).toBe(true);
  });

  it('has the county outline as a closed counter-clockwise ring within the county extent', async () => {
    const [county] = (await read('county-boundary.geojson')).features;
    const ring = (county!.geometry.coordinates as Position[][])[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(signedArea(ring)).toBeGreaterThan(0);
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThanOrEqual(119.45);
      expect(lon).toBeLessThanOrEqual(119.97);
      expect(lat).toBeGreaterThanOrEqual(28.52);
      expect(lat).toBeLessThanOrEqual(29.05);
    }
  });

  it('places all 18 township seats, each with a unique oid, inside the county', async () => {
    const [county] = (await read('county-boundary.geojson')).features;
    const ring = (county!.geometry.coordinates as Position[][])[0]!;
    const seats = (await read('township-seats.geojson')).features;
    expect(seats).toHaveLength(18);
    expect(new Set(seats.map((seat) => seat.properties.oid)).size).toBe(18);
    for (const seat of seats) {
      expect(inside(seat.geometry.coordinates as Position, ring), seat.properties.name).toBe(true);
    }
  });

  it('writes a gzip sibling holding the same bytes, and no temporary files', async () => {
    const plain = await readFile(join(dataDir, 'sample', 'rivers.geojson'));
    const gzipped = await readFile(join(dataDir, 'sample', 'rivers.geojson.gz'));
    expect(gunzipSync(gzipped)).toEqual(plain);
    expect((await readdir(join(dataDir, 'sample'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is rebuilt when its manifest is from another version', async () => {
    await writeFile(join(dataDir, 'sample', 'manifest.json'), JSON.stringify({ version: 0 }));
    expect(sampleIsCurrent(dataDir)).toBe(false);
  });
});
