import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShapefile } from './shapefile.ts';

/** A GBK Shapefile from GDAL with text, integer, real, date and empty values, one record deleted as dBase marks it. */
async function fixture() {
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-dbf-'));
  const point = (lon: number) => ({ type: 'Point', coordinates: [lon, 28.9] });
  const features = [
    { name: '熟溪小学', floors: 3, height: 12.5, built: '2001-09-01' },
    { name: '已删除', floors: 1, height: 3, built: '1999-01-01' },
    { name: null, floors: null, height: null, built: null },
    { name: '壶山街道 办事处', floors: 12, height: -0.25, built: '2020-12-31' },
  ].map((properties, i) => ({ type: 'Feature', properties, geometry: point(119.8 + i / 100) }));
  await writeFile(join(dir, 'source.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=GBK', 'points.shp', 'source.geojson'], { cwd: dir, stdio: 'pipe' });
  const dbf = await open(join(dir, 'points.dbf'), 'r+');
  const head = Buffer.alloc(12);
  await dbf.read(head, 0, 12, 0);
  await dbf.write(Buffer.from('*'), 0, 1, head.readUInt16LE(8) + head.readUInt16LE(10));
  await dbf.close();
  return dir;
}

describe('Shapefile attributes', () => {
  it('reads every value as GDAL does, and leaves out the records dBase marks deleted, as GDAL does', async () => {
    const dir = await fixture();
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', 'gdal.geojson', 'points.shp'], { cwd: dir, stdio: 'pipe' });
    const gdal = JSON.parse(await readFile(join(dir, 'gdal.geojson'), 'utf8')) as { features: { properties: Record<string, unknown>; geometry: unknown }[] };
    const ours: { properties: Record<string, unknown>; geometry: unknown; index: number }[] = [];
    for await (const event of readShapefile(join(dir, 'points.shp'))) if (event.type === 'feature') ours.push(event.feature as never);
    expect(gdal.features.map((f) => f.properties.name)).toEqual(['熟溪小学', null, '壶山街道 办事处']);
    expect(ours.map((f) => f.index)).toEqual([0, 1, 2]);
    expect(ours.map((f) => f.geometry)).toEqual(gdal.features.map((f) => f.geometry));
    const asGdalWrites = (properties: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, value instanceof Date ? dateOf(value) : value]));
    expect(ours.map((f) => asGdalWrites(f.properties))).toEqual(gdal.features.map((f) => f.properties));
  });
});

const dateOf = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
