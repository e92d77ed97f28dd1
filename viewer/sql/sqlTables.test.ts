import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { type RecordTableEntry, parseCatalog } from '../../layers/index.ts';
import catalog from '../../layers/catalogs/wuyi.json' with { type: 'json' };
import { isArrowFile, sqlTables, tablesNamedIn } from './sqlTables.ts';

const record = (name: string): RecordTableEntry => ({ name, title: { zh: name, en: name }, arrow: `/api/records/${name}.arrow`, columns: [{ name: 'id', type: 'VARCHAR' }], rows: 1 });

describe('tables for SQL', () => {
  const layers = parseCatalog(catalog, 'wuyi.json').layers;
  const tables = sqlTables(layers, [record('incidents'), record('monitoring_readings')]);

  it('names every layer that has a table, with underscores for SQL, then the record tables', () => {
    expect(tables.map((t) => t.name)).toContain('county_boundary');
    expect(tables.find((t) => t.name === 'villages')).toMatchObject({ origin: 'layer', arrowUrl: '/data/sample/tables/villages.arrow', outlined: true });
    expect(tables.find((t) => t.name === 'incidents')).toMatchObject({ origin: 'records', arrowUrl: '/api/records/incidents.arrow', outlined: false, columns: [{ name: 'id', type: 'VARCHAR' }] });
    expect(tables.slice(-2).map((t) => t.name)).toEqual(['incidents', 'monitoring_readings']);
  });

  it('leaves out a record table whose name a layer took', () => {
    expect(sqlTables(layers, [record('villages')]).filter((t) => t.name === 'villages').map((t) => t.origin)).toEqual(['layer']);
  });

  it('finds the tables a query uses, and only those', () => {
    const named = tablesNamedIn('SELECT v.name FROM Villages v JOIN "county_boundary" c ON true JOIN incidents i ON true -- roads', tables);
    expect(named.map((t) => t.name).sort()).toEqual(['county_boundary', 'incidents', 'roads', 'villages']);
    expect(tablesNamedIn('SELECT 42 AS township_seats_count, 1 AS incidents_total', tables)).toEqual([]);
  });

  it('tells an Arrow IPC file from a stream', () => {
    const table = tableFromArrays({ id: ['a', 'b'] });
    expect([isArrowFile(tableToIPC(table, 'file')), isArrowFile(tableToIPC(table, 'stream')), isArrowFile(new Uint8Array())]).toEqual([true, false, false]);
  });
});
