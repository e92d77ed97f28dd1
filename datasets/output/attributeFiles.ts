import { join } from 'node:path';
import { Table, Utf8, makeData, makeVector, tableToIPC } from 'apache-arrow';
import { parquetInWorker } from './parquetInWorker.ts';
import { writeDataFile } from './writeDataFile.ts';

/** One column of a layer's attribute file. */
export type AttributeColumn =
  | { name: string; type: 'utf8'; values: string[] }
  | { name: string; type: 'float64' | 'float32' | 'uint16'; values: ArrayLike<number> };

const typedArrays = { float64: Float64Array, float32: Float32Array, uint16: Uint16Array };

/**
 * Writes a layer's attributes as `<name>.arrow` (Arrow IPC file, which DuckDB-WASM reads in the
 * browser with no extension) and `<name>.parquet` (ZSTD, for desktop tools), made beside it.
 */
export async function writeAttributeFiles(outDir: string, columns: AttributeColumn[], name = 'attributes'): Promise<void> {
  const table = new Table(
    Object.fromEntries(
      columns.map((column) => [column.name, column.type === 'utf8' ? utf8Vector(column.values) : makeVector(typedArrays[column.type].from(column.values))]),
    ),
  );
  const parquet = parquetInWorker(tableToIPC(table, 'stream'));
  await writeDataFile(join(outDir, `${name}.arrow`), tableToIPC(table, 'file'), { gzip: true });
  await writeDataFile(join(outDir, `${name}.parquet`), await parquet);
}

const encoder = new TextEncoder();

/**
 * A text column encoded into one buffer: Arrow's builder encodes value by value into buffers it
 * grows, about ten times slower for a layer's hundred thousand geometries.
 */
export function utf8Vector(values: string[]) {
  const offsets = new Int32Array(values.length + 1);
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
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets: offsets, data: bytes.subarray(0, at) }));
}
