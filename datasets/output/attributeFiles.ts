import { join } from 'node:path';
import { Float32, Float64, Table, Uint16, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { Compression, Table as ParquetTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import { writeDataFile } from './writeDataFile.ts';

/** One column of a layer's attribute file. */
export type AttributeColumn =
  | { name: string; type: 'utf8'; values: string[] }
  | { name: string; type: 'float64' | 'float32' | 'uint16'; values: ArrayLike<number> };

const arrowTypes = { float64: new Float64(), float32: new Float32(), uint16: new Uint16() };

/**
 * Writes a layer's attributes as `<name>.arrow` (Arrow IPC file, which DuckDB-WASM reads in the
 * browser with no extension) and `<name>.parquet` (ZSTD, for desktop tools).
 */
export async function writeAttributeFiles(outDir: string, columns: AttributeColumn[], name = 'attributes'): Promise<void> {
  const table = new Table(
    Object.fromEntries(
      columns.map((column) => [
        column.name,
        column.type === 'utf8' ? vectorFromArray(column.values, new Utf8()) : vectorFromArray(Array.from(column.values), arrowTypes[column.type]),
      ]),
    ),
  );
  await writeDataFile(join(outDir, `${name}.arrow`), tableToIPC(table, 'file'), { gzip: true });
  const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  const parquet = writeParquet(ParquetTable.fromIPCStream(tableToIPC(table, 'stream')), properties);
  await writeDataFile(join(outDir, `${name}.parquet`), parquet);
}
