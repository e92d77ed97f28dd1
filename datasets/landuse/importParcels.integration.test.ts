import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_ENTRY_FILE, LayerDefinition } from '../../layers/index.ts';
import { runServer } from '../../tiles-server/testServerProcess.ts';
import { type ImportParcelsOptions, importParcels } from './importParcels.ts';
import { LAND_USE_SURVEY, SPATIAL_PLAN } from './parcelSchemes.ts';
import { SPATIAL_PLAN_CLASSES } from './spatialPlanClasses.ts';

const importLandUse = (options: ImportParcelsOptions) => importParcels(LAND_USE_SURVEY, options);

/**
 * A 三调 land-use delivery as a county's GIS office hands it over: 地类图斑 (DLTB) with the
 * survey's fields, a GBK Shapefile in CGCS2000 / 3° Gauss-Krüger zone 40 with the zone prefix
 * (EPSG:4528), made by GDAL. The oracle is GDAL reading the source and the output back.
 */
const CODES = ['0101', '0102', '0201K', '0301', '0305', '0702', '05H1', '08H2A', '1003', '1104A', '1101', '9999'];
const NAMES: Record<string, string> = {
  '0101': '水田', '0102': '水浇地', '0201K': '可调整果园', '0301': '乔木林地', '0305': '灌木林地', '0702': '农村宅基地',
  '05H1': '商业服务业设施用地', '08H2A': '高教用地', '1003': '公路用地', '1104A': '养殖坑塘', '1101': '河流水面', '9999': '未知地类',
};
const COLUMNS = 8;
const ROWS = 6;
const SIZE = 0.002;

function deliveryGeoJson() {
  const features = [];
  for (let i = 0; i < COLUMNS * ROWS; i++) {
    const west = 119.78 + (i % COLUMNS) * SIZE;
    const south = 28.87 + Math.floor(i / COLUMNS) * SIZE;
    const square = (w: number, s: number, size: number) => [[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]];
    const code = CODES[i % CODES.length]!;
    // One parcel with a courtyard (a hole), one in two parts, the rest plain squares.
    const geometry =
      i === 9
        ? { type: 'Polygon', coordinates: [square(west, south, SIZE), square(west + SIZE / 4, south + SIZE / 4, SIZE / 2).reverse()] }
        : i === 10
          ? { type: 'MultiPolygon', coordinates: [[square(west, south, SIZE / 3)], [square(west + SIZE / 2, south + SIZE / 2, SIZE / 3)]] }
          : { type: 'Polygon', coordinates: [square(west, south, SIZE)] };
    features.push({
      type: 'Feature',
      properties: {
        BSM: String(330723_2023_000000 + i),
        DLBM: code,
        DLMC: NAMES[code],
        ZLDWDM: `33072310${(i % 3) + 1}0${String(i % 5).padStart(2, '0')}0000000`,
        ZLDWMC: `第${(i % 5) + 1}村`,
        QSXZ: '30',
        TBMJ: 40_000 + i,
      },
      geometry,
    });
  }
  return { type: 'FeatureCollection', features };
}

