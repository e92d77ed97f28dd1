import { ByteWriter } from '../output/byteWriter.ts';
import type { TileBounds } from './tilingScheme.ts';

/** WGS84 radii: the horizon occlusion point lives in the space where the ellipsoid is the unit sphere. */
const RADIUS_X = 6378137;
const RADIUS_Z = 6356752.3142451793;
/** WGS84, as `writeEcef` has it: the vertices' ECEF positions are computed here from the grid's lines. */
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const RAD = Math.PI / 180;

const OCT_VERTEX_NORMALS = 1;
const METADATA = 4;

/** Quantized u, v and height run over 0–32767. */
const QUANTIZED_MAX = 32767;

export interface TerrainMesh {
  /** Grid positions (x right, y down) of `gridSize`-sample rows, as the mesher returns them. */
  vertices: Uint16Array;
  triangles: Uint32Array;
  gridSize: number;
  /** Heights (m) of the full grid, row-major from the north-west corner. */
  heights: Float32Array;
  bounds: TileBounds;
}

export interface EncodeOptions {
  /** Child tile ranges to announce in the `metadata` extension, one array per level below. */
  available?: { startX: number; startY: number; endX: number; endY: number }[][];
}

/**
 * Encodes a mesh as a Cesium quantized-mesh-1.0 tile: the 88-byte header (centre, height
 * range, bounding sphere, ellipsoid-scaled horizon occlusion point), zig-zag delta u/v/height
 * in 0–32767, high-water-mark triangle indices over vertices numbered in first-use order,
 * 16- or 32-bit indices with their alignment padding, the four edge-vertex lists, and the
 * `octvertexnormals` and `metadata` extensions.
 */
export function encodeQuantizedMesh(mesh: TerrainMesh, options: EncodeOptions = {}): Uint8Array {
  return writeTile(layOut(quantize(mesh), options));
}

interface QuantizedMesh {
  /** West to east, south to north and lowest to highest, in 0–32767, in first-use order. */
  u: Uint16Array;
  v: Uint16Array;
  height: Uint16Array;
  minHeight: number;
  maxHeight: number;
  /** The triangles over the renumbered vertices. */
  triangles: Uint32Array;
  /** Where each vertex lies: its quantized u/v at its exact height (x, y, z per vertex). */
  ecef: Float64Array;
}

function quantize(mesh: TerrainMesh): QuantizedMesh {
  const { order, remapped } = firstUseOrder(mesh.vertices.length / 2, mesh.triangles);
  const count = order.length;
  const last = mesh.gridSize - 1;
  const u = new Uint16Array(count);
  const v = new Uint16Array(count);
  const heights = new Float64Array(count);
  let minHeight = Infinity;
  let maxHeight = -Infinity;
  for (let n = 0; n < count; n++) {
    const gx = mesh.vertices[2 * order[n]!]!;
    const gy = mesh.vertices[2 * order[n]! + 1]!;
    u[n] = Math.round((gx / last) * QUANTIZED_MAX);
    v[n] = Math.round(((last - gy) / last) * QUANTIZED_MAX);
    const h = mesh.heights[gy * mesh.gridSize + gx]!;
    heights[n] = h;
    minHeight = Math.min(minHeight, h);
    maxHeight = Math.max(maxHeight, h);
  }
  const range = maxHeight - minHeight;
  const height = new Uint16Array(count);
  if (range > 0) for (let n = 0; n < count; n++) height[n] = Math.round(((heights[n]! - minHeight) / range) * QUANTIZED_MAX);

  // Vertices lie on the grid: the sines and cosines of each column's longitude and each row's latitude, once.
  const { west, south, east, north } = mesh.bounds;
  const columns = gridTrigonometry(mesh.gridSize, (g) => west + (Math.round((g / last) * QUANTIZED_MAX) / QUANTIZED_MAX) * (east - west));
  const rows = gridTrigonometry(mesh.gridSize, (g) => south + (Math.round(((last - g) / last) * QUANTIZED_MAX) / QUANTIZED_MAX) * (north - south));
  const ecef = new Float64Array(count * 3);
  for (let n = 0; n < count; n++) {
    const gx = mesh.vertices[2 * order[n]!]!;
    const gy = mesh.vertices[2 * order[n]! + 1]!;
    const sinPhi = rows.sin[gy]!;
    const cosPhi = rows.cos[gy]!;
    const radius = A / Math.sqrt(1 - E2 * sinPhi * sinPhi);
    const h = heights[n]!;
    ecef[3 * n] = (radius + h) * cosPhi * columns.cos[gx]!;
    ecef[3 * n + 1] = (radius + h) * cosPhi * columns.sin[gx]!;
    ecef[3 * n + 2] = (radius * (1 - E2) + h) * sinPhi;
  }
  return { u, v, height, minHeight, maxHeight, triangles: remapped, ecef };
}

