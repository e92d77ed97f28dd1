import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleData } from '../../test/support/sampleData.ts';
import { pointInRing, ringCentroid, signedArea2 } from '../geometry/ring.ts';
import { readDem } from '../raster/dem.ts';
import { sampleIsCurrent } from './buildSample.ts';
import { wuyiHeights } from './wuyiDem.ts';

type Position = [number, number];
interface FeatureCollection {
  features: { properties: Record<string, string>; geometry: { type: string; coordinates: unknown } }[];
}

const centre = (multiPolygon: Position[][][]): [number, number] => ringCentroid(multiPolygon[0]![0]!.flat());

describe('Wuyi sample data', async () => {
  // Built once and shared with the browser tests; the tests here only read it.
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await sampleData();
  }, 240_000);
  const read = async (name: string) =>
    JSON.parse(await readFile(join(dataDir, 'sample', name), 'utf8')) as FeatureCollection;

  it('is missing before it is built and current afterwards', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'wuyi-twin-empty-'));
    expect(await sampleIsCurrent(empty)).toBe(false);
    await rm(empty, { recursive: true });
    expect(await sampleIsCurrent(dataDir)).toBe(true);
  });

  it('has the county outline as a closed counter-clockwise ring within the county extent', async () => {
    const [county] = (await read('county-boundary.geojson')).features;
    const ring = (county!.geometry.coordinates as Position[][])[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(signedArea2(ring.flat())).toBeGreaterThan(0);
    // Wuyi spans about 119°27′–119°58′ E and 28°31′–29°03′ N.
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThanOrEqual(119.44);
      expect(lon).toBeLessThanOrEqual(119.98);
      expect(lat).toBeGreaterThanOrEqual(28.51);
      expect(lat).toBeLessThanOrEqual(29.06);
    }
  });

  it("is the county's real extent, and its parcels add up to it: areas read back by GDAL in CGCS2000 Gauss-Krüger", async () => {
    const gdalArea = async (file: string, layer: string) => {
      const sql = `SELECT SUM(ST_Area(ST_Transform(geometry, 4528))) AS area, SUM(ST_IsValid(geometry)) AS valid, COUNT(*) AS n FROM "${layer}"`;
      const { stdout } = await promisify(execFile)('ogrinfo', ['-ro', '-q', '-dialect', 'SQLite', '-sql', sql, join(dataDir, 'sample', file)], { timeout: 60_000 });
      const field = (name: string) => Number(new RegExp(`${name} \\(\\w+\\) = ([\\d.e+]+)`).exec(stdout)![1]);
      return { km2: field('area') / 1e6, valid: field('valid'), count: field('n') };
    };
    const county = await gdalArea('county-boundary.geojson', 'county-boundary');
    expect(county.valid).toBe(1);
    // The official area is 1,577 km²; the outline is drawn to about 100 m.
    expect(Math.abs(county.km2 - 1577) / 1577).toBeLessThan(0.02);
    const parcels = await gdalArea('landuse/landuse.geojson', 'landuse');
    expect(parcels.valid).toBe(parcels.count);
    expect(Math.abs(parcels.km2 - county.km2) / county.km2).toBeLessThan(0.002);
    // The dashboard sums the parcels' own area field: it must tell the same.
    const recorded = (await read('landuse/landuse.geojson')).features.reduce((sum, p) => sum + Number(p.properties.area), 0) / 1e6;
    expect(Math.abs(recorded - county.km2) / county.km2).toBeLessThan(0.005);
  }, 120_000);

  it('draws the borders of the eight neighbouring counties around it, outside it, leaving their shared border to the county', async () => {
    const [county] = (await read('county-boundary.geojson')).features;
    const ring = (county!.geometry.coordinates as Position[][])[0]!;
    const neighbours = (await read('neighbouring-counties.geojson')).features;
    expect(neighbours.map((n) => n.properties.name).sort()).toEqual(['义乌市', '婺城区', '松阳县', '永康市', '缙云县', '莲都区', '遂昌县', '金东区'].sort());
    const metresToCounty = ([lon, lat]: Position) => Math.min(...ring.map(([x, y]) => Math.hypot((lon - x) * 0.876, lat - y) * 111_320));
    for (const neighbour of neighbours) {
      expect(neighbour.properties.oid).toBe(`admin:${neighbour.properties.code}`);
      expect(neighbour.properties.nameEn).toMatch(/^[A-Z][a-z]+ (County|City|District)$/);
      expect(neighbour.geometry.type).toBe('MultiLineString');
      const lines = neighbour.geometry.coordinates as Position[][];
      const vertices = lines.flat();
      expect(vertices.filter(([lon, lat]) => pointInRing(lon, lat, ring)), neighbour.properties.name).toEqual([]);
      // Each border runs out from the county: some stretch starts or ends beside its outline.
      expect(Math.min(...lines.flatMap((line) => [line[0]!, line.at(-1)!]).map(metresToCounty)), neighbour.properties.name).toBeLessThan(600);
    }
  });

  it('places all 18 township seats, each with a unique oid, inside the county', async () => {
    const [county] = (await read('county-boundary.geojson')).features;
    const ring = (county!.geometry.coordinates as Position[][])[0]!;
    const seats = (await read('township-seats.geojson')).features;
    expect(seats).toHaveLength(18);
    expect(new Set(seats.map((seat) => seat.properties.oid)).size).toBe(18);
    for (const seat of seats) {
      expect(pointInRing(...(seat.geometry.coordinates as Position), ring), seat.properties.name).toBe(true);
    }
  });

  it('has at least 50,000 buildings, terrain and a base map, each with a synthetic catalog entry', async () => {
    const manifest = JSON.parse(await readFile(join(dataDir, 'sample', 'manifest.json'), 'utf8'));
    expect(manifest.buildings).toBeGreaterThanOrEqual(50_000);
    for (const [folder, kind] of [['terrain', 'terrain'], ['basemap', 'imagery'], ['buildings', 'buildings']]) {
      const entry = JSON.parse(await readFile(join(dataDir, 'sample', folder!, 'catalog-entry.json'), 'utf8'));
      expect(entry.kind).toBe(kind);
      expect(entry.metadata.synthetic).toBe(true);
      expect(entry.source.url).toMatch(new RegExp(`^/data/sample/${folder}`));
    }
  });

  it('models the county: the seat in the valley at about 90 m, 牛头山 in the south-west near 1,560 m', async () => {
    const dem = await readDem(join(dataDir, 'sample', 'source', 'wuyi-dem.tif'));
    expect(dem.sample(119.815, 28.89)).toBeGreaterThan(70);
    expect(dem.sample(119.815, 28.89)).toBeLessThan(120);
    const { heights } = wuyiHeights();
    const highest = heights.reduce((a, b) => Math.max(a, b), 0);
    expect(highest).toBeGreaterThan(1400);
    expect(highest).toBeLessThan(1700);
    expect(dem.sample(119.56, 28.6)).toBeGreaterThan(900);
    // Computing the county's heights takes seconds, and more while other suites share the two cores.
  }, 30_000);

  it('has the 18 real townships with their codes, tiling the county, and the 279 villages inside them', async () => {
    const townships = (await read('townships.geojson')).features;
    expect(townships).toHaveLength(18);
    expect(townships.map((t) => t.properties.code).sort()).toContain('330723002');
    expect(townships.find((t) => t.properties.code === '330723002')!.properties.name).toBe('壶山街道');
    const area = (f: (typeof townships)[number]) =>
      (f.geometry.coordinates as Position[][][]).reduce((sum, polygon) => sum + Math.abs(signedArea2(polygon[0]!.flat())) / 2, 0);
    const [county] = (await read('county-boundary.geojson')).features;
    const countyArea = Math.abs(signedArea2((county!.geometry.coordinates as Position[][])[0]!.flat())) / 2;
    expect(townships.reduce((sum, t) => sum + area(t), 0) / countyArea).toBeCloseTo(1, 3);

    const villages = (await read('villages.geojson')).features;
    expect(villages).toHaveLength(279);
    for (const village of villages) {
      const township = townships.find((t) => t.properties.code === village.properties.townshipCode)!;
      const [lon, lat] = village.geometry.coordinates as Position;
      const inside = (township.geometry.coordinates as Position[][][]).some((polygon) => pointInRing(lon, lat, polygon[0]!));
      expect(inside, village.properties.name).toBe(true);
      expect(village.properties.code!.startsWith(village.properties.townshipCode!)).toBe(true);
    }
  });

  it('covers the county with land-use parcels of GB/T 21010 classes, each with a resource code', async () => {
    const parcels = (await read('landuse/landuse.geojson')).features;
    expect(parcels.length).toBeGreaterThan(20_000);
    const codes = new Set(parcels.map((p) => p.properties.code));
    for (const code of ['0101', '0202', '0301', '0701', '0702', '0601', '1101']) expect(codes).toContain(code);
    const resourceCodes = parcels.map((p) => p.properties.resourceCode!);
    expect(new Set(resourceCodes).size).toBe(parcels.length);
    expect(resourceCodes.every((code) => /^330723\d{3}-[0-9A-Z]{4}-\d{5}$/.test(code))).toBe(true);
    // Paddies lie in the valleys, forest up the hills.
    const dem = await readDem(join(dataDir, 'sample', 'source', 'wuyi-dem.tif'));
    const meanHeight = (code: string) => {
      const of = parcels.filter((p) => p.properties.code === code);
      return of.reduce((sum, p) => sum + dem.sample(...centre(p.geometry.coordinates as Position[][][]))!, 0) / of.length;
    };
    expect(meanHeight('0101')).toBeLessThan(180);
    expect(meanHeight('0301')).toBeGreaterThan(350);
    // The land-use and zoning layers classify every parcel: by its class, and by its planning zone.
    const entry = async (folder: string) => JSON.parse(await readFile(join(dataDir, 'sample', folder, 'catalog-entry.json'), 'utf8')) as { kind: string; classify: { field: string; classes: { value: string }[] } };
    for (const [folder, field] of [['landuse', 'code'], ['zoning', 'zone']] as const) {
      const layer = await entry(folder);
      expect(layer).toMatchObject({ kind: 'thematic', classify: { field } });
      const values = new Set(layer.classify.classes.map((c) => c.value));
      expect(parcels.every((p) => values.has(String(p.properties[field])))).toBe(true);
    }
  });

  it('writes business records for the data server: monitoring points, lifecycles of real resource codes, incidents', async () => {
    const readRecords = async (name: string) => JSON.parse(await readFile(join(dataDir, 'sample', 'records', name), 'utf8')) as Record<string, unknown>[];
    const points = await readRecords('monitoring-points.json');
    expect(new Set(points.map((p) => p.kind))).toEqual(new Set(['water-level', 'rainfall', 'air-quality', 'camera']));
    const parcelCodes = new Set((await read('landuse/landuse.geojson')).features.map((p) => p.properties.resourceCode));
    const lifecycle = await readRecords('lifecycle-records.json');
    expect(lifecycle.length).toBeGreaterThan(100);
    expect(lifecycle.every((record) => parcelCodes.has(record.resourceCode as string))).toBe(true);
    const incidents = await readRecords('incidents.json');
    expect(incidents).toHaveLength(40);
    expect(new Set(incidents.map((i) => i.status))).toContain('办结');
  });

  it('writes every vector layer of the catalog as a table: Arrow for the browser, Parquet read back by DuckDB', async () => {
    const catalog = JSON.parse(await readFile(new URL('../../layers/catalogs/wuyi.json', import.meta.url), 'utf8')) as {
      layers: { id: string; source: { url: string }; table?: { arrow: string; parquet: string } }[];
    };
    const duckdb = await (await DuckDBInstance.create(':memory:')).connect();
    const local = (url: string) => join(dataDir, ...url.replace(/^\/data\//, '').split('/'));
    const withTables = catalog.layers.filter((layer) => layer.table);
    expect(withTables.length).toBeGreaterThanOrEqual(6);
    for (const layer of withTables) {
      const features = JSON.parse(await readFile(local(layer.source.url), 'utf8')).features as unknown[];
      const arrow = tableFromIPC(await readFile(local(layer.table!.arrow)));
      expect(arrow.numRows, layer.id).toBe(features.length);
      expect(arrow.schema.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['oid', 'geometry', 'west', 'south', 'east', 'north', 'lon', 'lat']));
      const rows = await duckdb.runAndReadAll(
        `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE lon BETWEEN west AND east AND lat BETWEEN south AND north)::INTEGER AS inside FROM read_parquet('${local(layer.table!.parquet)}')`,
      );
      expect(rows.getRowObjects(), layer.id).toEqual([{ n: features.length, inside: features.length }]);
    }
  });

  it('writes a gzip sibling holding the same bytes, and no temporary files', async () => {
    const plain = await readFile(join(dataDir, 'sample', 'rivers.geojson'));
    const gzipped = await readFile(join(dataDir, 'sample', 'rivers.geojson.gz'));
    expect(gunzipSync(gzipped)).toEqual(plain);
    expect((await readdir(join(dataDir, 'sample'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is rebuilt when its manifest is from another version', async () => {
    const older = await mkdtemp(join(tmpdir(), 'wuyi-twin-older-'));
    await mkdir(join(older, 'sample'));
    await writeFile(join(older, 'sample', 'manifest.json'), JSON.stringify({ ...JSON.parse(await readFile(join(dataDir, 'sample', 'manifest.json'), 'utf8')), version: 0 }));
    expect(await sampleIsCurrent(older)).toBe(false);
    await rm(older, { recursive: true });
  });
});
