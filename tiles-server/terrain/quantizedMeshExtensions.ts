/** Extension ids of quantized-mesh-1.0 and the names clients ask for them by in `Accept`. */
const extensionNames: Record<number, string> = { 1: 'octvertexnormals', 2: 'watermask', 4: 'metadata' };

/** Byte offset where a tile's extensions begin (after the header, vertices, indices and edge lists). */
function extensionsStart(tile: Uint8Array): number {
  const view = new DataView(tile.buffer, tile.byteOffset, tile.byteLength);
  const vertexCount = view.getUint32(88, true);
  const indexBytes = vertexCount > 65536 ? 4 : 2;
  let offset = 92 + vertexCount * 6;
  offset += (indexBytes - (offset % indexBytes)) % indexBytes;
  offset += 4 + view.getUint32(offset, true) * 3 * indexBytes;
  for (let edge = 0; edge < 4; edge++) offset += 4 + view.getUint32(offset, true) * indexBytes;
  return offset;
}

/** Ids of the extensions a tile carries. */
export function tileExtensions(tile: Uint8Array): string[] {
  const view = new DataView(tile.buffer, tile.byteOffset, tile.byteLength);
  const names: string[] = [];
  for (let offset = extensionsStart(tile); offset + 5 <= tile.byteLength; offset += 5 + view.getUint32(offset + 1, true)) {
    names.push(extensionNames[view.getUint8(offset)] ?? `extension-${view.getUint8(offset)}`);
  }
  return names;
}

/** The tile with only the extensions in `keep`: a client that did not ask for one must not receive it. */
export function keepExtensions(tile: Uint8Array, keep: Set<string>): Uint8Array {
  const view = new DataView(tile.buffer, tile.byteOffset, tile.byteLength);
  const start = extensionsStart(tile);
  const parts = [tile.subarray(0, start)];
  for (let offset = start; offset + 5 <= tile.byteLength; ) {
    const end = offset + 5 + view.getUint32(offset + 1, true);
    if (keep.has(extensionNames[view.getUint8(offset)] ?? '')) parts.push(tile.subarray(offset, end));
    offset = end;
  }
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let position = 0;
  for (const part of parts) {
    out.set(part, position);
    position += part.length;
  }
  return out;
}
