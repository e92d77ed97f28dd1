import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOG_ENTRY_FILE } from '../../layers/index.ts';
import { dataUrl, writeCatalogEntry } from '../output/catalogEntry.ts';
import { importTerrain } from '../terrain/importTerrain.ts';
import { terrainLayer } from '../terrain/terrainLayer.ts';

export const importTerrainUsage = `Usage: npm run twin -- import terrain <dem.tif> [options]

Turns a GeoTIFF DEM (any CRS, integer or float, with no-data) into Cesium quantized-mesh
terrain in the data folder.

Options:
  --out DIR          Output folder inside the data folder (default: <data-dir>/terrain)
  --crs CRS          CRS of the DEM when its GeoKeys name none
  --grid 65|257      Samples per tile edge (default 65)
  --max-level N      Deepest level (default: as fine as the DEM's cells)
  --layer-id ID      Id of the catalog entry written beside the tiles (default terrain)`;

export async function importTerrainCommand(args: string[], dataDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      crs: { type: 'string' },
      grid: { type: 'string', default: '65' },
      'max-level': { type: 'string' },
      'layer-id': { type: 'string', default: 'terrain' },
    },
  });
  const [input] = positionals;
  if (!input) {
    console.error(importTerrainUsage);
    return 1;
  }
  const gridSize = Number(values.grid);
  if (gridSize !== 65 && gridSize !== 257) throw new Error(`--grid must be 65 or 257, got "${values.grid}"`);
  const outDir = resolve(values.out ?? resolve(dataDir, 'terrain'));
  const url = dataUrl(dataDir, outDir);
  const started = performance.now();
  const summary = await importTerrain({
    input,
    outDir,
    crs: values.crs,
    gridSize,
    maxLevel: values['max-level'] === undefined ? undefined : Number(values['max-level']),
  });
  await writeCatalogEntry(outDir, terrainLayer(values['layer-id'], `${url}/`, `import of ${input}`, false));
  const seconds = (performance.now() - started) / 1000;
  console.log(`Terrain from ${input}: ${summary.tiles} tiles in ${summary.levels} levels, ` +
    `${(summary.gzipBytes / 1024 / 1024).toFixed(1)} MiB gzip, ${seconds.toFixed(1)} s (${Math.round(summary.tiles / seconds)} tiles/s)`);
  console.log(`  ${resolve(outDir, 'layer.json')}; catalog entry: ${resolve(outDir, CATALOG_ENTRY_FILE)}`);
  return 0;
}
