import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toFootprint } from '../buildings/footprint.ts';
import { importBuildings } from '../buildings/importBuildings.ts';
import { resolveCrs } from '../crs/resolveCrs.ts';
import { readFlatGeobuf } from './flatgeobuf.ts';
import { readShapefile } from './shapefile.ts';
import type { SourceEvent, SourceFeature } from './types.ts';

/**
 * Shapefiles and FlatGeobuf files written by GDAL (Debian gdal-bin), the tool city GIS
 * departments export with, so the readers meet the real formats: a CGCS2000 Gauss-Krüger
 * projection and GBK-encoded Chinese attributes.
 */
const government = [[119.81, 28.89], [119.8103, 28.89], [119.8103, 28.8902], [119.81, 28.8902], [119.81, 28.89]];
const school = government.map(([lon, lat]) => [lon! + 0.001, lat! + 0.0005]);
const source = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '武义县人民政府', address: '壶山街道温泉中路', floors: 5 }, geometry: { type: 'Polygon', coordinates: [government] } },
    { type: 'Feature', properties: { name: '熟溪小学', address: '熟溪街道', floors: 3 }, geometry: { type: 'Polygon', coordinates: [school] } },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-gis-'));
  await writeFile(join(dir, 'source.geojson'), JSON.stringify(source));
  const ogr2ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { cwd: dir, stdio: 'pipe' });
  ogr2ogr('-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4528', '-lco', 'ENCODING=GBK', 'gk40.shp', 'source.geojson');
  ogr2ogr('-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4549', '-lco', 'ENCODING=GBK', 'nocpg.shp', 'source.geojson');
  await rm(join(dir, 'nocpg.cpg'));
  ogr2ogr('-f', 'FlatGeobuf', '-t_srs', 'EPSG:4549', 'cm120.fgb', 'source.geojson');
});

async function collect(events: AsyncIterable<SourceEvent>) {
  let crs: string | undefined;
  const features: SourceFeature[] = [];
  for await (const event of events) {
    if (event.type === 'crs') crs = event.crs;
    else features.push(event.feature);
  }
  return { crs, features };
}

function expectBackAtWuyi(crs: string, features: SourceFeature[]) {
  for (const feature of features) {
    const footprint = toFootprint(feature.geometry, { crs: resolveCrs(crs) });
    if (typeof footprint === 'string') throw new Error(footprint);
    const original = source.features.find((f) => f.properties.name === feature.properties.name)!;
    const [lon, lat] = original.geometry.coordinates[0]![0]!;
    expect(footprint.extent[0]).toBeCloseTo(lon!, 7);
    expect(footprint.extent[1]).toBeCloseTo(lat!, 7);
  }
}

describe('Shapefile', () => {
  it('reads GBK attributes (per the .cpg) and the Gauss-Krüger .prj', async () => {
    const { crs, features } = await collect(readShapefile(join(dir, 'gk40.shp')));
    expect(crs).toMatch(/^PROJCS\["CGCS2000_3_Degree_GK_Zone_40"/);
    expect(features.map((f) => f.properties.name)).toEqual(['武义县人民政府', '熟溪小学']);
    expect(features[0]!.properties.address).toBe('壶山街道温泉中路');
    expectBackAtWuyi(crs!, features);
  });

  it('assumes GBK when there is no .cpg, and takes an explicit encoding over it', async () => {
    const { features } = await collect(readShapefile(join(dir, 'nocpg.shp')));
    expect(features[1]!.properties.name).toBe('熟溪小学');
    const latin = await collect(readShapefile(join(dir, 'nocpg.shp'), { encoding: 'windows-1252' }));
    expect(latin.features[1]!.properties.name).not.toBe('熟溪小学');
    await expect(collect(readShapefile(join(dir, 'nocpg.shp'), { encoding: 'EBCDIC-9' }))).rejects.toThrow(/Unknown attribute encoding "EBCDIC-9"/);
  });

  it('imports into tiles with the CRS of its .prj', async () => {
    const summary = await importBuildings({ input: join(dir, 'gk40.shp'), outDir: join(dir, 'out-shp'), floorHeight: 3, defaultHeight: 10, oidPrefix: 'bldg:' });
    expect(summary).toMatchObject({ imported: 2, crs: 'EPSG:4528' });
  });

  it('says when the .shp is missing', async () => {
    await expect(collect(readShapefile(join(dir, 'missing.shp')))).rejects.toThrow(/missing\.shp: does not exist/);
  });
});

describe('FlatGeobuf', () => {
  it('reads features (in its spatial index order) and the EPSG code of its header', async () => {
    const { crs, features } = await collect(readFlatGeobuf(join(dir, 'cm120.fgb')));
    expect(crs).toBe('EPSG:4549');
    expect(features.map((f) => f.properties.name).sort()).toEqual(['武义县人民政府', '熟溪小学'].sort());
    expectBackAtWuyi(crs!, features);
  });

  it('refuses a file that is not FlatGeobuf', async () => {
    await writeFile(join(dir, 'fake.fgb'), 'not a flatgeobuf file at all');
    await expect(collect(readFlatGeobuf(join(dir, 'fake.fgb')))).rejects.toThrow(/fake\.fgb: cannot be read as FlatGeobuf/);
  });
});
