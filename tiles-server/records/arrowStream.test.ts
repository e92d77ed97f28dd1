import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowStream } from './arrowStream.ts';
import { column } from './tableColumns.ts';

interface Reading {
  pointId: string;
  at: string;
  value: number | null;
}
const COLUMNS = [column<Reading>('point_id', 'VARCHAR', (r) => r.pointId), column<Reading>('read_at', 'TIMESTAMP', (r) => r.at), column<Reading>('value', 'DOUBLE', (r) => r.value)];
const reading = (i: number): Reading => ({ pointId: `mp:${i % 3}`, at: new Date(Date.UTC(2026, 6, 1) + i * 60_000).toISOString(), value: i % 5 === 0 ? null : i / 10 });

/** Chunks of readings, saying which have been asked for and whether the reader let them go. */
function source(chunks: Reading[][]) {
  const state = { asked: 0, ended: false };
  async function* read() {
    try {
      for (const chunk of chunks) {
        state.asked++;
        yield chunk;
      }
    } finally {
      state.ended = true;
    }
  }
  return { state, chunks: read() };
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('records as an Arrow stream', () => {
  it('sends each chunk as a record batch that any Arrow reader reads back, leaving out the empty ones', async () => {
    const chunks = [[0, 1, 2].map(reading), [], [3, 4].map(reading)];
    const table = tableFromIPC(await bytesOf(await arrowStream(COLUMNS, source(chunks).chunks)));
    expect(table.schema.fields.map((field) => `${field.name} ${field.type}`)).toEqual(['point_id Utf8', 'read_at Timestamp<MICROSECOND>', 'value Float64']);
    expect(table.batches.map((batch) => batch.numRows)).toEqual([3, 2]);
    expect(table.toArray().map((row) => [row.point_id, new Date(row.read_at).toISOString(), row.value])).toEqual([0, 1, 2, 3, 4].map(reading).map((r) => [r.pointId, r.at, r.value]));
  });

  it('sends the schema of a table without records', async () => {
    const table = tableFromIPC(await bytesOf(await arrowStream(COLUMNS, source([]).chunks)));
    expect([table.numRows, table.schema.fields.map((field) => field.name)]).toEqual([0, ['point_id', 'read_at', 'value']]);
  });

  it('reads a chunk only once the client has taken the one before, and lets the records go when it stops', async () => {
    const { state, chunks } = source(Array.from({ length: 10 }, (_, i) => [reading(i)]));
    const reader = (await arrowStream(COLUMNS, chunks)).getReader();
    await reader.read();
    await reader.read();
    expect(state.asked).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(state.ended).toBe(true);
  });

  it('ends the read of a client that stops taking data', async () => {
    const { state, chunks } = source(Array.from({ length: 10 }, (_, i) => [reading(i)]));
    const reader = (await arrowStream(COLUMNS, chunks, { stallMs: 50 })).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(state.ended).toBe(true);
    await expect(reader.read()).rejects.toThrow(/took no data/);
  });
});
