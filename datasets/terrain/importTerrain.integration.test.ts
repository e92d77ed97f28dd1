import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from '@loaders.gl/core';
import { QuantizedMeshLoader } from '@loaders.gl/terrain';
import { writeArrayBuffer } from 'geotiff';
import { beforeAll, describe, expect, it } from 'vitest';
import { geodeticToEcef } from '../geo/enuFrame.ts';
import { type Dem, readDem } from '../raster/dem.ts';
import { type TerrainSummary, importTerrain } from './importTerrain.ts';
import { encodeQuantizedMesh } from './quantizedMesh.ts';
import { levelMaximumGeometricError, tileBounds } from './tilingScheme.ts';

/** A synthetic DEM near the Wuyi county seat: 200 × 200 cells of 0.0004°, EPSG:4326; hills with ridges a few cells apart. */
const area = { west: 119.78, north: 28.94, resolution: 0.0004, size: 200 };
const surface = (lon: number, lat: number) =>
  300 + 200 * Math.sin(lon * 90) * Math.cos(lat * 70) + 80 * Math.sin(lat * 230) + 25 * Math.sin(lon * 2300) * Math.sin(lat * 2100);

interface DecodedTile {
  header: { vertexCount: number };
  attributes: { POSITION: { value: Float32Array } };
  indices: { value: Uint32Array | Uint16Array };
}

let dir: string;
let dem: Dem;
let summary: TerrainSummary;
let layer: { available: { startX: number; startY: number; endX: number; endY: number }[][]; maxzoom: number; [key: string]: unknown };

const tilePath = (level: number, x: number, y: number) => join(dir, 'terrain', String(level), String(x), `${y}.terrain.gz`);
const readTile = async (level: number, x: number, y: number) => new Uint8Array(gunzipSync(await readFile(tilePath(level, x, y))));
const decode = async (bytes: Uint8Array, level: number, x: number, y: number) => {
  const { west, south, east, north } = tileBounds({ level, x, y });
  return (await parse(bytes, QuantizedMeshLoader, { 'quantized-mesh': { bounds: [west, south, east, north] } } as never)) as unknown as DecodedTile;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-terrain-'));
  const { west, north, resolution, size } = area;
  const heights = new Float32Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      heights[row * size + column] = surface(west + (column + 0.5) * resolution, north - (row + 0.5) * resolution);
    }
  }
  const tiff = writeArrayBuffer(heights, {
    width: size, height: size, BitsPerSample: [32], SampleFormat: [3],
    ModelPixelScale: [resolution, resolution, 0], ModelTiepoint: [0, 0, 0, west, north, 0],
    GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GeographicTypeGeoKey: 4326,
  });
  await writeFile(join(dir, 'dem.tif'), new Uint8Array(tiff));
  dem = await readDem(join(dir, 'dem.tif'));
  summary = await importTerrain({ input: join(dir, 'dem.tif'), outDir: join(dir, 'terrain') });
  layer = JSON.parse(await readFile(join(dir, 'terrain', 'layer.json'), 'utf8'));
});

