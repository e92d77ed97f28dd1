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

describe('info panel values', () => {
  it('reads codes and enumerated values as the describer says, and shows the rest as they are', () => {
    const names = new Map([['330723206', '柳城畲族镇']]);
    const rows = propertyRows({ oid: 'parcel:1', township: '330723206', zone: '生态控制区', area: 65987 }, (key, value) =>
      key === 'township' && names.has(String(value)) ? `${names.get(String(value))} (${value})` : undefined,
    );
    expect(rows).toEqual([
      { key: 'oid', value: 'parcel:1' },
      { key: 'area', value: '65987' },
      { key: 'township', value: '柳城畲族镇 (330723206)' },
      { key: 'zone', value: '生态控制区' },
    ]);
  });
});
