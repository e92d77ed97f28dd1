import { writeAttributeFiles } from './attributeFiles.ts';
import { type LayerRow, featureTableColumns } from './featureTable.ts';
import { writeDataFile } from './writeDataFile.ts';

/**
 * A vector layer's GeoJSON file (with its `.gz`) and its attribute table, from rows whose
 * geometry is GeoJSON text already: the coordinates are most of either file's text, written once.
 */
export async function writeFeatureLayerFiles(rows: LayerRow[], { geoJson, tableDir, tableName }: { geoJson: string; tableDir: string; tableName?: string }): Promise<void> {
  // The table first: its Arrow file's gzip runs in zlib's threads while the GeoJSON text is made here.
  const table = writeAttributeFiles(tableDir, featureTableColumns(rows), tableName);
  await Promise.all([table, writeDataFile(geoJson, Buffer.from(featureCollectionText(rows)), { gzip: true })]);
}

/** The FeatureCollection as `JSON.stringify` writes it. */
function featureCollectionText(rows: LayerRow[]): string {
  const parts = rows.map(({ id, properties, geometry }) => {
    const idText = id === undefined ? '' : `"id":${JSON.stringify(id)},`;
    return `{"type":"Feature",${idText}"properties":${JSON.stringify(properties)},"geometry":${geometry}}`;
  });
  return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
}
