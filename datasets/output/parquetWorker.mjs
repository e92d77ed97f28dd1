// Plain JavaScript: the pipeline also runs inside the test runner, whose TypeScript transform
// does not reach worker threads.
import { parentPort } from 'node:worker_threads';
import { Compression, Table, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';

const properties = () => new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();

/** An Arrow IPC stream in, the same table as ZSTD Parquet out (or why not). */
parentPort.on('message', ({ id, ipc }) => {
  try {
    const parquet = writeParquet(Table.fromIPCStream(ipc), properties());
    parentPort.postMessage({ id, parquet }, [parquet.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
