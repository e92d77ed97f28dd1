import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../layers/index.ts';
import catalog from '../../layers/catalogs/wuyi.json' with { type: 'json' };
import { layerTables, tablesNamedIn } from './layerTables.ts';

describe('layer tables for SQL', () => {
  const tables = layerTables(parseCatalog(catalog, 'wuyi.json').layers);

  it('names every layer that has a table, with underscores for SQL', () => {
    expect(tables.map((t) => t.name)).toContain('county_boundary');
    expect(tables.find((t) => t.name === 'villages')?.arrowUrl).toBe('/data/sample/tables/villages.arrow');
    expect(tables.some((t) => t.layerId === 'incidents')).toBe(false);
  });

  it('finds the tables a query uses, and only those', () => {
    const named = tablesNamedIn('SELECT v.name FROM Villages v JOIN "county_boundary" c ON true -- roads', tables);
    expect(named.map((t) => t.name).sort()).toEqual(['county_boundary', 'roads', 'villages']);
    expect(tablesNamedIn('SELECT 42 AS township_seats_count', tables)).toEqual([]);
  });
});
