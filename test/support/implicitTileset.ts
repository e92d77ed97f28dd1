import { type Block, boxesGlb, writeDelivery } from './boxTileset.ts';

/** A cell of the deepest level of an implicit quadtree over a square, and the block standing in it. */
export interface ImplicitCell {
  x: number;
  y: number;
  height: number;
}

/** Five of the sixteen cells, with blocks of different heights: the tests' implicit delivery. */
export const IMPLICIT_CELLS: readonly ImplicitCell[] = [
  { x: 0, y: 0, height: 20 },
  { x: 1, y: 2, height: 35 },
  { x: 3, y: 1, height: 12 },
  { x: 2, y: 3, height: 28 },
  { x: 3, y: 3, height: 40 },
];

export const IMPLICIT_SIZE = 200;
/** The deepest level: 4 × 4 cells of 50 m. */
export const IMPLICIT_LEVEL = 2;
const CELLS = 2 ** IMPLICIT_LEVEL;

/**
 * A 3D Tiles 1.1 tileset with implicit tiling as the official samples have it, in a local frame: a
 * quadtree over a 200 m square (subtrees of two levels, three levels available), whose root
 * subtree (binary, with a bitstream) makes available one child subtree per cell given, each of
 * which holds that cell's tile with one glb content: a block in the middle of the cell.
 * Returns the content files written, relative to `dir`.
 */
export async function writeImplicitTileset(dir: string, cells: readonly ImplicitCell[], colour: [number, number, number]): Promise<string[]> {
  const top = Math.max(...cells.map((cell) => cell.height));
  const files: Record<string, Uint8Array | object> = {
    'tileset.json': {
      asset: { version: '1.1' },
      geometricError: 400,
      root: {
        boundingVolume: { box: [IMPLICIT_SIZE / 2, IMPLICIT_SIZE / 2, top / 2, IMPLICIT_SIZE / 2, 0, 0, 0, IMPLICIT_SIZE / 2, 0, 0, 0, top / 2] },
        geometricError: 400,
        refine: 'REPLACE',
        content: { uri: 'content/{level}/{x}/{y}.glb' },
        implicitTiling: { subdivisionScheme: 'QUADTREE', subtreeLevels: 2, availableLevels: IMPLICIT_LEVEL + 1, subtrees: { uri: 'subtrees/{level}/{x}/{y}.subtree' } },
      },
    },
  };
  const children = new Uint8Array(8);
  for (const { x, y } of cells) {
    const bit = morton(x, y);
    children[bit >> 3]! |= 1 << (bit & 7);
  }
  files['subtrees/0/0/0.subtree'] = subtree(
    { buffers: [{ byteLength: 8 }], bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: 2 }], tileAvailability: { constant: 1 }, contentAvailability: [{ constant: 0 }], childSubtreeAvailability: { bitstream: 0 } },
    children,
  );
  const contents: string[] = [];
  const cellSize = IMPLICIT_SIZE / CELLS;
  for (const { x, y, height } of cells) {
    files[`subtrees/${IMPLICIT_LEVEL}/${x}/${y}.subtree`] = subtree({ tileAvailability: { constant: 1 }, contentAvailability: [{ constant: 1 }], childSubtreeAvailability: { constant: 0 } }, new Uint8Array(0));
    const block: Block = { x: x * cellSize + 10, y: y * cellSize + 10, width: cellSize - 20, depth: cellSize - 20, height };
    const content = `content/${IMPLICIT_LEVEL}/${x}/${y}.glb`;
    files[content] = boxesGlb([block], colour);
    contents.push(content);
  }
  await writeDelivery(dir, files);
  return contents;
}

/** The Morton index of a quadtree cell: x in the lowest bit. */
function morton(x: number, y: number): number {
  let index = 0;
  for (let bit = 0; bit < 16; bit++) index |= (((x >> bit) & 1) << (2 * bit)) | (((y >> bit) & 1) << (2 * bit + 1));
  return index;
}

/** A binary subtree: the `subt` header, its JSON padded to 8 bytes, its binary chunk. */
function subtree(json: object, binary: Uint8Array): Uint8Array {
  const text = new TextEncoder().encode(JSON.stringify(json));
  const jsonLength = Math.ceil(text.length / 8) * 8;
  const out = new Uint8Array(24 + jsonLength + binary.length);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('subt'), 0);
  view.setUint32(4, 1, true);
  view.setBigUint64(8, BigInt(jsonLength), true);
  view.setBigUint64(16, BigInt(binary.length), true);
  out.fill(0x20, 24, 24 + jsonLength);
  out.set(text, 24);
  out.set(binary, 24 + jsonLength);
  return out;
}
