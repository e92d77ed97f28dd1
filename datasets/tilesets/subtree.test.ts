import { describe, expect, it } from 'vitest';
import { levelOffset, mortonDecode, readSubtree } from './subtree.ts';

describe('implicit tiling subtrees', () => {
  it('decodes Morton indices as the 3D Tiles spec orders them, x in the lowest bit', () => {
    // Quadtree: index 11 (0b10_11) interleaves x = 0b01 and y = 0b11.
    expect(mortonDecode(11, 2)).toEqual([1, 3, 0]);
    expect([0, 1, 2, 3].map((i) => mortonDecode(i, 2))).toEqual([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]]);
    // Octree: x, y, z interleaved; 0b111_001 is x = 0b11, y = 0b10, z = 0b10.
    expect(mortonDecode(0b100, 3)).toEqual([0, 0, 1]);
    expect(mortonDecode(0b111_001, 3)).toEqual([3, 2, 2]);
  });

  it('numbers the tiles of a subtree level by level', () => {
    expect([0, 1, 2, 3].map((level) => levelOffset(level, 4))).toEqual([0, 1, 5, 21]);
    expect([0, 1, 2].map((level) => levelOffset(level, 8))).toEqual([0, 1, 9]);
  });

  it('reads availability from an external buffer, bit by bit from the lowest, and says what is wrong with a subtree that lacks one', async () => {
    const json = new TextEncoder().encode(
      JSON.stringify({
        buffers: [{ byteLength: 2, uri: 'available.bin' }],
        bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: 2 }],
        tileAvailability: { bitstream: 0 },
        contentAvailability: [{ constant: 0 }],
        childSubtreeAvailability: { constant: 1 },
      }),
    );
    const subtree = await readSubtree(json, async (uri) => (uri === 'available.bin' ? new Uint8Array([0b0000_0101, 0b1000_0000]) : new Uint8Array()));
    expect(Array.from({ length: 16 }, (_, bit) => subtree.tile(bit))).toEqual(Array.from({ length: 16 }, (_, bit) => [0, 2, 15].includes(bit)));
    expect(subtree.contents[0]!(0)).toBe(false);
    expect(subtree.childSubtree(7)).toBe(true);
    await expect(readSubtree(new TextEncoder().encode('{"contentAvailability": []}'), async () => new Uint8Array())).rejects.toThrow('has no tileAvailability');
    await expect(readSubtree(new TextEncoder().encode('not a subtree'), async () => new Uint8Array())).rejects.toThrow('is neither a binary subtree');
  });
});
