import { describe, expect, it } from 'vitest';
import { propertyRows } from './properties.ts';

describe('info panel rows', () => {
  it('puts known properties first and the rest alphabetically', () => {
    const rows = propertyRows({ zoning: 'R2', height: 24.567, oid: 'bldg:1', name: '一号楼', area: 320 });
    expect(rows).toEqual([
      { key: 'name', value: '一号楼' },
      { key: 'oid', value: 'bldg:1' },
      { key: 'height', value: '24.6' },
      { key: 'area', value: '320' },
      { key: 'zoning', value: 'R2' },
    ]);
  });

  it('leaves out empty values and the no-data zeros of floors and year', () => {
    const rows = propertyRows({ oid: 'bldg:2', name: '', address: null, floors: 0, year: 0, height: 0 });
    expect(rows.map((row) => row.key)).toEqual(['oid', 'height']);
  });
});
