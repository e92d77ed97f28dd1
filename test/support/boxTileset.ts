import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A block of a photogrammetry-like mesh: a box, in metres of a local frame (x east, y north, z up). */
export interface Block {
  x: number;
  y: number;
  width: number;
  depth: number;
  height: number;
}

/**
 * A delivery as a survey contractor's 3D Tiles 1.0 export has it, in a local frame: `tileset.json`
 * whose root holds the first block as b3dm and links an external tileset (`part/tileset.json`)
 * holding the others, each a b3dm of plain glTF 2.0 in one colour. Returns the files written,
 * relative to `dir`.
 */
export async function writeBoxTileset(dir: string, blocks: Block[], colour: [number, number, number]): Promise<string[]> {
  const [first, ...rest] = blocks;
  const files: Record<string, Uint8Array | object> = {
    'tileset.json': {
      asset: { version: '1.0', generator: 'test delivery' },
      geometricError: 200,
      root: {
        boundingVolume: { box: boxOf(blocks) },
        geometricError: 50,
        refine: 'ADD',
        content: { uri: 'block-0.b3dm' },
        children: rest.length > 0 ? [{ boundingVolume: { box: boxOf(rest) }, geometricError: 0, content: { uri: 'part/tileset.json' } }] : [],
      },
    },
    'block-0.b3dm': b3dm(boxesGlb([first!], colour)),
  };
  if (rest.length > 0) {
    files['part/tileset.json'] = {
      asset: { version: '1.0' },
      geometricError: 50,
      root: { boundingVolume: { box: boxOf(rest) }, geometricError: 0, content: { uri: 'blocks.b3dm' } },
    };
    files['part/blocks.b3dm'] = b3dm(boxesGlb(rest, colour));
  }
  await writeDelivery(dir, files);
  return Object.keys(files);
}

/** Writes a delivery's files under `dir`: bytes as they are, anything else as JSON. */
export async function writeDelivery(dir: string, files: Record<string, Uint8Array | object>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content instanceof Uint8Array ? content : JSON.stringify(content));
  }
}

/** The oriented box (centre, three half-axes) around blocks, in their frame. */
function boxOf(blocks: Block[]): number[] {
  const west = Math.min(...blocks.map((b) => b.x));
  const east = Math.max(...blocks.map((b) => b.x + b.width));
  const south = Math.min(...blocks.map((b) => b.y));
  const north = Math.max(...blocks.map((b) => b.y + b.depth));
  const top = Math.max(...blocks.map((b) => b.height));
  return [(west + east) / 2, (south + north) / 2, top / 2, (east - west) / 2, 0, 0, 0, (north - south) / 2, 0, 0, 0, top / 2];
}

/** A b3dm of a glb: its header, a feature table of no batch (one continuous mesh, as photogrammetry is), the glb. */
export function b3dm(glb: Uint8Array): Uint8Array {
  const featureTable = padded(new TextEncoder().encode(JSON.stringify({ BATCH_LENGTH: 0 })), 0x20, 28);
  const out = new Uint8Array(28 + featureTable.length + glb.length);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('b3dm'), 0);
  view.setUint32(4, 1, true);
  view.setUint32(8, out.length, true);
  view.setUint32(12, featureTable.length, true);
  out.set(featureTable, 28);
  out.set(glb, 28 + featureTable.length);
  return out;
}

/** Plain glTF 2.0 of boxes, y up as glTF has it (so local north is −z), flat-shaded. */
export function boxesGlb(blocks: Block[], colour: [number, number, number]): Uint8Array {
  const mesh = new LocalMesh();
  for (const { x, y, width, depth, height } of blocks) {
    const [x1, y1] = [x + width, y + depth];
    mesh.face([[x, y, height], [x1, y, height], [x1, y1, height], [x, y1, height]], [0, 0, 1]);
    mesh.face([[x, y, 0], [x1, y, 0], [x1, y, height], [x, y, height]], [0, -1, 0]);
    mesh.face([[x1, y, 0], [x1, y1, 0], [x1, y1, height], [x1, y, height]], [1, 0, 0]);
    mesh.face([[x1, y1, 0], [x, y1, 0], [x, y1, height], [x1, y1, height]], [0, 1, 0]);
    mesh.face([[x, y1, 0], [x, y, 0], [x, y, height], [x, y1, height]], [-1, 0, 0]);
  }
  return mesh.glb(colour);
}

