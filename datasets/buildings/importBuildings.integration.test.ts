import { execFileSync } from 'node:child_process';
import { readFile, mkdtemp, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from '@loaders.gl/core';
import { GLTFLoader, postProcessGLTF } from '@loaders.gl/gltf';
import { Tiles3DLoader } from '@loaders.gl/3d-tiles';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import validator from 'gltf-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportBuildingsOptions, importBuildings } from './importBuildings.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures');
const defaults = { floorHeight: 3, defaultHeight: 10, oidPrefix: 'bldg:' };

interface Tile {
  geometricError: number;
  boundingVolume: { region: number[] };
  content: { uri: string };
  children?: Tile[];
  transform: number[];
}

async function runImport(input: string, options: Partial<ImportBuildingsOptions> = {}) {
  const outDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-buildings-'));
  const summary = await importBuildings({ input, outDir, ...defaults, ...options });
  const tileset = JSON.parse(await readFile(join(outDir, 'tileset.json'), 'utf8')) as { geometricError: number; root: Tile; asset: { version: string } };
  return { outDir, summary, tileset };
}

function tiles(root: Tile): { tile: Tile; level: number; parent?: Tile }[] {
  const all: { tile: Tile; level: number; parent?: Tile }[] = [];
  const walk = (tile: Tile, level: number, parent?: Tile) => {
    all.push({ tile, level, parent });
    for (const child of tile.children ?? []) walk(child, level + 1, tile);
  };
  walk(root, 0);
  return all;
}

const readGlb = async (outDir: string, uri: string) => new Uint8Array(gunzipSync(await readFile(join(outDir, `${uri}.gz`))));

async function propertyTable(glb: Uint8Array): Promise<Record<string, unknown[]>> {
  const gltf = (await parse(glb, GLTFLoader, { gltf: { loadBuffers: true } })) as unknown as {
    json: { extensions: { EXT_structural_metadata: { propertyTables: { properties: Record<string, { data: unknown[] }> }[] } } };
  };
  const { properties } = gltf.json.extensions.EXT_structural_metadata.propertyTables[0]!;
  return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, property.data]));
}