/** Sine and cosine of the angle (degrees) of each grid line. */
function gridTrigonometry(gridSize: number, degreesOf: (gridLine: number) => number) {
  const sin = new Float64Array(gridSize);
  const cos = new Float64Array(gridSize);
  for (let g = 0; g < gridSize; g++) {
    const radians = degreesOf(g) * RAD;
    sin[g] = Math.sin(radians);
    cos[g] = Math.cos(radians);
  }
  return { sin, cos };
}

/** A tile's sections in file order, each in its encoding; the writer adds only the padding. */
interface TileLayout {
  header: {
    center: [number, number, number];
    minHeight: number;
    maxHeight: number;
    sphere: { center: [number, number, number]; radius: number };
    horizon: [number, number, number];
  };
  vertexCount: number;
  /** All u, then all v, then all heights, each zig-zag delta coded. */
  vertexData: Uint16Array;
  /** Index data is aligned to its index width. */
  indexBytes: 2 | 4;
  triangleCount: number;
  /** High-water-mark coded. */
  indices: Uint32Array;
  /** West, south, east and north edge vertices. */
  edges: number[][];
  extensions: { id: number; data: Uint8Array }[];
}

function layOut(mesh: QuantizedMesh, options: EncodeOptions): TileLayout {
  const { u, v, ecef } = mesh;
  const count = u.length;
  const sphere = boundingSphere(ecef);

  const edges: number[][] = [[], [], [], []];
  for (let n = 0; n < count; n++) {
    if (u[n] === 0) edges[0]!.push(n);
    if (v[n] === 0) edges[1]!.push(n);
    if (u[n] === QUANTIZED_MAX) edges[2]!.push(n);
    if (v[n] === QUANTIZED_MAX) edges[3]!.push(n);
  }

  const extensions = [{ id: OCT_VERTEX_NORMALS, data: octEncodedNormals(ecef, mesh.triangles) }];
  if (options.available) {
    const json = new TextEncoder().encode(JSON.stringify({ available: options.available }));
    extensions.push({ id: METADATA, data: new ByteWriter(4 + json.length).uint32(json.length).bytes(json).finish() });
  }

  return {
    header: {
      center: sphere.center,
      minHeight: mesh.minHeight,
      maxHeight: mesh.maxHeight,
      sphere,
      horizon: horizonOcclusionPoint(sphere.center, ecef),
    },
    vertexCount: count,
    vertexData: zigZagDeltas([u, v, mesh.height]),
    // 16-bit indices reach vertex 65535 at most.
    indexBytes: count > 65536 ? 4 : 2,
    triangleCount: mesh.triangles.length / 3,
    indices: highWaterMark(mesh.triangles),
    edges,
    extensions,
  };
}

