import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCrs } from '../crs/resolveCrs.ts';
import { toFootprint } from '../buildings/footprint.ts';
import { writeSyntheticFootprints } from './syntheticFootprints.ts';

const area = { west: 119.79, south: 28.87, east: 119.83, north: 28.91 };

describe('synthetic footprints', () => {
  it('are the same for the same seed and differ for another', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-synthetic-'));
    await writeSyntheticFootprints(join(dir, 'a.geojson'), 200, area, 3);
    await writeSyntheticFootprints(join(dir, 'b.geojson'), 200, area, 3);
    await writeSyntheticFootprints(join(dir, 'c.geojson'), 200, area, 4);
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((name) => readFile(join(dir, `${name}.geojson`), 'utf8')));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('are all valid footprints inside the area, with floors and a use', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-synthetic-'));
    await writeSyntheticFootprints(join(dir, 'f.geojson'), 500, area, 1);
    const { features } = JSON.parse(await readFile(join(dir, 'f.geojson'), 'utf8')) as {
      features: { properties: { floors: number; use: string }; geometry: never }[];
    };
    expect(features).toHaveLength(500);
    const crs = resolveCrs('EPSG:4326');
    for (const feature of features) {
      const footprint = toFootprint(feature.geometry, { crs });
      if (typeof footprint === 'string') throw new Error(footprint);
      expect(footprint.extent[0]).toBeGreaterThan(area.west - 0.001);
      expect(footprint.extent[3]).toBeLessThan(area.north + 0.001);
      expect(feature.properties.floors).toBeGreaterThanOrEqual(1);
      expect(feature.properties.use).not.toBe('');
    }
  });
});
