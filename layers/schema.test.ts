import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogError, canRead, catalogFor, parseCatalog } from './index.ts';

const wuyiText = readFileSync(new URL('./catalogs/wuyi.json', import.meta.url), 'utf8');
const wuyi = () => JSON.parse(wuyiText) as { layers: Record<string, unknown>[]; [key: string]: unknown };
/** A layer of a fresh copy of the catalog, by id, and its position. */
const layerOf = (raw: ReturnType<typeof wuyi>, id: string) => {
  const index = raw.layers.findIndex((layer) => layer.id === id);
  return { layer: raw.layers[index]!, index };
};

function problemsOf(raw: unknown): string[] {
  try {
    parseCatalog(raw, 'test.json');
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  throw new Error('expected the catalog to be rejected');
}

describe('layer catalog', () => {
  it('accepts the Wuyi catalog and fills defaults', () => {
    const catalog = parseCatalog(wuyi(), 'wuyi.json');
    expect(catalog.adminCode).toBe('330723');
    expect(catalog.layers.map((layer) => layer.id)).toEqual(['county-boundary', 'neighbouring-counties', 'townships', 'township-seats', 'villages', 'roads', 'rivers', 'incidents', 'monitoring-points']);
    // Everything is generated but the county outlines, which are real.
    expect(catalog.layers.filter((layer) => !layer.metadata.synthetic).map((layer) => layer.id)).toEqual(['county-boundary', 'neighbouring-counties']);
  });

  it('names the layer and the field of a missing metadata entry', () => {
    const raw = wuyi();
    const { layer, index } = layerOf(raw, 'township-seats');
    delete (layer.metadata as Record<string, unknown>).synthetic;
    expect(problemsOf(raw)).toEqual([
      expect.stringMatching(new RegExp(`layer "township-seats" \\(layers\\[${index}\\]\\), field "metadata\\.synthetic"`)),
    ]);
  });

  it('rejects a source on another host: the twin must run offline', () => {
    const raw = wuyi();
    (raw.layers[0]!.source as Record<string, unknown>).url = 'https://cdn.example.com/boundary.geojson';
    expect(problemsOf(raw)[0]).toMatch(/layer "county-boundary" .*field "source\.url": must be a path on the twin server/);
  });

  it('rejects a source that climbs out of its folder', () => {
    const raw = wuyi();
    (raw.layers[0]!.source as Record<string, unknown>).url = '/data/../secrets.json';
    expect(problemsOf(raw)[0]).toMatch(/field "source\.url": must not contain "\.\." segments/);
  });

  it('rejects duplicate ids and unknown groups', () => {
    const raw = wuyi();
    const { layer, index } = layerOf(raw, 'rivers');
    layer.id = 'county-boundary';
    layer.group = 'zoning';
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`layers\\[${index}\\]\\), field "id": duplicate layer id "county-boundary"`)));
    expect(problems).toContainEqual(expect.stringMatching(/field "group": unknown group "zoning"; known groups: basemap, admin, planning, buildings, transport, hydrology, operations/));
  });

  it('rejects an unknown kind and a style field of another kind', () => {
    const raw = wuyi();
    layerOf(raw, 'county-boundary').layer.kind = 'heatmap';
    layerOf(raw, 'township-seats').layer.style = { pointColor: '#e53935', opacity: 0.5 };
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.stringMatching(/layer "county-boundary" .*field "kind"/));
    expect(problems).toContainEqual(expect.stringMatching(/layer "township-seats" .*field "style": .*opacity/));
  });

  it('reports bad colours, access levels and CRS codes', () => {
    const raw = wuyi();
    layerOf(raw, 'county-boundary').layer.access = 'secret';
    (layerOf(raw, 'township-seats').layer.style as Record<string, unknown>).pointColor = 'red';
    (layerOf(raw, 'rivers').layer.metadata as Record<string, unknown>).originalCrs = 'CGCS2000';
    const problems = problemsOf(raw).join('\n');
    expect(problems).toMatch(/layer "county-boundary" .*field "access"/);
    expect(problems).toMatch(/layer "township-seats" .*field "style\.pointColor": must be a colour/);
    expect(problems).toMatch(/layer "rivers" .*field "metadata\.originalCrs": must be an EPSG code/);
  });

  it('reports a layer without an id by its position', () => {
    const raw = wuyi();
    delete raw.layers[2]!.id;
    expect(problemsOf(raw)).toEqual([expect.stringMatching(/^layer \(without id\) \(layers\[2\]\), field "id"/)]);
  });
});

describe('access levels', () => {
  it('lets each role read only the levels it is cleared for', () => {
    expect(canRead('anonymous', 'public')).toBe(true);
    expect(canRead('anonymous', 'internal')).toBe(false);
    expect(canRead('viewer', 'internal')).toBe(true);
    expect(canRead('operator', 'restricted')).toBe(false);
    expect(canRead('admin', 'restricted')).toBe(true);
  });

  it('filters the catalog by role', () => {
    const raw = wuyi();
    layerOf(raw, 'township-seats').layer.access = 'internal';
    layerOf(raw, 'rivers').layer.access = 'restricted';
    const catalog = parseCatalog(raw, 'test.json');
    const ids = (role: Parameters<typeof catalogFor>[0]) => catalogFor(role, catalog).layers.map((l) => l.id);
    expect(ids('anonymous')).not.toContain('township-seats');
    expect(ids('anonymous')).not.toContain('rivers');
    expect(ids('viewer')).toContain('township-seats');
    expect(ids('viewer')).not.toContain('rivers');
    expect(ids('admin')).toHaveLength(raw.layers.length);
  });

  it('takes the dashboard sources from the layers that declare them, and shows a role only those it may read', () => {
    const raw = wuyi();
    raw.layers.push({
      id: 'dltb-2024', kind: 'thematic', title: { zh: '2024年变更调查', en: 'Land use 2024' }, group: 'planning', visible: false, access: 'restricted',
      source: { type: 'geojson', url: '/data/dltb-2024/parcels.geojson' },
      classify: { field: 'code', classes: [{ value: '0101', color: '#eeee88', label: { zh: '0101 水田', en: '0101 Paddy field' } }] },
      dashboard: 'landUse',
      metadata: layerOf(raw, 'rivers').layer.metadata,
    } as never);
    const catalog = parseCatalog(raw, 'test.json');
    expect(catalog.dashboard.landUse).toEqual({ layer: 'dltb-2024', classField: 'code', labelField: 'className', areaField: 'area' });
    expect(catalogFor('admin', catalog).dashboard.landUse?.layer).toBe('dltb-2024');
    expect(catalogFor('viewer', catalog).dashboard.landUse).toBeUndefined();
  });
});
