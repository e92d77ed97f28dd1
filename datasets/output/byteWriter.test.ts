import { describe, expect, it } from 'vitest';
import { ByteWriter } from './byteWriter.ts';

describe('ByteWriter', () => {
  it('writes little-endian values one after another', () => {
    const bytes = new ByteWriter().uint8(0xab).uint16(0x0102).uint32(0x03040506).float32(1.5).float64(-2).finish();
    const view = new DataView(bytes.buffer);
    expect(bytes.length).toBe(1 + 2 + 4 + 4 + 8);
    expect([...bytes.subarray(0, 7)]).toEqual([0xab, 0x02, 0x01, 0x06, 0x05, 0x04, 0x03]);
    expect(view.getFloat32(7, true)).toBe(1.5);
    expect(view.getFloat64(11, true)).toBe(-2);
  });

  it('pads to an alignment with the fill given, and not when already aligned', () => {
    const out = new ByteWriter().bytes(Uint8Array.of(1, 2, 3)).align(4, 0x20).align(4);
    expect(out.length).toBe(4);
    expect([...out.uint8(9).align(8).finish()]).toEqual([1, 2, 3, 0x20, 9, 0, 0, 0]);
  });

  it('grows past its capacity and returns exactly what was written', () => {
    const out = new ByteWriter(2);
    for (let i = 0; i < 1000; i++) out.uint16(i);
    const bytes = out.finish();
    expect(bytes.buffer.byteLength).toBe(2000);
    expect(new DataView(bytes.buffer).getUint16(2 * 999, true)).toBe(999);
  });
});
