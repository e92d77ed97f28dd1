import { open as openFile, readFile, stat } from 'node:fs/promises';
import { openShp } from 'shapefile';
import { readDbf } from './dbf.ts';
import { InputError, type SourceEvent, type SourceGeometry } from './types.ts';

/** Code pages as ArcGIS and GDAL write them into `.cpg`, as TextDecoder labels. */
const codePages: Record<string, string> = { '936': 'gbk', cp936: 'gbk', '65001': 'utf-8', utf8: 'utf-8', '1252': 'windows-1252' };

/**
 * Streams an ESRI Shapefile (`.shp` with its `.dbf`, `.prj` and `.cpg`) record by record. The
 * `.prj` WKT is its CRS; the attribute encoding comes from `encoding`, else the `.cpg`, else
 * GBK, which Chinese GIS exports without a `.cpg` use.
 */
export async function* readShapefile(
  shpPath: string,
  { encoding, onBytes }: { encoding?: string; onBytes?: (bytesRead: number) => void } = {},
): AsyncGenerator<SourceEvent> {
  const base = shpPath.replace(/\.shp$/i, '');
  const dbfPath = `${base}.dbf`;
  const prj = await readFile(`${base}.prj`, 'utf8').catch(() => undefined);
  if (prj) yield { type: 'crs', crs: prj.trim() };
  const label = decoderLabel(encoding ?? (await readFile(`${base}.cpg`, 'utf8').catch(() => 'gbk')));
  const records = await dbfRecordCount(dbfPath);
  const { size } = await stat(shpPath).catch(() => {
    throw new InputError(shpPath, 'does not exist or cannot be read');
  });

  let shapes: Awaited<ReturnType<typeof openShp>>;
  try {
    shapes = await openShp(shpPath);
  } catch (error) {
    throw new InputError(shpPath, `cannot be read as a Shapefile: ${(error as Error).message}`);
  }
  const attributes = records === undefined ? undefined : readDbf(dbfPath, label);
  try {
    // Numbered as GDAL numbers them: records deleted in the .dbf are left out of the count too.
    for (let record = 0, index = 0; ; record++) {
      let shape: Awaited<ReturnType<typeof shapes.read>>;
      try {
        shape = await shapes.read();
      } catch (error) {
        throw new InputError(shpPath, `record ${record} cannot be read: ${(error as Error).message}`);
      }
      if (shape.done) return;
      const row = attributes ? (await attributes.next()).value : undefined;
      if (records) onBytes?.(Math.round((size * (record + 1)) / records));
      if (row?.deleted) continue;
      yield { type: 'feature', feature: { index: index++, properties: row?.properties ?? {}, geometry: shape.value as SourceGeometry | null } };
    }
  } finally {
    await attributes?.return(undefined);
  }
}

function decoderLabel(name: string): string {
  const key = name.trim().toLowerCase().replace(/[-_\s]/g, '');
  const label = codePages[key] ?? name.trim().toLowerCase();
  try {
    new TextDecoder(label);
  } catch {
    throw new Error(`Unknown attribute encoding "${name.trim()}" (from --encoding or the .cpg file); try GBK or UTF-8`);
  }
  return label;
}

/** The record count in a `.dbf` header, or undefined when there is no `.dbf`. */
async function dbfRecordCount(path: string): Promise<number | undefined> {
  const file = await openFile(path).catch(() => undefined);
  if (!file) return undefined;
  try {
    const header = Buffer.alloc(8);
    await file.read(header, 0, 8, 0);
    return header.readUInt32LE(4);
  } finally {
    await file.close();
  }
}
