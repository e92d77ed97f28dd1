import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGeoJson } from './geojson.ts';
import type { SourceEvent } from './types.ts';

async function fileWith(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-geojson-'));
  const path = join(dir, 'input.geojson');
  await writeFile(path, content);
  return path;
}

async function readAll(path: string, chunkSize?: number): Promise<SourceEvent[]> {
  const events: SourceEvent[] = [];
  for await (const event of readGeoJson(path, { chunkSize })) events.push(event);
  return events;
}

const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const collection = {
  type: 'FeatureCollection',
  name: 'tricky "names" {with braces} and [brackets]',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } },
  features: [
    { type: 'Feature', id: 7, properties: { name: '武义县人民政府 {主楼}', note: 'quote \\" and ] inside' }, geometry: square },
    { type: 'Feature', properties: { name: null }, geometry: null },
    { type: 'Feature', properties: { nested: { deep: [1, { x: '}' }] } }, geometry: square },
  ],
};

describe('streamed GeoJSON', () => {
  it('yields the crs member, then each feature with its index, in any chunking', async () => {
    const path = await fileWith(JSON.stringify(collection, null, 1));
    for (const chunkSize of [1, 7, 64, 1 << 20]) {
      const events = await readAll(path, chunkSize);
      expect(events[0], `chunk ${chunkSize}`).toEqual({ type: 'crs', crs: 'urn:ogc:def:crs:EPSG::4528' });
      const features = events.slice(1).map((event) => (event.type === 'feature' ? event.feature : undefined));
      expect(features).toEqual([
        { index: 0, id: 7, properties: collection.features[0]!.properties, geometry: square },
        { index: 1, id: undefined, properties: { name: null }, geometry: null },
        { index: 2, id: undefined, properties: collection.features[2]!.properties, geometry: square },
      ]);
    }
  });

  it('reads a byte-order mark and features that come before other members', async () => {
    const path = await fileWith(`\ufeff{"features": [{"type": "Feature", "properties": {}, "geometry": null}], "type": "FeatureCollection"}`);
    expect(await readAll(path)).toHaveLength(1);
  });

  it('refuses what is not a FeatureCollection, naming the file', async () => {
    await expect(readAll(await fileWith('[1, 2, 3]'))).rejects.toThrow(/input\.geojson: is a JSON array, not a GeoJSON FeatureCollection/);
    await expect(readAll(await fileWith('{"type": "Feature", "geometry": null}'))).rejects.toThrow(/no "features" array found/);
    await expect(readAll(await fileWith('PK\u0003\u0004 zip bytes'))).rejects.toThrow(/is not valid JSON/);
  });

  it('refuses a truncated file after the features it could read', async () => {
    const text = JSON.stringify(collection);
    const events: SourceEvent[] = [];
    const reading = (async () => {
      for await (const event of readGeoJson(await fileWith(text.slice(0, text.length - 40)))) events.push(event);
    })();
    await expect(reading).rejects.toThrow(/truncated file/);
    expect(events.filter((event) => event.type === 'feature')).toHaveLength(2);
  });

  it('names a feature that is not valid JSON', async () => {
    const path = await fileWith('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1,},"geometry":null}]}');
    await expect(readAll(path)).rejects.toThrow(/feature 0 is not valid JSON/);
  });

  it('says when the file does not exist', async () => {
    await expect(readAll(join(tmpdir(), 'no-such-file.geojson'))).rejects.toThrow(/no-such-file\.geojson: cannot be read/);
  });
});