describe('land use from a 三调 delivery', () => {
  let dir: string;
  let dataDir: string;
  let shapefile: string;
  let summary: Awaited<ReturnType<typeof importLandUse>>;
  const ogr2ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { cwd: dir, stdio: 'pipe' });
  const gdalJson = (...args: string[]) => {
    const out = join(dir, `read-${Math.random().toString(36).slice(2)}.geojson`);
    ogr2ogr('-f', 'GeoJSON', out, ...args);
    return readFile(out, 'utf8').then((text) => JSON.parse(text) as { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] } }[] });
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-landuse-'));
    dataDir = join(dir, 'data');
    await writeFile(join(dir, 'delivery.geojson'), JSON.stringify(deliveryGeoJson()));
    ogr2ogr('-f', 'ESRI Shapefile', '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4528', '-lco', 'ENCODING=GBK', 'DLTB.shp', 'delivery.geojson');
    shapefile = join(dir, 'DLTB.shp');
    summary = await importLandUse({ input: shapefile, dataDir, dashboard: true });
  });

  it('reads every parcel, names the layer after the file and keeps the classes and names the survey gave', async () => {
    expect(summary).toMatchObject({ layerId: 'dltb', read: 48, imported: 48, skipped: [], crs: 'EPSG:4528' });
    expect(summary.warnings.map((w) => [w.field, w.value])).toEqual(Array(4).fill(['DLBM', '9999']));
    const output = await gdalJson(join(dataDir, 'dltb', 'parcels.geojson'));
    const source = await gdalJson('-t_srs', 'EPSG:4490', shapefile);
    expect(output.features).toHaveLength(48);
    for (const [i, parcel] of output.features.entries()) {
      const { BSM, DLBM, DLMC, ZLDWDM, ZLDWMC, QSXZ, TBMJ } = source.features[i]!.properties as Record<string, string | number>;
      expect(parcel.properties).toEqual({
        oid: `parcel:dltb:${BSM}`,
        code: DLBM,
        className: DLMC,
        area: TBMJ,
        township: String(ZLDWDM).slice(0, 9),
        village: ZLDWMC,
        QSXZ,
      });
    }
  });

  it('puts each parcel where GDAL puts it, to the millimetre, outer rings counter-clockwise', async () => {
    const output = await gdalJson('-t_srs', 'EPSG:4528', join(dataDir, 'dltb', 'parcels.geojson'));
    const source = await gdalJson(shapefile);
    let worst = 0;
    for (const [i, parcel] of output.features.entries()) {
      const rings = (geometry: { type: string; coordinates: unknown }) =>
        (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
      const ours = rings(parcel.geometry).flat();
      const theirs = rings(source.features[i]!.geometry).flat();
      expect(ours.length).toBe(theirs.length);
      for (const [r, ring] of ours.entries()) {
        // GDAL writes Shapefile outer rings clockwise; ours run the other way, so compare as sets of vertices.
        const key = ([x, y]: number[]) => `${Math.round(x! * 10)},${Math.round(y! * 10)}`;
        const other = new Map(theirs[r]!.map((p) => [key(p), p]));
        for (const p of ring) {
          const q = other.get(key(p)) ?? theirs[r]!.reduce((a, b) => (Math.hypot(b[0]! - p[0]!, b[1]! - p[1]!) < Math.hypot(a[0]! - p[0]!, a[1]! - p[1]!) ? b : a));
          worst = Math.max(worst, Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!));
        }
      }
    }
    expect(worst).toBeLessThan(0.005);
    const raw = JSON.parse(gunzipSync(await readFile(join(dataDir, 'dltb', 'parcels.geojson.gz'))).toString()) as { features: { geometry: { coordinates: number[][][][] } }[] };
    const clockwise = raw.features.flatMap((f) => f.geometry.coordinates).filter(([outer]) => shoelace(outer!) < 0);
    expect(clockwise).toEqual([]);
  });

  it('measures a parcel without a surveyed area as GIS tools do on its Gauss-Krüger plane', async () => {
    ogr2ogr('-f', 'FlatGeobuf', '-t_srs', 'EPSG:4549', '-nlt', 'PROMOTE_TO_MULTI', '-select', 'BSM,DLBM,DLMC', 'no-area.fgb', 'DLTB.shp');
    // A twin of its own: the same parcels in two layers would be two objects at each point.
    const ownDataDir = join(dir, 'no-area-data');
    const measured = await importLandUse({ input: join(dir, 'no-area.fgb'), dataDir: ownDataDir });
    expect(measured).toMatchObject({ layerId: 'no-area', imported: 48, crs: 'EPSG:4549' });
    const gdal = await gdalJson('-sql', 'SELECT BSM, OGR_GEOM_AREA AS measured FROM DLTB', join(dir, 'no-area.fgb'));
    const ours = await gdalJson(join(ownDataDir, 'no-area', 'parcels.geojson'));
    const deviations = ours.features.map((f, i) => Math.abs((f.properties.area as number) - (gdal.features[i]!.properties.measured as number)));
    expect(Math.max(...deviations)).toBeLessThan(0.01);
    // The parcel with a courtyard has three quarters of a square's area, the one in two parts two ninths
    // (FlatGeobuf orders its features along its spatial index: find them by their id).
    const areaOf = (n: number) => ours.features.find((f) => f.properties.oid === `parcel:no-area:${330723_2023_000000 + n}`)!.properties.area as number;
    expect(areaOf(9) / areaOf(8)).toBeCloseTo(0.75, 2);
    expect(areaOf(10) / areaOf(8)).toBeCloseTo(2 / 9, 2);
  });

  it('reads the same delivery from a GeoPackage, its DLTB table chosen from beside another', async () => {
    ogr2ogr('-f', 'GPKG', '-nln', 'DLTB', 'delivery.gpkg', 'DLTB.shp');
    ogr2ogr('-f', 'GPKG', '-update', '-nln', 'XZQ', '-select', 'ZLDWDM', 'delivery.gpkg', 'DLTB.shp');
    const ownDataDir = join(dir, 'gpkg-data');
    const imported = await importLandUse({ input: join(dir, 'delivery.gpkg'), sourceLayer: 'DLTB', dataDir: ownDataDir });
    expect(imported).toMatchObject({ layerId: 'delivery', read: 48, imported: 48, skipped: [], crs: 'EPSG:4528' });
    const fromShapefile = await gdalJson(join(dataDir, 'dltb', 'parcels.geojson'));
    const fromGpkg = await gdalJson(join(ownDataDir, 'delivery', 'parcels.geojson'));
    const withoutOid = ({ oid: _oid, ...rest }: Record<string, unknown>) => rest;
    expect(fromGpkg.features.map((f) => withoutOid(f.properties))).toEqual(fromShapefile.features.map((f) => withoutOid(f.properties)));
    expect(fromGpkg.features.map((f) => f.geometry)).toEqual(fromShapefile.features.map((f) => f.geometry));
  });

  it('writes a catalog entry that draws every class in its colour, with names in Chinese and English', async () => {
    const entry = LayerDefinition.parse(JSON.parse(await readFile(join(dataDir, 'dltb', CATALOG_ENTRY_FILE), 'utf8')));
    expect(entry).toMatchObject({ id: 'dltb', kind: 'thematic', source: { url: '/data/dltb/parcels.geojson' }, metadata: { originalCrs: 'EPSG:4528' } });
    if (entry.kind !== 'thematic') throw new Error(`a ${entry.kind} layer`);
    const labels = Object.fromEntries(entry.classify.classes.map((c) => [c.value, [c.label.zh, c.label.en, c.color]]));
    expect(Object.keys(labels).sort()).toEqual([...CODES].sort());
    expect(labels['0201K']).toEqual(['0201K 可调整果园', '0201K Orchard (adjustable)', expect.stringMatching(/^#[0-9a-f]{6}$/)]);
    expect(labels['1104A']!.slice(0, 2)).toEqual(['1104A 养殖坑塘', '1104A Aquaculture pond']);
    expect(labels['9999']!.slice(0, 2)).toEqual(['9999 未知地类', '9999 未知地类']);
    const table = tableFromIPC(gunzipSync(await readFile(join(dataDir, 'dltb', 'attributes.arrow.gz'))));
    expect(table.numRows).toBe(48);
    expect(['oid', 'code', 'className', 'area', 'township', 'geometry', 'west', 'south', 'east', 'north', 'lon', 'lat'].filter((c) => !table.getChild(c))).toEqual([]);
  });

  describe('served by the twin', () => {
    let server: ReturnType<typeof runServer>;
    let base: string;
    beforeAll(async () => {
      server = runServer({ DATA_DIR: dataDir });
      base = await server.listening();
    });
    afterAll(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    });

    it('opens the parcel under a point GDAL finds inside it, and serves the layer as an OGC collection', async () => {
      const inside = await gdalJson('-dialect', 'SQLite', '-sql', 'SELECT BSM, ST_PointOnSurface(geometry) AS geometry FROM DLTB', '-t_srs', 'EPSG:4490', shapefile);
      for (const point of inside.features.filter((_, i) => i % 5 === 0 || i === 9 || i === 10)) {
        const [lon, lat] = point.geometry.coordinates as unknown as number[];
        const answer = await fetch(`${base}/api/objects?at=${lon},${lat}`);
        expect(answer.status).toBe(200);
        expect(((await answer.json()) as { oid: string }).oid).toBe(`parcel:dltb:${point.properties.BSM}`);
      }
      const items = (await (await fetch(`${base}/ogc/collections/dltb/items?limit=100`)).json()) as { features: unknown[] };
      expect(items.features).toHaveLength(48);
    });

    it('feeds the dashboard’s land-use areas, class by class as GDAL sums the surveyed areas', async () => {
      const sums = await gdalJson('-dialect', 'SQLite', '-sql', 'SELECT DLBM, SUM(TBMJ) AS area, COUNT(*) AS parcels FROM DLTB GROUP BY DLBM', shapefile);
      const expected = sums.features.map(({ properties }) => ({ code: properties.DLBM, area: properties.area, parcels: properties.parcels }));
      const { landUse } = (await (await fetch(`${base}/api/dashboard`)).json()) as { landUse: { code: string; area: number; parcels: number }[] };
      expect(landUse.map(({ code, area, parcels }) => ({ code, area, parcels })).sort((a, b) => a.code.localeCompare(b.code))).toEqual(
        expected.sort((a, b) => String(a.code).localeCompare(String(b.code))),
      );
    });
  });
});

