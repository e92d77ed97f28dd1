/**
 * Writes one tile's content as binary glTF 2.0: quantized positions (KHR_mesh_quantization),
 * byte normals, an ambient occlusion grey per vertex (COLOR_0), a feature id per vertex (EXT_mesh_features) and the features' properties as a
 * property table (EXT_structural_metadata).
 *
 * Written directly rather than through a glTF document library: property-table buffer views
 * must start on 8-byte boundaries, which general writers do not guarantee, and a tile is a
 * handful of buffer views whose layout we want to control for size.
 */

import { ByteWriter } from '../output/byteWriter.ts';
import { utf8Strings } from '../output/utf8Strings.ts';

const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const BYTE = 5120;
const UNSIGNED_BYTE = 5121;
const UNSIGNED_SHORT = 5123;
const UNSIGNED_INT = 5125;

export interface TileMesh {
  /** glTF axes (y up), metres, 3 per vertex. */
  positions: Float64Array;
  /** 4 per vertex (xyz, padding), −127…127. */
  normals: Int8Array;
  /** 4 per vertex (rgb, padding), 0–255, linear: multiplies the material's colour. */
  occlusion: Uint8Array;
  featureIds: Uint16Array;
  indices: Uint32Array;
  vertexCount: number;
  indexCount: number;
}

export type PropertyColumn =
  | { name: string; type: 'STRING'; values: string[] }
  | { name: string; type: 'FLOAT32' | 'UINT16' | 'UINT32'; values: number[]; noData?: number };

export interface PropertyTable {
  className: string;
  count: number;
  columns: PropertyColumn[];
}

export interface GlbOptions {
  /** Base colour, linear RGBA 0–1. */
  color: [number, number, number, number];
}

export function writeGlb(mesh: TileMesh, table: PropertyTable, options: GlbOptions): Uint8Array {
  const bin = new BinaryBuilder();
  const { vertexCount, indexCount } = mesh;
  const { quantized, min, max, translation, scale } = quantizePositions(mesh.positions, vertexCount);

  const position = bin.addView(new Uint8Array(quantized.buffer), { byteStride: 8, target: ARRAY_BUFFER });
  const normal = bin.addView(new Uint8Array(mesh.normals.buffer, 0, vertexCount * 4), { byteStride: 4, target: ARRAY_BUFFER });
  const occlusion = bin.addView(mesh.occlusion.subarray(0, vertexCount * 4), { byteStride: 4, target: ARRAY_BUFFER });
  const paddedIds = new Uint16Array(vertexCount * 2);
  for (let v = 0; v < vertexCount; v++) paddedIds[2 * v] = mesh.featureIds[v]!;
  const featureId = bin.addView(new Uint8Array(paddedIds.buffer), { byteStride: 4, target: ARRAY_BUFFER });
  const wide = vertexCount > 0xffff;
  const indexArray = wide ? mesh.indices.slice(0, indexCount) : Uint16Array.from(mesh.indices.subarray(0, indexCount));
  const indices = bin.addView(new Uint8Array(indexArray.buffer), { target: ELEMENT_ARRAY_BUFFER });

  const metadata = writePropertyTable(bin, table);

  const accessors = [
    { bufferView: position, componentType: UNSIGNED_SHORT, normalized: true, count: vertexCount, type: 'VEC3', min, max },
    { bufferView: normal, componentType: BYTE, normalized: true, count: vertexCount, type: 'VEC3' },
    { bufferView: featureId, componentType: UNSIGNED_SHORT, count: vertexCount, type: 'SCALAR' },
    { bufferView: occlusion, componentType: UNSIGNED_BYTE, normalized: true, count: vertexCount, type: 'VEC3' },
    { bufferView: indices, componentType: wide ? UNSIGNED_INT : UNSIGNED_SHORT, count: indexCount, type: 'SCALAR' },
  ];
  const json = {
    asset: { version: '2.0', generator: 'Wuyi Twin buildings tiler' },
    extensionsUsed: ['KHR_mesh_quantization', 'EXT_mesh_features', 'EXT_structural_metadata'],
    extensionsRequired: ['KHR_mesh_quantization'],
    extensions: { EXT_structural_metadata: metadata },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0, translation, scale }],
    meshes: [
      {
        primitives: [
          {
            attributes: { POSITION: 0, NORMAL: 1, _FEATURE_ID_0: 2, COLOR_0: 3 },
            indices: 4,
            material: 0,
            mode: 4,
            extensions: { EXT_mesh_features: { featureIds: [{ featureCount: table.count, attribute: 0, propertyTable: 0 }] } },
          },
        ],
      },
    ],
    materials: [
      { pbrMetallicRoughness: { baseColorFactor: options.color, metallicFactor: 0, roughnessFactor: 0.85 } },
    ],
    accessors,
    bufferViews: bin.views,
    buffers: [{ byteLength: bin.byteLength }],
  };
  return packGlb(json, bin.finish());
}