describe('Delaware footprints → 3D Tiles', () => {
  let result: Awaited<ReturnType<typeof runImport>>;
  beforeAll(async () => {
    result = await runImport(join(fixtures, 'delaware-buildings.geojson'), { maxFeaturesPerTile: 40 });
  });

  it('imports every footprint', () => {
    expect(result.summary).toMatchObject({ read: 360, imported: 360, skipped: [], crs: 'EPSG:4326' });
    expect(result.tileset.asset.version).toBe('1.1');
  });

  it('builds a quadtree whose geometric error halves per level and is 0 at the leaves', () => {
    const all = tiles(result.tileset.root);
    expect(all.length).toBeGreaterThan(9);
    const rootError = result.tileset.root.geometricError;
    expect(result.tileset.geometricError).toBeGreaterThan(rootError);
    for (const { tile, level, parent } of all) {
      if (!tile.children) expect(tile.geometricError).toBe(0);
      else expect(tile.geometricError).toBeCloseTo(rootError / 2 ** level, 9);
      if (parent) {
        const [w, s, e, n, low, high] = tile.boundingVolume.region as [number, number, number, number, number, number];
        const [pw, ps, pe, pn, plow, phigh] = parent.boundingVolume.region as [number, number, number, number, number, number];
        expect(w >= pw && s >= ps && e <= pe && n <= pn && low >= plow && high <= phigh).toBe(true);
      }
    }
  });

  it('puts each building in exactly one leaf, at most 40 per tile, with its oid and height', async () => {
    const leaves = tiles(result.tileset.root).filter(({ tile }) => !tile.children);
    const oids: unknown[] = [];
    for (const { tile } of leaves) {
      const table = await propertyTable(await readGlb(result.outDir, tile.content.uri));
      expect(table.oid!.length).toBeLessThanOrEqual(40);
      oids.push(...table.oid!);
      expect(table.height!.every((h) => typeof h === 'number' && h > 0)).toBe(true);
    }
    expect(oids).toHaveLength(360);
    expect(new Set(oids).size).toBe(360);
  });

  it('writes glbs that the Khronos glTF validator passes with no errors', async () => {
    for (const { tile } of tiles(result.tileset.root)) {
      const report = await validator.validateBytes(await readGlb(result.outDir, tile.content.uri));
      expect(report.issues.numErrors, `${tile.content.uri}: ${JSON.stringify(report.issues.messages.slice(0, 3))}`).toBe(0);
      expect(report.issues.numWarnings).toBe(0);
    }
  });

  it('shades walls darker at their foot than at their top, read back with loaders.gl', async () => {
    const leaf = tiles(result.tileset.root).find(({ tile }) => !tile.children)!.tile;
    const gltf = postProcessGLTF(await parse(await readGlb(result.outDir, leaf.content.uri), GLTFLoader, { gltf: { loadBuffers: true } })) as unknown as {
      meshes: { primitives: { attributes: Record<string, { value: ArrayLike<number> }> }[] }[];
    };
    const { POSITION, NORMAL, COLOR_0, _FEATURE_ID_0 } = gltf.meshes[0]!.primitives[0]!.attributes;
    expect(COLOR_0, 'an ambient occlusion per vertex').toBeDefined();
    // Per building: the grey of its lowest and its highest wall vertices (quantized heights keep their order).
    const walls = new Map<number, { low: number; lowGrey: number; high: number; highGrey: number }>();
    for (let v = 0; v < _FEATURE_ID_0!.value.length; v++) {
      const grey = COLOR_0!.value[3 * v]!;
      expect([COLOR_0!.value[3 * v + 1], COLOR_0!.value[3 * v + 2]], 'a grey').toEqual([grey, grey]);
      const up = NORMAL!.value[3 * v + 1]!;
      if (up > 0) {
        expect(grey, 'roofs see the whole sky').toBe(255);
        continue;
      }
      const y = POSITION!.value[3 * v + 1]!;
      const id = _FEATURE_ID_0!.value[v]!;
      const wall = walls.get(id) ?? { low: Infinity, lowGrey: 0, high: -Infinity, highGrey: 0 };
      if (y < wall.low) Object.assign(wall, { low: y, lowGrey: grey });
      if (y > wall.high) Object.assign(wall, { high: y, highGrey: grey });
      walls.set(id, wall);
    }
    expect(walls.size).toBeGreaterThanOrEqual(5);
    for (const { lowGrey, highGrey } of walls.values()) {
      expect(highGrey).toBe(255);
      expect(lowGrey).toBeLessThan(0.7 * highGrey);
    }
  });

  it('writes the attribute table as Arrow IPC and as Parquet, with footprint, bbox and centroid columns', async () => {
    const arrow = tableFromIPC(await readFile(join(result.outDir, 'attributes.arrow')));
    expect(arrow.numRows).toBe(360);
    expect(arrow.schema.fields.map((field) => field.name)).toEqual(
      ['oid', 'name', 'use', 'address', 'adminCode', 'height', 'floors', 'year', 'base', 'geometry', 'west', 'south', 'east', 'north', 'lon', 'lat'],
    );
    const leaves = tiles(result.tileset.root).filter(({ tile }) => !tile.children);
    const tileOids = new Set<unknown>();
    for (const { tile } of leaves) for (const oid of (await propertyTable(await readGlb(result.outDir, tile.content.uri))).oid!) tileOids.add(oid);
    expect(new Set(arrow.getChild('oid')!.toArray())).toEqual(tileOids);

    // DuckDB reads the Parquet file with its own reader.
    const duckdb = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = await duckdb.runAndReadAll(`
      SELECT count(*)::INTEGER AS buildings, count(DISTINCT oid)::INTEGER AS oids,
             count(*) FILTER (WHERE lon BETWEEN west AND east AND lat BETWEEN south AND north)::INTEGER AS centred,
             min(height) > 0 AS heights,
             count(*) FILTER (WHERE json_extract_string(geometry, '$.type') IN ('Polygon', 'MultiPolygon'))::INTEGER AS outlined
      FROM read_parquet('${join(result.outDir, 'attributes.parquet')}')`);
    expect(rows.getRowObjects()).toEqual([{ buildings: 360, oids: 360, centred: 360, heights: true, outlined: 360 }]);
  });

  it('is read by an independent 3D Tiles reader', async () => {
    const text = await readFile(join(result.outDir, 'tileset.json'));
    const tileset = (await parse(text, Tiles3DLoader, { '3d-tiles': { isTileset: true }, tileset: { url: 'http://twin/tileset.json' } } as never)) as {
      root: { children: unknown[] };
      type: string;
    };
    expect(tileset.type).toBe('TILES3D');
    expect(tileset.root.children.length).toBeGreaterThan(0);
  });
});

