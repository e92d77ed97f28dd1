import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFeatureLayerFiles } from './featureLayerFiles.ts';
import { type GeoJsonFeature, layerRowOf } from './featureTable.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('writeFeatureLayerFiles', () => {
  it('writes the GeoJSON JSON.stringify would, and a table whose geometries parse to the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-layer-files-'));
    dirs.push(dir);
    const features: GeoJsonFeature[] = [
      { type: 'Feature', id: 'parcel:1', properties: { oid: 'parcel:1', className: '水田', area: 12.5 }, geometry: { type: 'Polygon', coordinates: [[[119.8, 28.9], [119.81, 28.9], [119.81, 28.91], [119.8, 28.9]]] } },
      { type: 'Feature', properties: { oid: 'road:"2"', note: null }, geometry: { type: 'LineString', coordinates: [[119.8, 28.9], [119.9, 29.0]] } },
    ];
    await writeFeatureLayerFiles(features.map(layerRowOf), { geoJson: join(dir, 'layer.geojson'), tableDir: dir, tableName: 'layer' });
    const written = await readFile(join(dir, 'layer.geojson'), 'utf8');
    expect(written).toBe(JSON.stringify({ type: 'FeatureCollection', features }));
    expect(gunzipSync(await readFile(join(dir, 'layer.geojson.gz'))).toString('utf8')).toBe(written);
    const table = tableFromIPC(await readFile(join(dir, 'layer.arrow')));
    expect(table.getChild('geometry')!.toArray().map((text: string) => JSON.parse(text))).toEqual(features.map((f) => f.geometry));
    expect([...table.getChild('west')!]).toEqual([119.8, 119.8]);
    expect([...table.getChild('north')!]).toEqual([28.91, 29.0]);
  });
});
