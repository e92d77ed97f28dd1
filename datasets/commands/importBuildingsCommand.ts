import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOG_ENTRY_FILE, IMPORT_REPORT_FILE } from '../../layers/index.ts';
import { buildingsLayer } from '../buildings/buildingsLayer.ts';
import { importBuildings, summariseReasons } from '../buildings/importBuildings.ts';
import { writeCatalogEntry } from '../output/catalogEntry.ts';
import { catalogFileLayerIds, publishLayer } from '../output/publishLayer.ts';
import { LAYER_OPTIONS, LAYER_OPTIONS_USAGE, SOURCE_LAYER_USAGE, VECTOR_SOURCE_OPTIONS, layerIdOption, titleOption } from './layerOptions.ts';
import { importProgressBar } from './progressBar.ts';

export const importBuildingsUsage = `Usage: npm run twin -- import buildings <file> [options]

Turns building footprints (GeoJSON, Shapefile .shp, GeoPackage .gpkg, FlatGeobuf .fgb) into a 3D Tiles 1.1
tileset in the data folder. Published at once, or not at all.

Options:
${LAYER_OPTIONS_USAGE}
  --crs CRS             CRS of the coordinates: EPSG:4528, a PROJ string or WKT
                        (default: the file's own crs member, else EPSG:4326)
  --gcj02               Undo the GCJ-02 offset (data digitised on Chinese web maps)
  --encoding NAME       Shapefile attribute encoding (default: the .cpg, else GBK)
${SOURCE_LAYER_USAGE}
  --height-field NAME   Property with the height in metres (default: height, HEIGHT, 高度, …)
  --floors-field NAME   Property with the number of floors (default: floors, levels, 层数, …)
  --floor-height M      Metres per floor when only floors are known (default 3)
  --default-height M    Height when neither is known (default 10)
  --dem FILE.tif        GeoTIFF DEM the buildings stand on (use the terrain layer's DEM)
  --base-field NAME     Property with the base height (default: the DEM, else lowest z, else 0)
  --id-field NAME       Property with the building id (default: the feature id, else its number)
  --oid-prefix TEXT     Prefix of each building's oid (default bldg:<layer id>:)
  --admin-code CODE     Admin code for buildings whose data has none
  --max-features N      Most buildings per tile (default 2000)
  --dashboard           The big-screen dashboard counts this layer's buildings by use`;

export async function importBuildingsCommand(args: string[], dataDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...LAYER_OPTIONS,
      ...VECTOR_SOURCE_OPTIONS,
      gcj02: { type: 'boolean' },
      'height-field': { type: 'string' },
      'floors-field': { type: 'string' },
      'floor-height': { type: 'string', default: '3' },
      'default-height': { type: 'string', default: '10' },
      'base-field': { type: 'string' },
      dem: { type: 'string' },
      'id-field': { type: 'string' },
      'oid-prefix': { type: 'string' },
      'admin-code': { type: 'string' },
      'max-features': { type: 'string', default: '2000' },
      dashboard: { type: 'boolean' },
    },
  });
  const [input] = positionals;
  if (!input) {
    console.error(importBuildingsUsage);
    return 1;
  }
  const layerId = layerIdOption(values['layer-id'], input);
  const outDir = resolve(dataDir, layerId);
  const bar = importProgressBar();
  const summary = await publishLayer(dataDir, layerId, { replace: values.replace ?? false, catalogIds: await catalogFileLayerIds() }, async (staging, url) => {
    const imported = await importBuildings({
      input,
      outDir: staging,
      crs: values.crs,
      gcj02: values.gcj02,
      encoding: values.encoding,
      sourceLayer: values['source-layer'],
      heightField: values['height-field'],
      floorsField: values['floors-field'],
      floorHeight: positive(values['floor-height'], '--floor-height'),
      defaultHeight: positive(values['default-height'], '--default-height'),
      baseField: values['base-field'],
      dem: values.dem,
      idField: values['id-field'],
      // Qualified by the layer, so that two imports' buildings never share an oid.
      oidPrefix: values['oid-prefix'] ?? `bldg:${layerId}:`,
      adminCode: values['admin-code'],
      maxFeaturesPerTile: positive(values['max-features'], '--max-features'),
      onProgress: bar.update,
    }).finally(bar.stop);
    const metadata = { sourceSystem: `import of ${input}`, originalCrs: imported.crs, synthetic: false, title: titleOption(values.title), dashboard: values.dashboard };
    await writeCatalogEntry(staging, buildingsLayer(layerId, `${url}/tileset.json`, metadata));
    return imported;
  });

  const total = summary.seconds.read + summary.seconds.tile;
  console.log(`\nImported ${summary.imported} of ${summary.read} features from ${input} (${summary.crs})`);
  console.log(`  ${summary.tiles.tiles} tiles, ${format(summary.tiles.rawBytes)} raw, ${format(summary.tiles.gzipBytes)} gzip` +
    ` (${Math.round(summary.tiles.gzipBytes / summary.imported)} B per building)`);
  console.log(`  ${total.toFixed(1)} s: read ${summary.seconds.read.toFixed(1)} s, tile ${summary.seconds.tile.toFixed(1)} s` +
    ` (${Math.round(summary.read / total)} features/s)`);
  if (summary.skipped.length > 0) {
    console.log(`  Skipped ${summary.skipped.length}: ${summariseReasons(summary.skipped)}; see ${resolve(outDir, IMPORT_REPORT_FILE)}`);
  }
  console.log(`  Tileset: ${resolve(outDir, 'tileset.json')}; catalog entry: ${resolve(outDir, CATALOG_ENTRY_FILE)}`);
  return 0;
}

function positive(value: string | undefined, option: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${option} must be a positive number, got "${value}"`);
  return n;
}

function format(bytes: number): string {
  return bytes > 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
