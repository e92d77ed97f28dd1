import { tableFromIPC, tableToIPC, Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { utf8Vector } from './attributeFiles.ts';

describe('utf8Vector', () => {
  it('keeps every value, ASCII or wider, empty or long, through an Arrow IPC round trip', () => {
    const values = ['', 'a', '武义县', '😀 emoji', 'x'.repeat(10_000), '王宅镇'.repeat(500), ''];
    const read = tableFromIPC(tableToIPC(new Table({ text: utf8Vector(values) }))).getChild('text')!;
    expect(read.toArray()).toEqual(values);
  });

  it('grows past its first guess when most values are wide characters', () => {
    const values = Array.from({ length: 1000 }, (_, i) => `${'地'.repeat(i % 50)}${i}`);
    expect([...utf8Vector(values)]).toEqual(values);
  });
});
