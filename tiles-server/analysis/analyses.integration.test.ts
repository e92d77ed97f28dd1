import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS, type ExcavationResult, type FloodResult, type HeightLimitResult, type LineOfSightResult, type ProfileResult, metresBetween } from '../../layers/index.ts';
import { sampleData } from '../../test/support/sampleData.ts';
import { loadCatalog } from '../loadCatalog.ts';
import { loadObjectIndex } from '../objects/loadObjectIndex.ts';
import { createTestApp } from '../testApp.ts';

const run = promisify(execFile);
const RAD = Math.PI / 180;

/**
 * The sample DEM's cells over a window, read by GDAL (centre longitude, latitude and height of
 * each), with the cell holding a point and the test's own interpolation between cell centres.
 */
async function demCells(dem: string, [west, south, east, north]: [number, number, number, number]) {
  const { stdout } = await run('gdal_translate', ['-q', '-of', 'XYZ', '-projwin', String(west), String(north), String(east), String(south), dem, '/vsistdout/'], { maxBuffer: 1 << 28 });
  const cells = stdout.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const size = Math.abs(cells[1]![0] - cells[0]![0]);
  const [x0, y0] = [Math.min(...cells.map(([lon]) => lon)) - size / 2, Math.min(...cells.map(([, lat]) => lat)) - size / 2];
  const column = (lon: number) => Math.floor((lon - x0) / size);
  const row = (lat: number) => Math.floor((lat - y0) / size);
  const heights = new Map(cells.map(([lon, lat, height]) => [`${column(lon)},${row(lat)}`, height]));
  const cellOf = (lon: number, lat: number) => `${column(lon)},${row(lat)}`;
  const bilinear = (lon: number, lat: number) => {
    const [u, v] = [(lon - x0) / size - 0.5, (lat - y0) / size - 0.5];
    const [i, j] = [Math.floor(u), Math.floor(v)];
    const h = (di: number, dj: number) => heights.get(`${i + di},${j + dj}`)!;
    const [fx, fy] = [u - i, v - j];
    return (h(0, 0) * (1 - fx) + h(1, 0) * fx) * (1 - fy) + (h(0, 1) * (1 - fx) + h(1, 1) * fx) * fy;
  };
  return { cells, size, cellOf, bilinear };
}

/** The test's own even-odd point-in-ring test. */
function inRing(ring: number[][], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [[xi, yi], [xj, yj]] = [ring[i]!, ring[j]!];
    if (yi! > lat !== yj! > lat && lon < xi! + ((lat - yi!) / (yj! - yi!)) * (xj! - xi!)) inside = !inside;
  }
  return inside;
}

let t: Awaited<ReturnType<typeof createTestApp>>;
let dataDir: string;
let dem: string;
beforeAll(async () => {
  dataDir = await sampleData();
  dem = join(dataDir, 'sample', 'source', 'wuyi-dem.tif');
  const { catalog } = await loadCatalog(new URL('../../layers/catalogs/wuyi.json', import.meta.url).pathname, dataDir);
  t = await createTestApp({ catalog, objects: await loadObjectIndex(catalog, dataDir), dataDir });
}, 240_000);
afterAll(() => t?.close());

const analyse = async (kind: string, params: object, as: 'operator' | 'viewer' | 'anonymous' = 'operator') => {
  const response = await t.call('POST', '/api/analyses', { ...(as === 'anonymous' ? {} : { as }), body: { kind, params } });
  return { status: response.status, location: response.headers.get('location'), body: (await response.json()) as Record<string, unknown> & { result: unknown } };
};

