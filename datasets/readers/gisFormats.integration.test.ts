import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toFootprint } from '../buildings/footprint.ts';
import { importBuildings } from '../buildings/importBuildings.ts';
import { resolveCrs } from '../crs/resolveCrs.ts';
import { readFlatGeobuf } from './flatgeobuf.ts';
import { readGeoPackage } from './geopackage.ts';
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
  // A GeoPackage as GDAL writes one, two tables in it: the buildings in zone 40 with its prefix, and a second table.
  ogr2ogr('-f', 'GPKG', '-t_srs', 'EPSG:4528', '-nln', 'JZ', 'two.gpkg', 'source.geojson');
  ogr2ogr('-f', 'GPKG', '-update', '-t_srs', 'EPSG:4549', '-nln', 'JZ_CM120', 'two.gpkg', 'source.geojson');
  ogr2ogr('-f', 'GPKG', '-t_srs', 'EPSG:4549', '-nlt', 'MULTIPOLYGON', 'one.gpkg', 'source.geojson');
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

describe('GeoPackage', () => {
  it('reads the features of its one table, their fid as id, and the EPSG code of their CRS', async () => {
    const { crs, features } = await collect(readGeoPackage(join(dir, 'one.gpkg')));
    expect(crs).toBe('EPSG:4549');
    expect(features.map((f) => [f.id, f.properties.name, f.properties.floors])).toEqual([
      [1, '武义县人民政府', 5],
      [2, '熟溪小学', 3],
    ]);
    expect(features[0]!.geometry!.type).toBe('MultiPolygon');
    expectBackAtWuyi(crs!, features);
  });

  it('reads the table it is told to, and names the tables when the choice is the reader\'s', async () => {
    const { crs, features } = await collect(readGeoPackage(join(dir, 'two.gpkg'), { table: 'JZ' }));
    expect(crs).toBe('EPSG:4528');
    expectBackAtWuyi(crs!, features);
    await expect(collect(readGeoPackage(join(dir, 'two.gpkg')))).rejects.toThrow(/two\.gpkg: holds 2 feature tables \("JZ", "JZ_CM120"\); pass --source-layer/);
    await expect(collect(readGeoPackage(join(dir, 'two.gpkg'), { table: 'LCXZ' }))).rejects.toThrow(/two\.gpkg: has no feature table "LCXZ"; its feature tables: "JZ", "JZ_CM120"/);
  });

  it('imports buildings from the table named, as the Shapefile of the same features', async () => {
    const fromGpkg = await importBuildings({ input: join(dir, 'two.gpkg'), sourceLayer: 'JZ_CM120', outDir: join(dir, 'out-gpkg'), floorHeight: 3, defaultHeight: 10, oidPrefix: 'bldg:' });
    expect(fromGpkg).toMatchObject({ imported: 2, crs: 'EPSG:4549' });
  });

  it('refuses a file that is not a GeoPackage', async () => {
    await writeFile(join(dir, 'fake.gpkg'), 'not a geopackage');
    await expect(collect(readGeoPackage(join(dir, 'fake.gpkg')))).rejects.toThrow(/fake\.gpkg: (cannot be read as|is not) a GeoPackage/);
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