describe('planned land and sea use from a spatial plan (规划用地用海)', () => {
  // Codes of all three levels of the 2023 guide, and one it does not have.
  const PLAN = [['0103', '旱地'], ['0303', '灌木林地'], ['070101', '一类城镇住宅用地'], ['0703', '农村宅基地'], ['080403', '中小学用地'], ['0901', '商业用地'], ['1001', '工业用地'], ['1207', '城镇村道路用地'], ['1401', '公园绿地'], ['16', '留白用地'], ['1701', '河流水面'], ['99', '未定']] as const;

  it('classes each parcel by the guide, in both languages, as a layer of its own kind of object', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-zoning-'));
    const dataDir = join(dir, 'data');
    const delivery = deliveryGeoJson();
    for (const [i, feature] of delivery.features.entries()) {
      const [code, name] = PLAN[i % PLAN.length]!;
      feature.properties = { BSM: feature.properties.BSM, YDYHFLDM: code, YDYHFLMC: name, XZQDM: '330723', TBMJ: feature.properties.TBMJ } as never;
    }
    await writeFile(join(dir, 'plan.geojson'), JSON.stringify(delivery));
    execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4528', '-lco', 'ENCODING=GBK', 'GHYDYH.shp', 'plan.geojson'], { cwd: dir, stdio: 'pipe' });
    const summary = await importParcels(SPATIAL_PLAN, { input: join(dir, 'GHYDYH.shp'), dataDir });
    expect(summary).toMatchObject({ layerId: 'ghydyh', read: 48, imported: 48, skipped: [], crs: 'EPSG:4528' });
    expect(summary.warnings.map((w) => [w.field, w.value])).toEqual(Array(4).fill(['YDYHFLDM', '99']));

    const out = join(dir, 'read.geojson');
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', out, join(dataDir, 'ghydyh', 'parcels.geojson')], { stdio: 'pipe' });
    const { features } = JSON.parse(await readFile(out, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    for (const [i, { properties }] of features.entries()) {
      const [code, name] = PLAN[i % PLAN.length]!;
      expect(properties).toEqual({ oid: `plan:ghydyh:${330723_2023_000000 + i}`, code, className: name, area: 40_000 + i, XZQDM: '330723' });
    }

    const entry = LayerDefinition.parse(JSON.parse(await readFile(join(dataDir, 'ghydyh', CATALOG_ENTRY_FILE), 'utf8')));
    if (entry.kind !== 'thematic') throw new Error(`a ${entry.kind} layer`);
    expect(entry.title).toEqual({ zh: '规划用地用海（GHYDYH.shp）', en: 'Planned land and sea use (GHYDYH.shp)' });
    const labels = Object.fromEntries(entry.classify.classes.map((c) => [c.value, c.label.en]));
    expect(labels).toMatchObject({ '0103': '0103 Dry farmland', '070101': '070101 Urban residential land, class 1', '16': '16 Reserved land', '99': '99 未定' });
    // Every known class has a colour of its own, so the legend tells them apart.
    const colours = entry.classify.classes.filter((c) => c.value !== '99').map((c) => c.color);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('gives every class of the guide a colour no other class has, a shade of its first-level class', () => {
    const colours = SPATIAL_PLAN_CLASSES.map((c) => c.color.join(','));
    expect(new Set(colours).size).toBe(SPATIAL_PLAN_CLASSES.length);
    expect(SPATIAL_PLAN_CLASSES.filter((c) => c.code.length === 2).map((c) => c.zh)).toHaveLength(24);
    // Each class keeps its first-level class's hue (lighter or darker), so a family reads as one on the map.
    const hue = ([r, g, b]: readonly number[]) => (Math.atan2(Math.sqrt(3) * (g! - b!), 2 * r! - g! - b!) * 180) / Math.PI;
    const familyOf = (code: string) => SPATIAL_PLAN_CLASSES.find((f) => f.code === code.slice(0, 2))!;
    const strays = SPATIAL_PLAN_CLASSES.filter((c) => {
      const turn = Math.abs(hue(c.color) - hue(familyOf(c.code).color)) % 360;
      return Math.min(turn, 360 - turn) > 4;
    });
    expect(strays.map((c) => c.code)).toEqual([]);
  });
});

describe('land-use imports that must not publish', () => {
  it('refuses coordinates outside the CRS they claim, naming the file, the CRS and their extent, and leaves the layer there whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-landuse-bad-'));
    const dataDir = join(dir, 'data');
    await writeFile(join(dir, 'delivery.geojson'), JSON.stringify(deliveryGeoJson()));
    execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4528', '-lco', 'ENCODING=GBK', 'DLTB.shp', 'delivery.geojson'], { cwd: dir, stdio: 'pipe' });
    await importLandUse({ input: join(dir, 'DLTB.shp'), dataDir, layerId: 'landuse-2023' });
    const before = await readFile(join(dataDir, 'landuse-2023', 'parcels.geojson'));
    // The zone-prefixed eastings under a .prj of the zone without the prefix: a mistake deliveries do make.
    await writeFile(join(dir, 'DLTB.prj'), execFileSync('gdalsrsinfo', ['-o', 'wkt_esri', 'EPSG:4549'], { encoding: 'utf8' }).trim());
    const attempt = importLandUse({ input: join(dir, 'DLTB.shp'), dataDir, layerId: 'landuse-2023', replace: true });
    await expect(attempt).rejects.toThrow(`${join(dir, 'DLTB.shp')}: its coordinates lie outside the area of use of EPSG:4549`);
    await expect(attempt).rejects.toThrow('the eastings start with the zone number 40: that is EPSG:4528');
    expect(await readFile(join(dataDir, 'landuse-2023', 'parcels.geojson'))).toEqual(before);
    expect((await readdir(dataDir)).sort()).toEqual(['landuse-2023']);
  });

  it('refuses a layer id in use, by the data folder or the catalog, unless told to replace it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-landuse-ids-'));
    const dataDir = join(dir, 'data');
    await writeFile(join(dir, 'parcels.geojson'), JSON.stringify(deliveryGeoJson()));
    const input = join(dir, 'parcels.geojson');
    await importLandUse({ input, dataDir });
    await expect(importLandUse({ input, dataDir })).rejects.toThrow('holds the layer "parcels"; pass --replace to replace it');
    await expect(importLandUse({ input, dataDir, layerId: 'rivers' })).rejects.toThrow('Layer id "rivers" is a layer of the catalog file');
    await expect(importLandUse({ input, dataDir, layerId: 'Land Use' })).rejects.toThrow('must be lower-case letters');
    expect((await importLandUse({ input, dataDir, replace: true })).imported).toBe(48);
    await expect(importLandUse({ input, dataDir, classField: 'CLASS' })).rejects.toThrow(`${input}: has no field "CLASS" (its fields: BSM, DLBM, DLMC`);
  });
});

function shoelace(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}
