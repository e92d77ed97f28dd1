import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOG_ENTRY_FILE, IMPORT_REPORT_FILE } from '../../layers/index.ts';
import { importParcels } from '../landuse/importParcels.ts';
import type { ParcelScheme } from '../landuse/parcelSchemes.ts';
import { LAYER_OPTIONS, LAYER_OPTIONS_USAGE, SOURCE_LAYER_USAGE, VECTOR_SOURCE_OPTIONS, titleOption } from './layerOptions.ts';

export const importParcelsUsage = (scheme: ParcelScheme) => `Usage: npm run twin -- import ${scheme.command} <file> [options]

Turns ${scheme.delivery} into a thematic layer of the twin,
from a Shapefile .shp, GeoPackage .gpkg, GeoJSON or FlatGeobuf .fgb: parcels drawn by their class in
${scheme.table}, each an object that records bind to, with its attribute table for SQL.
Published at once, or not at all.

Options:
${LAYER_OPTIONS_USAGE}
  --crs CRS             CRS of the coordinates: EPSG:4528, a PROJ string or WKT
                        (default: the .prj or the file's crs member, else EPSG:4326)
  --encoding NAME       Shapefile attribute encoding (default: the .cpg, else GBK)
${SOURCE_LAYER_USAGE}
  --class-field NAME    Field with the class code (default ${scheme.fields.class})
  --name-field NAME     Field with the class name (default ${scheme.fields.name})
  --id-field NAME       Field with the parcel's unique id (default ${scheme.fields.id}, else its number)
  --area-field NAME     Field with the parcel's surveyed area in m² (default ${scheme.fields.area}, else measured)
  --code-field NAME     Field with the parcel's resource code (资源码)
  --access LEVEL        public, internal or restricted (default public)${scheme.command === 'landuse' ? '\n  --dashboard           The big-screen dashboard shows this layer\'s areas by class' : ''}`;

export async function importParcelsCommand(scheme: ParcelScheme, args: string[], dataDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...LAYER_OPTIONS,
      ...VECTOR_SOURCE_OPTIONS,
      'class-field': { type: 'string' },
      'name-field': { type: 'string' },
      'id-field': { type: 'string' },
      'area-field': { type: 'string' },
      'code-field': { type: 'string' },
      access: { type: 'string' },
      dashboard: { type: 'boolean' },
    },
  });
  const [input] = positionals;
  if (!input) {
    console.error(importParcelsUsage(scheme));
    return 1;
  }
  const access = values.access;
  if (access !== undefined && access !== 'public' && access !== 'internal' && access !== 'restricted') {
    throw new Error(`--access must be public, internal or restricted, got "${access}"`);
  }
  const summary = await importParcels(scheme, {
    input,
    dataDir,
    layerId: values['layer-id'],
    title: titleOption(values.title),
    replace: values.replace,
    crs: values.crs,
    encoding: values.encoding,
    sourceLayer: values['source-layer'],
    classField: values['class-field'],
    nameField: values['name-field'],
    idField: values['id-field'],
    areaField: values['area-field'],
    codeField: values['code-field'],
    access,
    dashboard: values.dashboard,
  });
  const hectares = Object.values(summary.areaByClass).reduce((sum, area) => sum + area, 0) / 10_000;
  console.log(`Imported ${summary.imported} of ${summary.read} parcels from ${input} (${summary.crs}) as layer "${summary.layerId}" in ${summary.seconds.toFixed(1)} s`);
  console.log(`  ${Object.keys(summary.areaByClass).length} classes, ${hectares.toFixed(2)} ha in all`);
  if (summary.skipped.length > 0) console.log(`  Skipped ${summary.skipped.length}; see ${resolve(summary.folder, IMPORT_REPORT_FILE)}`);
  if (summary.warnings.length > 0) console.log(`  ${summary.warnings.length} with a class code the table does not know; see the report`);
  console.log(`  Layer: ${resolve(summary.folder)}; catalog entry: ${resolve(summary.folder, CATALOG_ENTRY_FILE)}`);
  return 0;
}