function writeTile(tile: TileLayout): Uint8Array {
  const out = new ByteWriter();
  const { header } = tile;
  header.center.forEach((value) => out.float64(value));
  out.float32(header.minHeight).float32(header.maxHeight);
  [...header.sphere.center, header.sphere.radius, ...header.horizon].forEach((value) => out.float64(value));

  out.uint32(tile.vertexCount);
  out.uint16s(tile.vertexData);

  out.align(tile.indexBytes);
  const indices = (values: ArrayLike<number>) => (tile.indexBytes === 4 ? out.uint32s(Uint32Array.from(values)) : out.uint16s(Uint16Array.from(values)));
  out.uint32(tile.triangleCount);
  indices(tile.indices);
  for (const edge of tile.edges) {
    out.uint32(edge.length);
    indices(edge);
  }

  for (const { id, data } of tile.extensions) out.uint8(id).uint32(data.length).bytes(data);
  return out.finish();
}

/** Each array coded as zig-zag deltas from its previous value (from 0), one after another. */
function zigZagDeltas(arrays: Uint16Array[]): Uint16Array {
  const out = new Uint16Array(arrays.reduce((sum, values) => sum + values.length, 0));
  let o = 0;
  for (const values of arrays) {
    let previous = 0;
    for (const value of values) {
      const delta = value - previous;
      out[o++] = (delta << 1) ^ (delta >> 31);
      previous = value;
    }
  }
  return out;
}

/** Each index as how far below the next unused index it lies, so a vertex's first use codes 0. */
function highWaterMark(triangles: Uint32Array): Uint32Array {
  const out = new Uint32Array(triangles.length);
  let highest = 0;
  for (let i = 0; i < triangles.length; i++) {
    const index = triangles[i]!;
    out[i] = highest - index;
    if (index === highest) highest++;
  }
  return out;
}

/** Renumbers vertices in the order the triangle list first uses them, as high-water-mark coding requires. */
function firstUseOrder(vertexCount: number, triangles: Uint32Array) {
  const newIndex = new Int32Array(vertexCount).fill(-1);
  const order: number[] = [];
  const remapped = new Uint32Array(triangles.length);
  for (let i = 0; i < triangles.length; i++) {
    const old = triangles[i]!;
    if (newIndex[old] === -1) {
      newIndex[old] = order.length;
      order.push(old);
    }
    remapped[i] = newIndex[old]!;
  }
  return { order, remapped };
}

function boundingSphere(ecef: Float64Array) {
  let [minX, minY, minZ] = [Infinity, Infinity, Infinity];
  let [maxX, maxY, maxZ] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < ecef.length; i += 3) {
    minX = Math.min(minX, ecef[i]!);
    minY = Math.min(minY, ecef[i + 1]!);
    minZ = Math.min(minZ, ecef[i + 2]!);
    maxX = Math.max(maxX, ecef[i]!);
    maxY = Math.max(maxY, ecef[i + 1]!);
    maxZ = Math.max(maxZ, ecef[i + 2]!);
  }
  const center: [number, number, number] = [(minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2];
  let radius = 0;
  for (let i = 0; i < ecef.length; i += 3) {
    radius = Math.max(radius, Math.hypot(ecef[i]! - center[0], ecef[i + 1]! - center[1], ecef[i + 2]! - center[2]));
  }
  return { center, radius };
}

/**
 * The point, in ellipsoid-scaled coordinates, that is below the horizon only when every vertex
 * is (Cesium's EllipsoidalOccluder.computeHorizonCullingPointFromVertices). Tiles too large for
 * one such point (a hemisphere at level 0) get a far point, which is never culled wrongly.
 */