describe('analyses on the sample twin', () => {
  // A quadrilateral over the valley of the county seat (about 90 m).
  const valley = [[119.75, 28.86], [119.85, 28.85], [119.87, 28.92], [119.77, 28.93], [119.75, 28.86]];

  it('floods the valley as a count of the DEM’s cells by GDAL gives it: area and volume within 1 %, the buildings in water and a monitoring point', async () => {
    const { cells, size, cellOf } = await demCells(dem, [119.74, 28.84, 119.88, 28.94]);
    const inside = cells.filter(([lon, lat]) => inRing(valley, lon, lat));
    const lowest = Math.min(...inside.map(([, , h]) => h));
    const level = lowest + 8;
    const [gaugeLon, gaugeLat] = inside.find(([, , h]) => h < level - 2)!;
    const point = await t.call('POST', '/api/monitoring/points', { as: 'operator', body: { points: [{ id: 'wl-valley', kind: 'water-level', name: '谷底水位站', unit: 'm', lon: gaugeLon, lat: gaugeLat }] } });
    expect(point.status).toBe(201);

    const { status, body, location } = await analyse('flood', { polygon: { type: 'Polygon', coordinates: [valley] }, rise: 8 });
    expect(status).toBe(201);
    const result = body.result as FloodResult;
    let area = 0;
    let volume = 0;
    for (const [, lat, height] of inside) {
      if (height >= level) continue;
      const cellArea = (size * RAD * EARTH_MEAN_RADIUS) ** 2 * Math.cos(lat * RAD);
      area += cellArea;
      volume += (level - height) * cellArea;
    }
    expect(area).toBeGreaterThan(1e6);
    expect(result.lowestGround).toBeCloseTo(lowest, 1);
    expect(Math.abs(result.floodedArea / area - 1)).toBeLessThan(0.01);
    expect(Math.abs(result.volume / volume - 1)).toBeLessThan(0.01);
    expect(result.flooded.coordinates.length).toBeGreaterThan(0);
    expect(result.monitoringPoints.map((p) => p.id)).toEqual(['wl-valley']);

    // Every building whose centre is on a flooded cell stands in water; DuckDB reads the building table.
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const buildings = (await db.runAndReadAll(`SELECT oid, lon, lat FROM '${join(dataDir, 'sample', 'buildings', 'attributes.parquet')}' WHERE lon BETWEEN 119.74 AND 119.88 AND lat BETWEEN 28.84 AND 28.94`)).getRowObjects();
    const flooded = new Set(inside.filter(([, , h]) => h < level).map(([lon, lat]) => cellOf(lon, lat)));
    const wet = buildings.filter(({ lon, lat }) => inRing(valley, Number(lon), Number(lat)) && flooded.has(cellOf(Number(lon), Number(lat))));
    expect(wet.length).toBeGreaterThan(10);
    const reported = new Set(result.buildings.map((b) => b.oid));
    for (const { oid } of wet) expect(reported).toContain(String(oid));

    // The commander raises incidents on the buildings standing at least 2 m deep: once, each bound to its building.
    const deep = result.buildings.filter((b) => b.depth >= 2);
    expect(deep.length).toBeGreaterThan(0);
    const raise = () => t.call('POST', `/api/analyses/${body.id}/incidents`, { as: 'operator', body: { minDepth: 2 } });
    const raised = await raise();
    expect(raised.status).toBe(201);
    expect(await raised.json()).toEqual({ analysis: body.id, incidents: deep.length });
    const bound = (await (await t.call('GET', `/api/incidents?oid=${encodeURIComponent(deep[0]!.oid)}`)).json()) as { incidents: { binding: { oid: string; method: string }; title: string }[] };
    expect(bound.incidents).toHaveLength(1);
    expect(bound.incidents[0]!.binding).toMatchObject({ oid: deep[0]!.oid, method: 'given' });
    expect(bound.incidents[0]!.title).toContain(`${deep[0]!.depth.toFixed(1)} m`);
    expect((await raise()).status).toBe(409);
    expect((await t.call('POST', `/api/analyses/${body.id}/incidents`, { as: 'viewer', body: {} })).status).toBe(403);

    // Kept: read back by its link, as anyone may who may read the terrain and the buildings.
    expect(location).toBe(`/api/analyses/${body.id}`);
    const again = await t.call('GET', location!);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: body.id, kind: 'flood', createdBy: 'operator-user', result: { floodedArea: result.floodedArea } });
    const dataVersion = body.dataVersion as { layerId: string; version: string }[];
    expect(dataVersion.map((d) => d.layerId)).toEqual(expect.arrayContaining(['terrain', 'buildings']));
    for (const { version } of dataVersion) expect(version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('digs a pit whose cut and fill are the sums over GDAL’s cells of the ground above and below its floor', async () => {
    const pit = [[119.7, 28.7], [119.72, 28.7], [119.72, 28.715], [119.7, 28.715], [119.7, 28.7]];
    const { cells, size } = await demCells(dem, [119.69, 28.69, 119.73, 28.72]);
    const inside = cells.filter(([lon, lat]) => inRing(pit, lon, lat));
    const floor = inside.reduce((sum, [, , h]) => sum + h, 0) / inside.length;
    let [cut, fill] = [0, 0];
    for (const [, lat, h] of inside) {
      const area = (size * RAD * EARTH_MEAN_RADIUS) ** 2 * Math.cos(lat * RAD);
      if (h > floor) cut += (h - floor) * area;
      else fill += (floor - h) * area;
    }
    const { status, body } = await analyse('excavation', { polygon: { type: 'Polygon', coordinates: [pit] }, floorLevel: floor });
    expect(status).toBe(201);
    const result = body.result as ExcavationResult;
    expect(result.cells).toBe(inside.length);
    expect(Math.abs(result.cutVolume / cut - 1)).toBeLessThan(0.01);
    expect(Math.abs(result.fillVolume / fill - 1)).toBeLessThan(0.01);
  });

  it('draws the profile along a line through the hills at the DEM’s heights, interpolated by the test from GDAL’s cells', async () => {
    const line = [[119.7, 28.7], [119.8, 28.75], [119.86, 28.72]];
    const { bilinear } = await demCells(dem, [119.69, 28.69, 119.87, 28.76]);
    const { status, body } = await analyse('profile', { line, samples: 120 });
    expect(status).toBe(201);
    const result = body.result as ProfileResult;
    expect(result.points).toHaveLength(120);
    expect(result.length).toBeCloseTo(metresBetween([119.7, 28.7], [119.8, 28.75]) + metresBetween([119.8, 28.75], [119.86, 28.72]), -1);
    const heights = result.points.map((p) => p.height);
    expect(Math.max(...heights) - Math.min(...heights)).toBeGreaterThan(100);
    for (const point of result.points) expect(Math.abs(point.height - bilinear(point.lon, point.lat))).toBeLessThan(0.05);
  });

  it('sees or not along a line of sight as the test’s own march over GDAL’s cells does', async () => {
    const [from, to] = [[119.62, 28.6], [119.72, 28.66]] as [number, number][];
    const { bilinear } = await demCells(dem, [119.61, 28.59, 119.73, 28.67]);
    const length = metresBetween(from!, to!);
    const firstHit = (eyeHeight: number) => {
      const [eye, target] = [bilinear(...from!) + eyeHeight, bilinear(...to!)];
      for (let d = 5; d < length - 5; d += 5) {
        const f = d / length;
        const line = eye + (target - eye) * f - (f * (1 - f) * length ** 2) / (2 * EARTH_MEAN_RADIUS);
        if (bilinear(from![0] + (to![0] - from![0]) * f, from![1] + (to![1] - from![1]) * f) > line) return d;
      }
      return undefined;
    };
    const seen: boolean[] = [];
    for (const fromHeight of [2, 400]) {
      const { body } = await analyse('line-of-sight', { from, to, fromHeight });
      const result = body.result as LineOfSightResult;
      const expected = firstHit(fromHeight);
      expect(result.visible).toBe(expected === undefined);
      if (expected !== undefined) expect(Math.abs(result.obstruction!.distance - expected)).toBeLessThan(15);
      seen.push(result.visible);
    }
    // The ridge hides the far end from the ground and not from a 400 m mast.
    expect(seen).toEqual([false, true]);
  });

  it('finds the buildings above a height limit as SQL over the building table does', async () => {
    const zone = [[119.79, 28.87], [119.83, 28.87], [119.83, 28.9], [119.79, 28.9], [119.79, 28.87]];
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const table = `'${join(dataDir, 'sample', 'buildings', 'attributes.parquet')}'`;
    const where = `lon BETWEEN 119.79 AND 119.83 AND lat BETWEEN 28.87 AND 28.9`;
    const count = Number((await db.runAndReadAll(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)).getRowObjects()[0]!.n);
    const tall = (await db.runAndReadAll(`SELECT oid, height FROM ${table} WHERE ${where} AND height > 24 ORDER BY height DESC, oid`)).getRowObjects();
    expect(tall.length).toBeGreaterThan(0);
    const byGround = (await analyse('height-limit', { polygon: { type: 'Polygon', coordinates: [zone] }, limit: 24 })).body.result as HeightLimitResult;
    expect(byGround.checked).toBe(count);
    expect(byGround.exceeding.map((b) => b.oid).sort()).toEqual(tall.map((b) => String(b.oid)).sort());
    for (const building of byGround.exceeding) expect(building.excess).toBeCloseTo(Number(tall.find((b) => b.oid === building.oid)!.height) - 24, 1);

    const level = 130;
    const above = (await db.runAndReadAll(`SELECT oid FROM ${table} WHERE ${where} AND round(base + height, 2) > ${level}`)).getRowObjects();
    const byElevation = (await analyse('height-limit', { polygon: { type: 'Polygon', coordinates: [zone] }, limit: level, reference: 'elevation' })).body.result as HeightLimitResult;
    expect(byElevation.exceeding.map((b) => b.oid).sort()).toEqual(above.map((b) => String(b.oid)).sort());
  });

  it('shows a flood to the operator who asked for it when the catalog has no monitoring-points layer (the points are internal)', async () => {
    const { catalog } = await loadCatalog(new URL('../../layers/catalogs/wuyi.json', import.meta.url).pathname, dataDir);
    const withoutPoints = { ...catalog, layers: catalog.layers.filter((layer) => layer.kind !== 'monitoring-points') };
    const other = await createTestApp({ catalog: withoutPoints, objects: await loadObjectIndex(withoutPoints, dataDir), dataDir });
    try {
      const polygon = { type: 'Polygon', coordinates: [[[119.8, 28.88], [119.82, 28.88], [119.82, 28.9], [119.8, 28.88]]] };
      const asked = await other.call('POST', '/api/analyses', { as: 'operator', body: { kind: 'flood', params: { polygon, rise: 2 } } });
      expect(asked.status).toBe(201);
      const { id, dataVersion } = (await asked.json()) as { id: string; dataVersion: { layerId: string }[] };
      expect(dataVersion.map((d) => d.layerId)).toContain('monitoring-points');
      expect((await other.call('GET', `/api/analyses/${id}`, { as: 'operator' })).status).toBe(200);
      expect((await other.call('GET', `/api/analyses/${id}`)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('needs an operator to ask, names the field at fault, and lists what it kept, newest first', async () => {
    const polygon = { type: 'Polygon', coordinates: [[[119.8, 28.88], [119.81, 28.88], [119.81, 28.89], [119.8, 28.88]]] };
    expect((await analyse('flood', { polygon, rise: 1 }, 'anonymous')).status).toBe(401);
    expect((await analyse('flood', { polygon, rise: 1 }, 'viewer')).status).toBe(403);
    const both = await analyse('flood', { polygon, rise: 1, waterLevel: 90 });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('params.waterLevel');
    const huge = { type: 'Polygon', coordinates: [Array.from({ length: 12_000 }, (_, i) => [119.8 + Math.cos(i) * 0.01, 28.88 + Math.sin(i) * 0.01])] };
    expect(JSON.stringify((await analyse('flood', { polygon: huge, rise: 1 })).body)).toContain('at most 10000 vertices');
    const tooFar = await analyse('line-of-sight', { from: [100, 20], to: [119.8, 28.88] });
    expect(tooFar.status).toBe(400);
    expect(JSON.stringify(tooFar.body)).toContain('params.to');
    const offTerrain = await analyse('line-of-sight', { from: [118.6, 28.2], to: [119.8, 28.88] });
    expect(offTerrain.status).toBe(400);
    expect(JSON.stringify(offTerrain.body)).toContain('params.from');
    expect(JSON.stringify(offTerrain.body)).toContain('outside the terrain');
    const holeAfar = { type: 'Polygon', coordinates: [[[119.8, 28.88], [119.81, 28.88], [119.81, 28.89], [119.8, 28.88]], [[110, 20], [110.1, 20], [110.1, 20.1], [110, 20]]] };
    expect(JSON.stringify((await analyse('flood', { polygon: holeAfar, rise: 1 })).body)).toContain('must span at most 2°');
    expect((await analyse('viewshed', { observer: [119.8, 28.88], radius: 20_000 })).status).toBe(400);

    const viewshed = await analyse('viewshed', { observer: [119.81, 28.89], observerHeight: 30, radius: 2000 });
    expect(viewshed.status).toBe(201);
    const list = (await (await t.call('GET', '/api/analyses')).json()) as { analyses: { id: string; kind: string; summary: Record<string, number> }[] };
    expect(list.analyses[0]).toMatchObject({ id: viewshed.body.id, kind: 'viewshed', summary: { radius: 2000 } });
    expect(list.analyses[0]).not.toHaveProperty('result');
    expect((await t.call('GET', '/api/analyses/an-0000000000000000')).status).toBe(404);
  });
});
