import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LayerFiles } from '../auth/layerFiles.ts';
import { CONTENT_TYPES } from '../files/contentType.ts';
import { testLayer, wuyiCatalogWith } from '../testApp.ts';
import { nginxPublicFiles } from './nginxPublicFiles.ts';

/**
 * The map as nginx reads it: exact keys first, then the `~` patterns in order, the first match
 * winning (https://nginx.org/en/docs/http/ngx_http_map_module.html); PCRE's syntax here is also JavaScript's.
 */
function evaluateMap(text: string, uri: string): string {
  const entries = [...text.matchAll(/^ {4}"((?:[^"\\]|\\.)*)" (\d);$/gm)].map(([, key, value]) => ({ key: key!.replace(/\\(["\\])/g, '$1'), value: value! }));
  const exact = entries.find((entry) => !entry.key.startsWith('~') && entry.key === uri);
  if (exact) return exact.value;
  const pattern = entries.find((entry) => entry.key.startsWith('~') && new RegExp(entry.key.slice(1)).test(uri));
  return pattern?.value ?? /default (\d);/.exec(text)![1]!;
}

describe('the nginx map of public data files', () => {
  it('marks public exactly the files the twin serves to anonymous callers', async () => {
    const catalog = await wuyiCatalogWith([
      testLayer({ id: 'terrain', kind: 'terrain', source: { type: 'quantized-mesh', url: '/data/terrain/' } }),
      testLayer({ id: 'city', kind: 'buildings', source: { type: '3dtiles', url: '/data/city/tileset.json' } }),
      // A restricted tile set inside a public one's folder, and a restricted layer sharing a public file.
      testLayer({ id: 'key-sites', kind: 'buildings', access: 'restricted', source: { type: '3dtiles', url: '/data/city/key sites (重点)/tileset.json' } }),
      testLayer({ id: 'landuse', kind: 'vector', source: { type: 'geojson', url: '/data/landuse/landuse.geojson' }, table: { arrow: '/data/landuse/table.arrow', parquet: '/data/landuse/table.parquet' } }),
      testLayer({ id: 'zoning', kind: 'vector', access: 'internal', source: { type: 'geojson', url: '/data/landuse/landuse.geojson' } }),
      testLayer({ id: 'secret', kind: 'vector', access: 'restricted', source: { type: 'geojson', url: '/data/secret/sites.geojson' } }),
    ]);
    const files = new LayerFiles(catalog);
    const map = nginxPublicFiles(files);
    const paths = [
      '/data/terrain/layer.json',
      '/data/terrain/12/3391/2505.terrain',
      '/data/terrain/12/3391/2505.terrain.gz',
      '/data/terrain/catalog-entry.json',
      '/data/terrain/import-report.json.gz',
      '/data/terrain/sub/import-report.json',
      '/data/terrain/not-import-report.json',
      '/data/city/tileset.json',
      '/data/city/0/0.b3dm',
      '/data/city/key sites (重点)/tileset.json',
      '/data/city/key sites (重点)/0.b3dm',
      '/data/landuse/landuse.geojson',
      '/data/landuse/table.arrow',
      '/data/landuse/table.parquet',
      '/data/landuse/other.geojson',
      '/data/secret/sites.geojson',
      '/data/sample/roads.geojson',
      '/data/tokens.json',
      '/data/twin.duckdb',
      '/data/terrainx/1.terrain',
    ];
    const twinSays = paths.map((path) => [path, files.accessFor(encodeURI(path), 'anonymous') === 'public' ? '1' : '0']);
    expect(paths.map((path) => [path, evaluateMap(map, path)])).toEqual(twinSays);
    // Both answers are put to the test: some files are public, some are not.
    expect(new Set(twinSays.map(([, value]) => value))).toEqual(new Set(['0', '1']));
  });
});

describe('the nginx media types', () => {
  it('give every file type the twin serves the type the twin gives it', async () => {
    const conf = await readFile(new URL('../../deploy/nginx/twin-types.conf', import.meta.url), 'utf8');
    const nginxTypes = Object.fromEntries([...conf.matchAll(/^ {4}"([^"]+)" ([\w ]+);$/gm)].flatMap(([, type, extensions]) => extensions!.split(' ').map((extension) => [`.${extension}`, type!])));
    expect(nginxTypes).toEqual(CONTENT_TYPES);
  });
});
