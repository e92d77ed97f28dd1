/**
 * A subtree of 3D Tiles 1.1 implicit tiling, read: which of its tiles exist, which hold each
 * content, and which child subtrees exist, each by its bit index (levels one after another,
 * tiles of a level in Morton order).
 */
export interface Subtree {
  tile: (bit: number) => boolean;
  contents: ((bit: number) => boolean)[];
  childSubtree: (bit: number) => boolean;
}

interface Availability {
  constant?: number;
  bitstream?: number;
  /** The name drafts of the extension used for bitstream. */
  bufferView?: number;
}

interface SubtreeJson {
  buffers?: { byteLength: number; uri?: string }[];
  bufferViews?: { buffer: number; byteOffset: number; byteLength: number }[];
  tileAvailability?: Availability;
  contentAvailability?: Availability[];
  childSubtreeAvailability?: Availability;
}

const SUBTREE_MAGIC = 0x74627573; // "subt"

/**
 * Reads a subtree file, binary (`subt` header, JSON, binary chunk) or JSON; `readBuffer` reads
 * an external buffer by its URI. Throws an Error that says what is wrong with it.
 */
export async function readSubtree(bytes: Uint8Array, readBuffer: (uri: string) => Promise<Uint8Array>): Promise<Subtree> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let json: SubtreeJson;
  let binary: Uint8Array = new Uint8Array(0);
  if (bytes.byteLength >= 24 && view.getUint32(0, true) === SUBTREE_MAGIC) {
    const jsonLength = Number(view.getBigUint64(8, true));
    const binaryLength = Number(view.getBigUint64(16, true));
    if (24 + jsonLength + binaryLength > bytes.byteLength) throw new Error(`its header says ${24 + jsonLength + binaryLength} bytes but the file has ${bytes.byteLength}`);
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(24, 24 + jsonLength))) as SubtreeJson;
    binary = bytes.subarray(24 + jsonLength, 24 + jsonLength + binaryLength);
  } else {
    try {
      json = JSON.parse(new TextDecoder().decode(bytes)) as SubtreeJson;
    } catch {
      throw new Error('is neither a binary subtree (subt) nor subtree JSON');
    }
  }
  const buffers = await Promise.all(
    (json.buffers ?? []).map(async (buffer, i) => {
      const data = buffer.uri === undefined ? binary : await readBuffer(buffer.uri);
      if (data.byteLength < buffer.byteLength) throw new Error(`buffer ${i} has ${data.byteLength} bytes of the ${buffer.byteLength} it declares`);
      return data;
    }),
  );
  const bits = (availability: Availability | undefined, name: string): ((bit: number) => boolean) => {
    if (!availability) throw new Error(`has no ${name}`);
    if (availability.constant !== undefined) return () => availability.constant === 1;
    const index = availability.bitstream ?? availability.bufferView;
    const bufferView = index === undefined ? undefined : json.bufferViews?.[index];
    const buffer = bufferView && buffers[bufferView.buffer];
    if (!bufferView || !buffer || bufferView.byteOffset + bufferView.byteLength > buffer.byteLength) throw new Error(`${name} points at no bitstream it holds`);
    const stream = buffer.subarray(bufferView.byteOffset, bufferView.byteOffset + bufferView.byteLength);
    return (bit) => ((stream[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
  };
  return {
    tile: bits(json.tileAvailability, 'tileAvailability'),
    contents: (json.contentAvailability ?? []).map((availability, i) => bits(availability, `contentAvailability[${i}]`)),
    childSubtree: bits(json.childSubtreeAvailability, 'childSubtreeAvailability'),
  };
}

/** The first bit of a subtree's level `level` (all tiles of the levels above come first). */
export function levelOffset(level: number, branching: 4 | 8): number {
  return (branching ** level - 1) / (branching - 1);
}

/** A Morton index's tile coordinates (x in the lowest bit, then y, then z for an octree). */
export function mortonDecode(index: number, dimensions: 2 | 3): [number, number, number] {
  const xyz: [number, number, number] = [0, 0, 0];
  for (let bit = 0; index > 0; bit++) {
    for (let axis = 0; axis < dimensions; axis++) {
      xyz[axis]! |= (index % 2) << bit;
      index = Math.floor(index / 2);
    }
  }
  return xyz;
}