function quantizePositions(positions: Float64Array, count: number) {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let v = 0; v < count; v++) {
    for (let a = 0; a < 3; a++) {
      const p = positions[3 * v + a]!;
      if (p < min[a]!) min[a] = p;
      if (p > max[a]!) max[a] = p;
    }
  }
  const scale = min.map((m, a) => (max[a]! - m > 0 ? (max[a]! - m) / 65535 : 1));
  // Four uint16 per vertex: the fourth pads each position to 8 bytes, as glTF aligns vertex attributes to 4.
  const quantized = new Uint16Array(count * 4);
  const qMin = [65535, 65535, 65535];
  const qMax = [0, 0, 0];
  for (let v = 0; v < count; v++) {
    for (let a = 0; a < 3; a++) {
      const q = Math.round((positions[3 * v + a]! - min[a]!) / scale[a]!);
      quantized[4 * v + a] = q;
      if (q < qMin[a]!) qMin[a] = q;
      if (q > qMax[a]!) qMax[a] = q;
    }
  }
  // Normalized uint16 reads as q / 65535, so the node scales by the full range and shifts by the minimum.
  return { quantized, min: qMin, max: qMax, translation: min, scale: scale.map((s) => s * 65535) };
}

function writePropertyTable(bin: BinaryBuilder, table: PropertyTable) {
  const classProperties: Record<string, object> = {};
  const tableProperties: Record<string, object> = {};
  for (const column of table.columns) {
    if (column.type === 'STRING') {
      classProperties[column.name] = { type: 'STRING' };
      const { bytes, offsets } = utf8Strings(column.values);
      // A column of empty strings would need an empty buffer view, which glTF forbids; the
      // class keeps the property and the table leaves it out (readers see no value).
      if (bytes.length === 0) continue;
      tableProperties[column.name] = {
        values: bin.addView(bytes, { align: 8 }),
        stringOffsets: bin.addView(new Uint8Array(offsets.buffer, 0, offsets.byteLength), { align: 8 }),
        stringOffsetType: 'UINT32',
      };
    } else {
      classProperties[column.name] = {
        type: 'SCALAR',
        componentType: column.type,
        ...(column.noData === undefined ? {} : { noData: column.noData }),
      };
      const typed =
        column.type === 'FLOAT32' ? Float32Array.from(column.values)
        : column.type === 'UINT16' ? Uint16Array.from(column.values)
        : Uint32Array.from(column.values);
      tableProperties[column.name] = { values: bin.addView(new Uint8Array(typed.buffer), { align: 8 }) };
    }
  }
  return {
    schema: { id: 'wuyi_twin', classes: { [table.className]: { properties: classProperties } } },
    propertyTables: [{ class: table.className, count: table.count, properties: tableProperties }],
  };
}

interface BufferView {
  buffer: 0;
  byteOffset: number;
  byteLength: number;
  byteStride?: number;
  target?: number;
}

/** The GLB's binary chunk, built view by view with the alignment each view needs. */
class BinaryBuilder {
  readonly views: BufferView[] = [];
  private readonly out = new ByteWriter();

  get byteLength(): number {
    return this.out.length;
  }

  addView(bytes: Uint8Array, { align = 4, byteStride, target }: { align?: number; byteStride?: number; target?: number }): number {
    this.out.align(align);
    this.views.push({ buffer: 0, byteOffset: this.out.length, byteLength: bytes.byteLength, ...(byteStride ? { byteStride } : {}), ...(target ? { target } : {}) });
    this.out.bytes(bytes);
    return this.views.length - 1;
  }

  finish(): Uint8Array {
    return this.out.finish();
  }
}

function packGlb(json: object, bin: Uint8Array): Uint8Array {
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  // Each chunk's length, and the total, come before the chunk.
  const jsonLength = align4(jsonBytes.length);
  const binLength = align4(bin.length);
  const total = 12 + 8 + jsonLength + 8 + binLength;
  const out = new ByteWriter(total);
  out.uint32(0x46546c67).uint32(2).uint32(total); // "glTF", version 2
  out.uint32(jsonLength).uint32(0x4e4f534a).bytes(jsonBytes).align(4, 0x20); // "JSON", padded with spaces
  out.uint32(binLength).uint32(0x004e4942).bytes(bin).align(4); // "BIN\0"
  return out.finish();
}

const align4 = (n: number) => (n + 3) & ~3;
