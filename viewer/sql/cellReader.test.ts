import { DateDay, TimestampMicrosecond, tableFromIPC, tableToIPC, vectorFromArray, Table, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { cellReader } from './cellReader.ts';

describe('result cells', () => {
  it('reads timestamps and dates as the data API writes them, and the rest as they are', () => {
    const written = new Table({
      reported_at: vectorFromArray([Date.parse('2026-07-01T08:30:00.250Z'), null], new TimestampMicrosecond()),
      record_date: vectorFromArray([Date.parse('2019-03-01'), Date.parse('2020-12-31')], new DateDay()),
      title: vectorFromArray(['路灯损坏', null], new Utf8()),
    });
    const read = tableFromIPC(tableToIPC(written, 'stream'));
    const cells = read.schema.fields.map((field, i) => cellReader(field.type, read.getChildAt(i)));
    expect([0, 1].map((row) => cells.map((cell) => cell(row)))).toEqual([
      ['2026-07-01T08:30:00.250Z', '2019-03-01', '路灯损坏'],
      [null, '2020-12-31', null],
    ]);
  });
});
