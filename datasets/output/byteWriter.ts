const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Little-endian binary output, written front to back (quantized-mesh tiles, GLB). The buffer
 * grows as it is written, so a format's byte offsets follow from what it writes, with its
 * alignment padding, instead of being computed beside it.
 */
export class ByteWriter {
  private buffer: Uint8Array;
  private view: DataView;
  private position = 0;

  constructor(capacity = 1024) {
    this.buffer = new Uint8Array(capacity);
    this.view = new DataView(this.buffer.buffer);
  }

  /** Bytes written so far: the offset the next write goes to. */
  get length(): number {
    return this.position;
  }

  uint8(value: number): this {
    this.reserve(1).view.setUint8(this.position, value);
    this.position += 1;
    return this;
  }

  uint16(value: number): this {
    this.reserve(2).view.setUint16(this.position, value, true);
    this.position += 2;
    return this;
  }

  uint32(value: number): this {
    this.reserve(4).view.setUint32(this.position, value, true);
    this.position += 4;
    return this;
  }

  float32(value: number): this {
    this.reserve(4).view.setFloat32(this.position, value, true);
    this.position += 4;
    return this;
  }

  float64(value: number): this {
    this.reserve(8).view.setFloat64(this.position, value, true);
    this.position += 8;
    return this;
  }

  /** Many uint16 at once: a copy where the platform is little-endian, as the output is. */
  uint16s(values: Uint16Array): this {
    if (LITTLE_ENDIAN) return this.bytes(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    for (const value of values) this.uint16(value);
    return this;
  }

  uint32s(values: Uint32Array): this {
    if (LITTLE_ENDIAN) return this.bytes(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    for (const value of values) this.uint32(value);
    return this;
  }

  bytes(bytes: Uint8Array): this {
    this.reserve(bytes.byteLength).buffer.set(bytes, this.position);
    this.position += bytes.byteLength;
    return this;
  }

  /** Pads with `fill` up to the next multiple of `alignment`. */
  align(alignment: number, fill = 0): this {
    const padding = (alignment - (this.position % alignment)) % alignment;
    this.reserve(padding).buffer.fill(fill, this.position, this.position + padding);
    this.position += padding;
    return this;
  }

  /** What was written, in a buffer of exactly its length. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.position);
  }

  private reserve(bytes: number): this {
    if (this.position + bytes > this.buffer.length) {
      const grown = new Uint8Array(Math.max(2 * this.buffer.length, this.position + bytes));
      grown.set(this.buffer.subarray(0, this.position));
      this.buffer = grown;
      this.view = new DataView(grown.buffer);
    }
    return this;
  }
}