describe('DEM → quantized-mesh terrain', () => {
  it('describes the tileset as Cesium expects, with both level-0 tiles available', () => {
    expect(layer).toMatchObject({ format: 'quantized-mesh-1.0', scheme: 'tms', projection: 'EPSG:4326', tiles: ['{z}/{x}/{y}.terrain'] });
    expect(layer.extensions).toEqual(['octvertexnormals', 'metadata']);
    expect(layer.available[0]).toEqual([{ startX: 0, startY: 0, endX: 1, endY: 0 }]);
    expect(layer.maxzoom).toBe(summary.levels - 1);
    // 0.0004° cells need samples at least that fine: 180° / 2^level / 64 ≤ 0.0004° from level 13; but between
    // level 13's samples these ridges stray more than 1.5 m RMS from the DEM's cells, so the import goes one finer.
    expect(layer.maxzoom).toBe(14);
  });

  it('writes every tile that layer.json announces, and both level-0 tiles decode', async () => {
    let announced = 0;
    for (const [level, ranges] of layer.available.entries()) {
      for (const { startX, startY, endX, endY } of ranges) {
        for (let x = startX; x <= endX; x++) for (let y = startY; y <= endY; y++, announced++) await readFile(tilePath(level, x, y));
      }
    }
    expect(announced).toBe(summary.tiles);
    for (const x of [0, 1]) expect((await decode(await readTile(0, x, 0), 0, x, 0)).header.vertexCount).toBeGreaterThanOrEqual(4);
  });

  it('meshes each deepest tile within its level’s error bound, as an independent decoder reads it', async () => {
    const level = layer.maxzoom;
    const bound = levelMaximumGeometricError(level);
    const { startX, startY, endX, endY } = layer.available[level]![0]!;
    let checked = 0;
    for (let x = startX; x <= endX; x++) {
      for (let y = startY; y <= endY; y++) {
        const mesh = await decode(await readTile(level, x, y), level, x, y);
        const position = mesh.attributes.POSITION.value;
        const indices = mesh.indices.value;
        const { west, south, east, north } = tileBounds({ level, x, y });
        // Points inside the DEM: the mesh surface (barycentric) against the DEM.
        for (let k = 0; k < 40; k++) {
          const lon = west + ((k * 7919) % 97) / 97 * (east - west);
          const lat = south + ((k * 104729) % 89) / 89 * (north - south);
          const expected = dem.sample(lon, lat);
          const actual = meshHeight(position, indices, lon, lat);
          if (expected === undefined || actual === undefined || !insideDem(lon, lat)) continue;
          expect(Math.abs(actual - expected)).toBeLessThanOrEqual(bound + 2);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('keeps the deepest level within 2 m RMS of the DEM at its cell centres as GDAL lists them, and reports each level’s error', async () => {
    // GDAL's listing of the DEM: every cell centre and its height (every third, away from the rim).
    const listing = execFileSync('gdal_translate', ['-q', '-of', 'XYZ', join(dir, 'dem.tif'), '/vsistdout/'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const cells = listing.trim().split('\n').map((line) => line.split(/\s+/).map(Number)).filter(([lon, lat], i) => i % 3 === 0 && insideDem(lon!, lat!));
    expect(cells.length).toBeGreaterThan(10_000);
    const level = layer.maxzoom;
    const tiles = new Map<string, DecodedTile>();
    let sumOfSquares = 0;
    let worst = 0;
    for (const [lon, lat, height] of cells) {
      const x = Math.floor((lon! + 180) / (180 / 2 ** level));
      const y = Math.floor((lat! + 90) / (180 / 2 ** level));
      const key = `${x}/${y}`;
      if (!tiles.has(key)) tiles.set(key, await decode(await readTile(level, x, y), level, x, y));
      const mesh = tiles.get(key)!;
      const drawn = meshHeight(mesh.attributes.POSITION.value, mesh.indices.value, lon!, lat!);
      const error = Math.abs(drawn! - height!);
      sumOfSquares += error * error;
      worst = Math.max(worst, error);
    }
    const rms = Math.sqrt(sumOfSquares / cells.length);
    expect(rms).toBeLessThanOrEqual(2);
    // The import's own report says the same of every level, the deepest as measured here.
    const report = JSON.parse(await readFile(join(dir, 'terrain', 'import-report.json'), 'utf8')) as { accuracy: { level: number; samples: number; rmsMetres: number; maxMetres: number }[] };
    expect(report.accuracy.map((a) => a.level)).toEqual(Array.from({ length: level + 1 }, (_, i) => i));
    const deepest = report.accuracy.at(-1)!;
    expect(Math.abs(deepest.rmsMetres - rms)).toBeLessThan(0.25);
    expect(deepest.maxMetres).toBeGreaterThanOrEqual(worst * 0.8);
    // Coarser levels stand further from the DEM: that is what refining is for.
    expect(report.accuracy[level - 3]!.rmsMetres).toBeGreaterThan(deepest.rmsMetres * 2);
  });

  it('keeps the heights it meshed from beside the tiles as a GeoTIFF GDAL reads: the DEM’s own cells and heights, in EPSG:4326', () => {
    const info = JSON.parse(execFileSync('gdalinfo', ['-json', join(dir, 'terrain', 'elevation.tif')], { encoding: 'utf8' }));
    const source = JSON.parse(execFileSync('gdalinfo', ['-json', join(dir, 'dem.tif')], { encoding: 'utf8' }));
    expect(info.size).toEqual(source.size);
    info.geoTransform.forEach((value: number, i: number) => expect(value).toBeCloseTo(source.geoTransform[i], 9));
    expect(info.coordinateSystem.wkt).toContain('WGS 84');
    expect(info.bands[0].type).toBe('Float32');
    const list = (file: string) => execFileSync('gdal_translate', ['-q', '-of', 'XYZ', file, '/vsistdout/'], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n');
    const [kept, delivered] = [list(join(dir, 'terrain', 'elevation.tif')), list(join(dir, 'dem.tif'))];
    expect(kept).toHaveLength(delivered.length);
    for (let i = 0; i < kept.length; i += 97) expect(Number(kept[i]!.split(/\s+/)[2])).toBeCloseTo(Number(delivered[i]!.split(/\s+/)[2]), 3);
  });

  it('writes the header, high-water-mark indices, edge lists and extensions of the format', async () => {
    const level = layer.maxzoom;
    const { startX, startY } = layer.available[level]![0]!;
    const bytes = await readTile(level, startX + 1, startY + 1);
    const tile = parseTile(bytes);
    const { west, south, east, north } = tileBounds({ level, x: startX + 1, y: startY + 1 });
    const ecef = tile.u.map((u, i) =>
      geodeticToEcef(west + (u / 32767) * (east - west), south + (tile.v[i]! / 32767) * (north - south),
        tile.minHeight + (tile.h[i]! / 32767) * (tile.maxHeight - tile.minHeight)));
    // The bounding sphere holds every vertex.
    for (const p of ecef) expect(Math.hypot(p[0] - tile.sphere[0]!, p[1] - tile.sphere[1]!, p[2] - tile.sphere[2]!)).toBeLessThanOrEqual(tile.sphere[3]! + 0.01);
    // Whenever a camera cannot see the horizon occlusion point, it cannot see any vertex.
    let hidden = 0;
    for (let k = 0; k < 500; k++) {
      const camera = geodeticToEcef(119.8 + Math.sin(k) * 40, 28.9 + Math.cos(k * 1.3) * 40, 1000 + (k % 23) * 400_000);
      if (scaledPointVisible(camera, tile.horizon)) continue;
      hidden++;
      for (const p of ecef) expect(scaledPointVisible(camera, scaled(p))).toBe(false);
    }
    expect(hidden).toBeGreaterThan(50);
    // High-water-mark coding: each index is at most one above the highest so far.
    let highest = -1;
    for (const index of tile.indices) {
      expect(index).toBeLessThanOrEqual(highest + 1);
      highest = Math.max(highest, index);
    }
    expect(tile.edges.west.every((i) => tile.u[i] === 0)).toBe(true);
    expect(tile.edges.south.every((i) => tile.v[i] === 0)).toBe(true);
    expect(tile.edges.east.every((i) => tile.u[i] === 32767)).toBe(true);
    expect(tile.edges.north.every((i) => tile.v[i] === 32767)).toBe(true);
    expect(tile.edges.west.length).toBeGreaterThanOrEqual(2);
    expect(tile.extensions.map((e) => e.id)).toEqual([1]); // the deepest level carries no metadata
    expect(tile.extensions[0]!.length).toBe(tile.u.length * 2);
  }, 30_000);

  it('carries the availability of the next ten levels in the metadata of level 0 and level 10 tiles', async () => {
    expect(layer.metadataAvailability).toBe(10);
    const metadataOf = async (level: number, x: number, y: number) => {
      const metadata = parseTile(await readTile(level, x, y)).extensions.find((e) => e.id === 4);
      return metadata && JSON.parse(new TextDecoder().decode(metadata.data.subarray(4)));
    };
    // The eastern level-0 tile holds Wuyi: its metadata lists levels 1–10 as layer.json does.
    expect((await metadataOf(0, 1, 0)).available).toEqual(layer.available.slice(1, 11));
    // The western one has no descendants.
    expect((await metadataOf(0, 0, 0)).available.every((ranges: unknown[]) => ranges.length === 0)).toBe(true);
    const tenth = layer.available[10]![0]!;
    const children = (await metadataOf(10, tenth.startX, tenth.startY)).available;
    expect(children).toHaveLength(layer.maxzoom - 10);
    expect(children[0][0].startX).toBe(2 * tenth.startX);
    // Tiles between those levels carry no metadata.
    const fifth = layer.available[5]![0]!;
    expect(await metadataOf(5, fifth.startX, fifth.startY)).toBeUndefined();
  });

  it('switches to 32-bit indices, with alignment padding, past 65,536 vertices', async () => {
    // Every sample of a 257² grid, two triangles a cell: 66,049 vertices.
    const gridSize = 257;
    const heights = Float32Array.from({ length: gridSize * gridSize }, (_, i) => ((i * 7919) % 101) * 3);
    const vertices = new Uint16Array(gridSize * gridSize * 2);
    for (let i = 0; i < gridSize * gridSize; i++) vertices.set([i % gridSize, Math.floor(i / gridSize)], 2 * i);
    const cells: number[] = [];
    for (let row = 0; row < gridSize - 1; row++) {
      for (let column = 0; column < gridSize - 1; column++) {
        const a = row * gridSize + column;
        cells.push(a, a + gridSize, a + 1, a + 1, a + gridSize, a + gridSize + 1);
      }
    }
    const triangles = Uint32Array.from(cells);
    const bounds = tileBounds({ level: 14, x: 27_565, y: 5_484 });
    const bytes = encodeQuantizedMesh({ vertices, triangles, gridSize, heights, bounds });
    const tile = parseTile(bytes);
    expect(tile.u.length).toBe(gridSize * gridSize);
    expect(tile.indexBytes).toBe(4);
    const mesh = await decode(bytes, 14, 27_565, 5_484);
    expect(mesh.indices.value.length).toBe(triangles.length);
    expect(Array.from(mesh.indices.value).reduce((a, b) => Math.max(a, b), 0)).toBe(gridSize * gridSize - 1);
  });
});

function insideDem(lon: number, lat: number): boolean {
  const margin = 2 * area.resolution;
  return lon > area.west + margin && lon < area.west + area.size * area.resolution - margin &&
    lat < area.north - margin && lat > area.north - area.size * area.resolution + margin;
}

/** Height of the decoded triangle mesh at a point, by barycentric interpolation. */
function meshHeight(position: Float32Array, indices: ArrayLike<number>, lon: number, lat: number): number | undefined {
  for (let t = 0; t < indices.length; t += 3) {
    const [a, b, c] = [indices[t]! * 3, indices[t + 1]! * 3, indices[t + 2]! * 3];
    const det = (position[b + 1]! - position[c + 1]!) * (position[a]! - position[c]!) + (position[c]! - position[b]!) * (position[a + 1]! - position[c + 1]!);
    const l1 = ((position[b + 1]! - position[c + 1]!) * (lon - position[c]!) + (position[c]! - position[b]!) * (lat - position[c + 1]!)) / det;
    const l2 = ((position[c + 1]! - position[a + 1]!) * (lon - position[c]!) + (position[a]! - position[c]!) * (lat - position[c + 1]!)) / det;
    const l3 = 1 - l1 - l2;
    if (l1 >= -1e-9 && l2 >= -1e-9 && l3 >= -1e-9) return l1 * position[a + 2]! + l2 * position[b + 2]! + l3 * position[c + 2]!;
  }
  return undefined;
}

const A = 6378137;
const B = 6356752.3142451793;
const scaled = (p: number[]) => [p[0]! / A, p[1]! / A, p[2]! / B];

/** Cesium's EllipsoidalOccluder.isScaledSpacePointVisible, for a camera at `cameraEcef`. */
function scaledPointVisible(cameraEcef: number[], point: number[]): boolean {
  const cv = scaled(cameraEcef);
  const vhMagnitudeSquared = cv[0]! ** 2 + cv[1]! ** 2 + cv[2]! ** 2 - 1;
  const vt = [point[0]! - cv[0]!, point[1]! - cv[1]!, point[2]! - cv[2]!];
  const vtDotVc = -(vt[0]! * cv[0]! + vt[1]! * cv[1]! + vt[2]! * cv[2]!);
  const isOccluded = vtDotVc > vhMagnitudeSquared && (vtDotVc * vtDotVc) / (vt[0]! ** 2 + vt[1]! ** 2 + vt[2]! ** 2) > vhMagnitudeSquared;
  return !isOccluded;
}

/** A minimal reader of the format, written from the spec, to check what decoders do not expose. */
function parseTile(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(88, true);
  const decodeZigZag = (start: number) => {
    const values: number[] = [];
    let value = 0;
    for (let i = 0; i < count; i++) {
      const encoded = view.getUint16(start + i * 2, true);
      value += (encoded >> 1) ^ -(encoded & 1);
      values.push(value);
    }
    return values;
  };
  const u = decodeZigZag(92);
  const v = decodeZigZag(92 + count * 2);
  const h = decodeZigZag(92 + count * 4);
  const indexBytes = count > 65536 ? 4 : 2;
  let offset = 92 + count * 6;
  offset += (indexBytes - (offset % indexBytes)) % indexBytes;
  const read = () => {
    const value = indexBytes === 4 ? view.getUint32(offset, true) : view.getUint16(offset, true);
    offset += indexBytes;
    return value;
  };
  const triangles = view.getUint32(offset, true);
  offset += 4;
  let highest = 0;
  const indices: number[] = [];
  for (let i = 0; i < triangles * 3; i++) {
    const code = read();
    indices.push(highest - code);
    if (code === 0) highest++;
  }
  const edgeList = () => {
    const n = view.getUint32(offset, true);
    offset += 4;
    return Array.from({ length: n }, read);
  };
  const edges = { west: edgeList(), south: edgeList(), east: edgeList(), north: edgeList() };
  const extensions: { id: number; length: number; data: Uint8Array }[] = [];
  while (offset < bytes.length) {
    const id = view.getUint8(offset);
    const length = view.getUint32(offset + 1, true);
    extensions.push({ id, length, data: bytes.subarray(offset + 5, offset + 5 + length) });
    offset += 5 + length;
  }
  return {
    minHeight: view.getFloat32(24, true),
    maxHeight: view.getFloat32(28, true),
    sphere: [0, 1, 2, 3].map((i) => view.getFloat64(32 + i * 8, true)),
    horizon: [0, 1, 2].map((i) => view.getFloat64(64 + i * 8, true)),
    u, v, h, indices, edges, extensions, indexBytes,
  };
}