describe('Lyon block: a projected CRS, MultiPolygon Z and a base height', () => {
  it('reads EPSG:3946 from the crs member and stands buildings on their Z_MIN', async () => {
    const { summary, tileset, outDir } = await runImport(join(fixtures, 'lyon-oneblock-epsg3946.geojson'), { baseField: 'Z_MIN' });
    expect(summary).toMatchObject({ imported: 5, crs: 'EPSG:3946' });
    const [west, south, , , low, high] = tileset.root.boundingVolume.region as number[];
    expect((west! * 180) / Math.PI).toBeCloseTo(4.8, 0);
    expect((south! * 180) / Math.PI).toBeCloseTo(45.76, 1);
    expect(low).toBeGreaterThan(150);
    expect(high! - low!).toBeLessThan(80);
    const table = await propertyTable(await readGlb(outDir, tileset.root.content.uri));
    const source = JSON.parse(await readFile(join(fixtures, 'lyon-oneblock-epsg3946.geojson'), 'utf8')) as { features: { properties: { HAUTEUR: number } }[] };
    expect([...(table.height as number[])].sort()).toEqual(source.features.map((f) => Math.fround(f.properties.HAUTEUR)).sort());
  });
});

describe('bad input', () => {
  it('skips bad features, lists each with its index and reason, and tiles the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bad-'));
    const input = join(dir, 'mixed.geojson');
    const ok = [[119.81, 28.89], [119.8101, 28.89], [119.8101, 28.8901], [119.81, 28.8901], [119.81, 28.89]];
    const features = [
      { type: 'Feature', id: 'A-1', properties: { 层数: 6 }, geometry: { type: 'Polygon', coordinates: [ok] } },
      { type: 'Feature', id: 'A-2', properties: {}, geometry: { type: 'Polygon', coordinates: [ok.slice(0, 2)] } },
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: ok } },
      { type: 'Feature', properties: {}, geometry: null },
    ];
    await writeFile(input, JSON.stringify({ type: 'FeatureCollection', features }));
    const { summary, outDir } = await runImport(input);
    expect(summary.imported).toBe(1);
    expect(summary.skipped).toEqual([
      { index: 1, id: 'A-2', reason: 'fewer than 3 distinct points' },
      { index: 2, reason: 'unsupported geometry type LineString' },
      { index: 3, reason: 'no geometry' },
    ]);
    const report = JSON.parse(await readFile(join(outDir, 'import-report.json'), 'utf8'));
    expect(report.skipped).toEqual(summary.skipped);
  });

  it('reads OSM buildings as OSM means them: parts from min_height, addresses from addr:*, use from building, and reports duplicate ids and impossible heights', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-osm-'));
    const square = (lon: number) => [[[lon, 28.89], [lon + 0.0002, 28.89], [lon + 0.0002, 28.8902], [lon, 28.8902], [lon, 28.89]]];
    const osm = (id: string, lon: number, properties: Record<string, unknown>) => ({ type: 'Feature', id, properties, geometry: { type: 'Polygon', coordinates: square(lon) } });
    const features = [
      osm('way/1', 119.81, { building: 'yes', 'building:levels': 5, 'addr:city': '武义县', 'addr:street': '解放街', 'addr:housenumber': '12' }),
      osm('way/2', 119.811, { building: 'school', name: '熟溪小学', height: 18 }),
      // A tower part: from 20 m to 60 m above the ground.
      osm('way/3', 119.812, { 'building:part': 'yes', building: 'yes', height: 60, min_height: 20, kind_detail: 'office' }),
      osm('way/4', 119.813, { building: 'house', 'addr:street': 'Main Street', 'addr:housenumber': '7', 'addr:city': 'Wuyi' }),
      osm('way/2', 119.814, { building: 'yes', height: 9 }),
      osm('way/6', 119.815, { building: 'yes', height: 4000 }),
      osm('way/7', 119.816, { building: 'yes', height: 10, min_height: 12 }),
    ];
    await writeFile(join(dir, 'osm.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
    // The same buildings as a Shapefile export shortens their field names (addr_stree, addr_house, …), made by GDAL.
    execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', 'osm.shp', 'osm.geojson'], { cwd: dir, stdio: 'pipe' });
    for (const input of ['osm.geojson', 'osm.shp']) {
      const { summary, outDir } = await runImport(join(dir, input), { oidPrefix: 'osm:', idField: input.endsWith('.shp') ? 'id' : undefined });
      expect(summary.skipped.map(({ index, reason }) => [index, reason]), input).toEqual([
        [4, 'duplicate id osm:way/2 (first at feature 1)'],
        [5, 'height 4000 m beyond 1000 m'],
        [6, 'min_height 12 m not below its height 10 m'],
      ]);
      const table = tableFromIPC(gunzipSync(await readFile(join(outDir, 'attributes.arrow.gz'))));
      const rows = table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
      const by = (oid: string) => rows.find((row) => row.oid === oid)!;
      expect(by('osm:way/1')).toMatchObject({ address: '武义县解放街12号', use: '', floors: 5, height: 15, base: 0 });
      expect(by('osm:way/2')).toMatchObject({ use: 'school', name: '熟溪小学', height: 18 });
      expect(by('osm:way/3')).toMatchObject({ use: 'office', height: 40, base: 20 });
      expect(by('osm:way/4')).toMatchObject({ address: '7 Main Street, Wuyi', use: 'house' });
    }
  });

  it('draws a building delivered twice once and reports the second, but keeps parts that share an outline at other heights', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-twice-'));
    const outline = [[[119.81, 28.89], [119.8103, 28.89], [119.8103, 28.8902], [119.81, 28.8902], [119.81, 28.89]]];
    const feature = (id: string, properties: Record<string, unknown>) => ({ type: 'Feature', id, properties, geometry: { type: 'Polygon', coordinates: outline } });
    const features = [
      feature('a', { height: 30 }),
      feature('b', { height: 30 }), // the same building again, under another id
      feature('c', { height: 45, min_height: 30 }), // a part on top of it
    ];
    await writeFile(join(dir, 'twice.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
    const { summary } = await runImport(join(dir, 'twice.geojson'));
    expect(summary.imported).toBe(2);
    expect(summary.skipped).toEqual([{ index: 1, id: 'b', reason: 'duplicate geometry of bldg:a (feature 0)' }]);
  });

  it('simplifies a footprint too detailed to check and triangulate, refuses one that even a metre cannot simplify, and never hangs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-complex-'));
    const metre = 1 / 111_320;
    const ring = (points: number, radius: (i: number) => number) => {
      const coordinates = Array.from({ length: points }, (_, i) => {
        const angle = (2 * Math.PI * i) / points;
        return [119.81 + (radius(i) * metre * Math.cos(angle)) / Math.cos((28.89 * Math.PI) / 180), 28.89 + radius(i) * metre * Math.sin(angle)];
      });
      return [[...coordinates, coordinates[0]]];
    };
    const features = [
      // A round tower digitised with 50,000 vertices: a circle of 40 m.
      { type: 'Feature', id: 'tower', properties: { height: 80 }, geometry: { type: 'Polygon', coordinates: ring(50_000, () => 40) } },
      // A star of 20,000 spikes 3 m deep: no outline within 1 m has fewer than 2,000 vertices.
      { type: 'Feature', id: 'star', properties: { height: 10 }, geometry: { type: 'Polygon', coordinates: ring(20_000, (i) => (i % 2 === 0 ? 300 : 297)) } },
    ];
    await writeFile(join(dir, 'complex.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
    const started = performance.now();
    const { summary, outDir } = await runImport(join(dir, 'complex.geojson'));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(summary.skipped).toEqual([{ index: 1, id: 'star', reason: 'footprint too complex: 20000 vertices, over 2000 even simplified within 1 m' }]);
    expect(summary.simplified).toEqual([{ index: 0, id: 'tower', from: 50_000, to: expect.any(Number), toleranceMetres: expect.any(Number) }]);
    expect(summary.simplified[0]!.to).toBeLessThanOrEqual(2000);
    // The outline kept is still the circle: its area within 0.5 % of π r², its vertices within the limit.
    const table = tableFromIPC(gunzipSync(await readFile(join(outDir, 'attributes.arrow.gz'))));
    expect(table.numRows).toBe(1);
    const kept = (JSON.parse(String(table.getChild('geometry')!.get(0))) as { coordinates: number[][][] }).coordinates[0]!;
    expect(kept.length).toBeLessThanOrEqual(2001);
    const xScale = 111_320 * Math.cos((28.89 * Math.PI) / 180);
    let twiceArea = 0;
    for (let i = 0; i + 1 < kept.length; i++) twiceArea += kept[i]![0]! * xScale * kept[i + 1]![1]! * 111_320 - kept[i + 1]![0]! * xScale * kept[i]![1]! * 111_320;
    expect(Math.abs(twiceArea / 2) / (Math.PI * 40 ** 2)).toBeCloseTo(1, 2);
    const report = JSON.parse(await readFile(join(outDir, 'import-report.json'), 'utf8')) as { simplified: unknown[] };
    expect(report.simplified).toEqual(summary.simplified);
  });

  it('stays drawn from every distance at which its largest building spans a pixel, however few buildings it has', async () => {
    const source = JSON.parse(await readFile(join(fixtures, 'delaware-buildings.geojson'), 'utf8')) as { features: { properties: { height: number }; geometry: { coordinates: number[][][] } }[] };
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-five-'));
    const five = source.features.slice(0, 5);
    await writeFile(join(dir, 'five.geojson'), JSON.stringify({ type: 'FeatureCollection', features: five }));
    const { tileset } = await runImport(join(dir, 'five.geojson'));
    // The largest building's size, from the source: its footprint's diagonal or its height.
    const size = Math.max(...five.map(({ properties, geometry }) => {
      const ring = geometry.coordinates[0]!;
      const lons = ring.map(([lon]) => lon!);
      const lats = ring.map(([, lat]) => lat!);
      const width = (Math.max(...lons) - Math.min(...lons)) * 111_320 * Math.cos((lats[0]! * Math.PI) / 180);
      const depth = (Math.max(...lats) - Math.min(...lats)) * 110_574;
      return Math.max(Math.hypot(width, depth), properties.height);
    }));
    // Cesium's screen-space error of the tileset's geometric error, at the distance where that building is one pixel
    // tall on a 1080-pixel screen with a 60° field of view: it must stay above Cesium's 16 px, or nothing is drawn.
    const pixelsPerMetreAt = (distance: number) => 1080 / (2 * distance * Math.tan(Math.PI / 6));
    const onePixel = size * pixelsPerMetreAt(1);
    expect(size * pixelsPerMetreAt(onePixel)).toBeCloseTo(1, 6);
    expect(tileset.geometricError * pixelsPerMetreAt(onePixel)).toBeGreaterThanOrEqual(16);
  });

  it('fails with a clear message when nothing in the file is a building', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bad-'));
    const input = join(dir, 'points.geojson');
    await writeFile(input, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] }));
    await expect(runImport(input)).rejects.toThrow(/points\.geojson: has no usable building footprints \(1 skipped: 1 × no geometry\)/);
  });

  it('fails without writing anything when the file cannot be read', async () => {
    const outDir = join(await mkdtemp(join(tmpdir(), 'wuyi-twin-bad-')), 'out');
    await expect(importBuildings({ input: join(outDir, 'missing.geojson'), outDir, ...defaults })).rejects.toThrow(/missing\.geojson: does not exist/);
    await expect(access(outDir)).rejects.toThrow();
  });

  it('refuses formats it does not read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bad-'));
    await writeFile(join(dir, 'plan.dwg'), 'AC1032');
    await expect(runImport(join(dir, 'plan.dwg'))).rejects.toThrow(/plan\.dwg: unsupported format "\.dwg"/);
  });
});