/** Triangles in a local frame (x east, y north, z up), kept as glTF has them: y up, north −z. */
export class LocalMesh {
  private readonly positions: number[] = [];
  private readonly normals: number[] = [];
  private readonly indices: number[] = [];

  /** A flat polygon of `corners` facing `normal`, as `triangles` (indices into corners; default a quad's two). */
  face(corners: number[][], normal: number[], triangles: number[] = [0, 1, 2, 0, 2, 3]): void {
    const base = this.positions.length / 3;
    for (const [x, y, z] of corners) {
      this.positions.push(x!, z!, -y!);
      this.normals.push(normal[0]!, normal[2]!, -normal[1]!);
    }
    for (const index of triangles) this.indices.push(base + index);
  }

  glb([red, green, blue]: [number, number, number]): Uint8Array {
    const { positions, normals, indices } = this;
    const positionBytes = new Uint8Array(Float32Array.from(positions).buffer);
    const normalBytes = new Uint8Array(Float32Array.from(normals).buffer);
    const indexBytes = new Uint8Array(Uint32Array.from(indices).buffer);
    const bin = new Uint8Array(positionBytes.length + normalBytes.length + indexBytes.length);
    bin.set(positionBytes, 0);
    bin.set(normalBytes, positionBytes.length);
    bin.set(indexBytes, positionBytes.length + normalBytes.length);
    const vertexCount = positions.length / 3;
    const min = [0, 1, 2].map((axis) => Math.min(...positions.filter((_, i) => i % 3 === axis)));
    const max = [0, 1, 2].map((axis) => Math.max(...positions.filter((_, i) => i % 3 === axis)));
    const json = {
      asset: { version: '2.0' },
      scene: 0,
      scenes: [{ nodes: [0] }],
      nodes: [{ mesh: 0 }],
      meshes: [{ primitives: [{ attributes: { POSITION: 0, NORMAL: 1 }, indices: 2, material: 0 }] }],
      materials: [{ pbrMetallicRoughness: { baseColorFactor: [red / 255, green / 255, blue / 255, 1], metallicFactor: 0, roughnessFactor: 1 } }],
      buffers: [{ byteLength: bin.length }],
      bufferViews: [
        { buffer: 0, byteOffset: 0, byteLength: positionBytes.length, target: 34962 },
        { buffer: 0, byteOffset: positionBytes.length, byteLength: normalBytes.length, target: 34962 },
        { buffer: 0, byteOffset: positionBytes.length + normalBytes.length, byteLength: indexBytes.length, target: 34963 },
      ],
      accessors: [
        { bufferView: 0, componentType: 5126, count: vertexCount, type: 'VEC3', min, max },
        { bufferView: 1, componentType: 5126, count: vertexCount, type: 'VEC3' },
        { bufferView: 2, componentType: 5125, count: indices.length, type: 'SCALAR' },
      ],
    };
    const jsonChunk = padded(new TextEncoder().encode(JSON.stringify(json)), 0x20, 0);
    const binChunk = padded(bin, 0, 0);
    const out = new Uint8Array(12 + 8 + jsonChunk.length + 8 + binChunk.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, 0x46546c67, true); // glTF
    view.setUint32(4, 2, true);
    view.setUint32(8, out.length, true);
    view.setUint32(12, jsonChunk.length, true);
    view.setUint32(16, 0x4e4f534a, true); // JSON
    out.set(jsonChunk, 20);
    view.setUint32(20 + jsonChunk.length, binChunk.length, true);
    view.setUint32(24 + jsonChunk.length, 0x004e4942, true); // BIN
    out.set(binChunk, 28 + jsonChunk.length);
    return out;
  }
}

/** `bytes` padded with `fill` so that, starting at `offset`, they end on an 8-byte boundary. */
function padded(bytes: Uint8Array, fill: number, offset: number): Uint8Array {
  const length = Math.ceil((offset + bytes.length) / 8) * 8 - offset;
  const out = new Uint8Array(length).fill(fill);
  out.set(bytes);
  return out;
}