function horizonOcclusionPoint(center: [number, number, number], ecef: Float64Array): [number, number, number] {
  const direction = normalize([center[0] / RADIUS_X, center[1] / RADIUS_X, center[2] / RADIUS_Z]);
  const [dx, dy, dz] = direction as [number, number, number];
  let magnitude = 0;
  for (let i = 0; i < ecef.length; i += 3) {
    const sx = ecef[i]! / RADIUS_X;
    const sy = ecef[i + 1]! / RADIUS_X;
    const sz = ecef[i + 2]! / RADIUS_Z;
    const norm = Math.sqrt(sx * sx + sy * sy + sz * sz);
    const length = Math.max(1, norm);
    const ux = sx / norm;
    const uy = sy / norm;
    const uz = sz / norm;
    const cosAlpha = ux * dx + uy * dy + uz * dz;
    const cx = uy * dz - uz * dy;
    const cy = uz * dx - ux * dz;
    const cz = ux * dy - uy * dx;
    const sinAlpha = Math.sqrt(cx * cx + cy * cy + cz * cz);
    const cosBeta = 1 / length;
    const sinBeta = Math.sqrt(length * length - 1) * cosBeta;
    const denominator = cosAlpha * cosBeta - sinAlpha * sinBeta;
    if (denominator <= 0) return direction.map((d) => d * 1e6) as [number, number, number];
    magnitude = Math.max(magnitude, 1 / denominator);
  }
  return direction.map((d) => d * magnitude) as [number, number, number];
}

/** Area-weighted vertex normals in ECEF, oct-encoded to two bytes (Cesium's AttributeCompression.octEncode). */
function octEncodedNormals(ecef: Float64Array, triangles: Uint32Array): Uint8Array {
  const sums = new Float64Array(ecef.length);
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t]! * 3;
    const b = triangles[t + 1]! * 3;
    const c = triangles[t + 2]! * 3;
    const abx = ecef[b]! - ecef[a]!;
    const aby = ecef[b + 1]! - ecef[a + 1]!;
    const abz = ecef[b + 2]! - ecef[a + 2]!;
    const acx = ecef[c]! - ecef[a]!;
    const acy = ecef[c + 1]! - ecef[a + 1]!;
    const acz = ecef[c + 2]! - ecef[a + 2]!;
    const nx = aby * acz - abz * acy;
    const ny = abz * acx - abx * acz;
    const nz = abx * acy - aby * acx;
    for (const vertex of [a, b, c]) {
      sums[vertex] = sums[vertex]! + nx;
      sums[vertex + 1] = sums[vertex + 1]! + ny;
      sums[vertex + 2] = sums[vertex + 2]! + nz;
    }
  }
  const out = new Uint8Array((ecef.length / 3) * 2);
  for (let i = 0, o = 0; i < ecef.length; i += 3, o += 2) {
    let x = sums[i]!;
    let y = sums[i + 1]!;
    let z = sums[i + 2]!;
    // Counter-clockwise triangles in (u, v) face up; a vertex on no triangle points away from the centre.
    if (x * ecef[i]! + y * ecef[i + 1]! + z * ecef[i + 2]! < 0) {
      x = -x;
      y = -y;
      z = -z;
    }
    if (x === 0 && y === 0 && z === 0) {
      x = ecef[i]!;
      y = ecef[i + 1]!;
      z = ecef[i + 2]!;
    }
    const length = Math.hypot(x, y, z);
    octEncode(x / length, y / length, z / length, out, o);
  }
  return out;
}

function octEncode(x: number, y: number, z: number, out: Uint8Array, offset: number): void {
  const l1 = Math.abs(x) + Math.abs(y) + Math.abs(z);
  let ox = x / l1;
  let oy = y / l1;
  if (z < 0) {
    const px = ox;
    const py = oy;
    ox = (1 - Math.abs(py)) * (px >= 0 ? 1 : -1);
    oy = (1 - Math.abs(px)) * (py >= 0 ? 1 : -1);
  }
  out[offset] = toByte(ox);
  out[offset + 1] = toByte(oy);
}

const toByte = (value: number) => Math.round((Math.min(Math.max(value, -1), 1) * 0.5 + 0.5) * 255);

const normalize = (a: number[]) => {
  const length = Math.hypot(a[0]!, a[1]!, a[2]!);
  return a.map((x) => x / length);
};
