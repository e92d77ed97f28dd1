import { join } from 'node:path';
import { Table, Utf8, makeData, makeVector, tableToIPC } from 'apache-arrow';
import { Compression, Table as ParquetTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import { utf8Strings } from './utf8Strings.ts';
import { writeDataFile } from './writeDataFile.ts';

/** One column of a layer's attribute file. */
export type AttributeColumn =
  | { name: string; type: 'utf8'; values: string[] }
  | { name: string; type: 'float64' | 'float32' | 'uint16'; values: ArrayLike<number> };

const typedArrays = { float64: Float64Array, float32: Float32Array, uint16: Uint16Array };

/**
 * Writes a layer's attributes as `<name>.arrow` (Arrow IPC file, which DuckDB-WASM reads in the
 * browser with no extension) and `<name>.parquet` (ZSTD, for desktop tools).
 */
export async function writeAttributeFiles(outDir: string, columns: AttributeColumn[], name = 'attributes'): Promise<void> {
  const table = new Table(
    Object.fromEntries(
      columns.map((column) => [column.name, column.type === 'utf8' ? utf8Vector(column.values) : makeVector(typedArrays[column.type].from(column.values))]),
    ),
  );
  await writeDataFile(join(outDir, `${name}.arrow`), tableToIPC(table, 'file'), { gzip: true });
  const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  await writeDataFile(join(outDir, `${name}.parquet`), writeParquet(ParquetTable.fromIPCStream(tableToIPC(table, 'stream')), properties));
}

/** A text column from its strings encoded into one buffer. */
export function utf8Vector(values: string[]) {
  const { bytes, offsets } = utf8Strings(values);
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets: new Int32Array(offsets.buffer, 0, offsets.length), data: bytes }));
}
