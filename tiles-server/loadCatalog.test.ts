import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from './loadCatalog.ts';
import { testLayer } from './testApp.ts';

const catalogPath = 'layers/catalogs/wuyi.json';

const importedLayer = testLayer({ id: 'buildings', kind: 'buildings', group: 'buildings', source: { type: '3dtiles', url: '/data/buildings/tileset.json' } });

async function dataDirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-catalog-data-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

describe('catalog with the layers of the data folder', () => {
  it('adds the layer entries that imports left in the data folder, one or two folders deep', async () => {
    const dataDir = await dataDirWith({
      'buildings/catalog-entry.json': JSON.stringify(importedLayer),
      'city/north/catalog-entry.json': JSON.stringify({ ...importedLayer, id: 'north-buildings' }),
      'buildings/tiles/0/0/catalog-entry.json': JSON.stringify({ ...importedLayer, id: 'too-deep' }),
    });
    const { catalog, skipped } = await loadCatalog(catalogPath, dataDir);
    expect(skipped).toEqual([]);
    const base = JSON.parse(await readFile(catalogPath, 'utf8')).layers.map((layer: { id: string }) => layer.id);
    expect(catalog.layers.map((layer) => layer.id)).toEqual([...base, 'buildings', 'north-buildings']);
  });

  it('leaves out a bad layer entry, naming its file and field, and keeps the others', async () => {
    const dataDir = await dataDirWith({
      'broken/catalog-entry.json': JSON.stringify({ ...importedLayer, id: 'broken', access: 'everyone' }),
      'buildings/catalog-entry.json': JSON.stringify(importedLayer),
      'half/catalog-entry.json': '{"id": "half", ',
      'stray/catalog-entry.json': JSON.stringify({ ...importedLayer, id: 'stray', group: 'no-such-group' }),
    });
    const { catalog, skipped } = await loadCatalog(catalogPath, dataDir);
    expect(catalog.layers.map((layer) => layer.id)).toContain('buildings');
    expect(catalog.layers.map((layer) => layer.id)).not.toContain('stray');
    expect(skipped.map(({ entry }) => entry).sort()).toEqual(['broken/catalog-entry.json', 'half/catalog-entry.json', 'stray/catalog-entry.json']);
    expect(skipped.find(({ entry }) => entry.startsWith('broken'))!.problems[0]).toMatch(/^field "access"/);
    expect(skipped.find(({ entry }) => entry.startsWith('half'))!.problems[0]).toMatch(/^not valid JSON/);
    expect(skipped.find(({ entry }) => entry.startsWith('stray'))!.problems.join()).toContain('no-such-group');
  });

  it('leaves out an imported layer whose id the catalog already has', async () => {
    const dataDir = await dataDirWith({ 'rivers/catalog-entry.json': JSON.stringify({ ...importedLayer, id: 'rivers' }) });
    const { catalog, skipped } = await loadCatalog(catalogPath, dataDir);
    expect(skipped).toEqual([{ entry: 'rivers/catalog-entry.json', problems: ['field "id": the layer id "rivers" is taken by another layer'] }]);
    expect(catalog.layers.filter((layer) => layer.id === 'rivers')).toHaveLength(1);
  });

  it('reports a catalog file that is not JSON, by name', async () => {
    const dir = await dataDirWith({ 'catalog.json': '{"layers": [' });
    await expect(loadCatalog(join(dir, 'catalog.json'), dir)).rejects.toThrow(/catalog\.json:\n {2}- not valid JSON/);
  });

  it('works with a data folder that does not exist yet', async () => {
    const { catalog } = await loadCatalog(catalogPath, join(tmpdir(), 'no-such-wuyi-data'));
    expect(catalog.layers).toHaveLength(JSON.parse(await readFile(catalogPath, 'utf8')).layers.length);
  });
});
