const encoder = new TextEncoder();

/**
 * Strings as one UTF-8 buffer and the offset of each (and of the end), as Arrow's text columns
 * and glTF's string properties store them: one value at a time into buffers grown as they go
 * was ten times slower for a layer's hundred thousand geometries.
 */
export function utf8Strings(values: readonly string[]): { bytes: Uint8Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(values.length + 1);
  let characters = 0;
  for (const value of values) characters += value.length;
  let bytes = new Uint8Array(Math.max(64, Math.ceil(characters * 1.25)));
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let { read, written } = encoder.encodeInto(value, bytes.subarray(at));
    while (read! < value.length) {
      // Wider characters than guessed: grow and encode the value again.
      const grown = new Uint8Array(bytes.length * 2 + value.length * 3);
      grown.set(bytes.subarray(0, at));
      bytes = grown;
      ({ read, written } = encoder.encodeInto(value, bytes.subarray(at)));
    }
    at += written!;
    offsets[i + 1] = at;
  }
  return { bytes: bytes.subarray(0, at), offsets };
}
