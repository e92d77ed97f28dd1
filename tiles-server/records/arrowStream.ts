import { AsyncByteQueue, RecordBatch, RecordBatchStreamWriter, Schema, Struct, makeBuilder, makeData } from 'apache-arrow';
import { type Column, arrowField, arrowValue } from './tableColumns.ts';

/**
 * The writer's output, kept as it is written. The writer writes into an AsyncByteQueue it is
 * given as it is (any other sink it puts behind a queue of its own), synchronously, so the bytes
 * one record batch adds can be taken right after writing it, and sent when the client wants them.
 */
class WrittenBytes extends AsyncByteQueue {
  private chunks: Uint8Array[] = [];

  override write(value: Uint8Array): void {
    this.chunks.push(value);
  }

  take(): Uint8Array {
    const taken = new Uint8Array(this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
    let offset = 0;
    for (const chunk of this.chunks) {
      taken.set(chunk, offset);
      offset += chunk.byteLength;
    }
    this.chunks = [];
    return taken;
  }
}

function recordBatch<T>(schema: Schema, columns: readonly Column<T>[], records: readonly T[]): RecordBatch {
  const children = columns.map((column, i) => {
    const builder = makeBuilder({ type: schema.fields[i]!.type, nullValues: [null] });
    for (const record of records) builder.append(arrowValue(column.type, column.cell(record)));
    return builder.finish().flush();
  });
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: records.length, nullCount: 0, children }));
}

/** How long a client may leave a chunk untaken before its read is ended: a reader that stopped reading would hold a store connection open. */
const STALL_MS = 30_000;

/**
 * Records as an Arrow IPC stream, one record batch per chunk, each chunk read from the store only
 * when the client has taken the one before: a table of millions of readings never sits whole in
 * memory. The first chunk is read before the answer starts, so a store that cannot answer gives
 * an error status rather than a table cut short; the schema goes first even when there are no
 * records.
 */
export async function arrowStream<T>(columns: readonly Column<T>[], chunks: AsyncIterable<readonly T[]>, { stallMs = STALL_MS } = {}): Promise<ReadableStream<Uint8Array>> {
  const schema = new Schema(columns.map(arrowField));
  const records = chunks[Symbol.asyncIterator]();
  let first: IteratorResult<readonly T[]> | undefined = await records.next();
  const bytes = new WrittenBytes();
  const writer = new RecordBatchStreamWriter();
  writer.reset(bytes, schema);
  let stall: ReturnType<typeof setTimeout> | undefined;
  const send = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    controller.enqueue(bytes.take());
    stall = setTimeout(() => {
      controller.error(new Error(`The client took no data for ${stallMs} ms`));
      void records.return?.();
    }, stallMs);
    stall.unref();
  };
  return new ReadableStream<Uint8Array>({
    start: send,
    pull: async (controller) => {
      clearTimeout(stall);
      let chunk = first ?? (await records.next());
      first = undefined;
      // A chunk left empty by the caller's filter adds nothing to send: read on to one that does.
      while (!chunk.done && chunk.value.length === 0) chunk = await records.next();
      if (chunk.done) {
        writer.finish();
        controller.enqueue(bytes.take());
        controller.close();
        return;
      }
      writer.write(recordBatch(schema, columns, chunk.value));
      send(controller);
    },
    cancel: async () => {
      clearTimeout(stall);
      await records.return?.();
    },
  });
}
