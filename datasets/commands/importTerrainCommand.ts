import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOG_ENTRY_FILE } from '../../layers/index.ts';
import { writeCatalogEntry } from '../output/catalogEntry.ts';
import { catalogFileLayerIds, publishLayer } from '../output/publishLayer.ts';
import { importTerrain } from '../terrain/importTerrain.ts';
import { terrainLayer } from '../terrain/terrainLayer.ts';
import { LAYER_OPTIONS, LAYER_OPTIONS_USAGE, VERTICAL_DATUM_OPTION, VERTICAL_DATUM_USAGE, layerIdOption, titleOption, verticalDatumOption } from './layerOptions.ts';

export const importTerrainUsage = `Usage: npm run twin -- import terrain <dem.tif> [options]

Turns a GeoTIFF DEM (any CRS, integer or float, with no-data) into Cesium quantized-mesh
terrain in the data folder. Published at once, or not at all.

Options:
${LAYER_OPTIONS_USAGE}
  --crs CRS             CRS of the DEM when its GeoKeys name none
  --grid 65|257         Samples per tile edge (default 65)
  --max-level N         Deepest level (default: as fine as the DEM's cells)
${VERTICAL_DATUM_USAGE}`;

export async function importTerrainCommand(args: string[], dataDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...LAYER_OPTIONS,
      crs: { type: 'string' },
      grid: { type: 'string', default: '65' },
      'max-level': { type: 'string' },
      ...VERTICAL_DATUM_OPTION,
    },
  });
  const [input] = positionals;
  if (!input) {
    console.error(importTerrainUsage);
    return 1;
  }
  const gridSize = Number(values.grid);
  if (gridSize !== 65 && gridSize !== 257) throw new Error(`--grid must be 65 or 257, got "${values.grid}"`);
  const verticalDatum = verticalDatumOption(values['vertical-datum']);
  const layerId = layerIdOption(values['layer-id'], input);
  const outDir = resolve(dataDir, layerId);
  const started = performance.now();
  const summary = await publishLayer(dataDir, layerId, { replace: values.replace ?? false, catalogIds: await catalogFileLayerIds() }, async (staging, url) => {
    const imported = await importTerrain({
      input,
      outDir: staging,
      crs: values.crs,
      gridSize,
      maxLevel: values['max-level'] === undefined ? undefined : Number(values['max-level']),
      verticalDatum,
    });
    await writeCatalogEntry(staging, terrainLayer(layerId, `${url}/`, `import of ${input}`, false, titleOption(values.title), verticalDatum));
    return imported;
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`Terrain from ${input}: ${summary.tiles} tiles in ${summary.levels} levels, ` +
    `${(summary.gzipBytes / 1024 / 1024).toFixed(1)} MiB gzip, ${seconds.toFixed(1)} s (${Math.round(summary.tiles / seconds)} tiles/s)`);
  console.log(`  ${resolve(outDir, 'layer.json')}; catalog entry: ${resolve(outDir, CATALOG_ENTRY_FILE)}`);
  return 0;
}
