import { readFile } from 'node:fs/promises';
import initSqlJs, { type Database } from 'sql.js';
import wkx from 'wkx';
import { InputError, type SourceEvent, type SourceGeometry } from './types.ts';

/**
 * Reads the features of one table of an OGC GeoPackage (12-128r18): a SQLite file listing its
 * feature tables in `gpkg_contents`, their geometry column and CRS in `gpkg_geometry_columns`
 * and `gpkg_spatial_ref_sys`. SQLite runs as WebAssembly (sql.js), so nothing native is built at
 * install; the file is read into memory whole, as a county's land-use delivery (a few hundred MB)
 * allows. `table` picks a table when the file holds several.
 */
export async function* readGeoPackage(path: string, { table, onBytes }: { table?: string; onBytes?: (bytesRead: number) => void } = {}): AsyncGenerator<SourceEvent> {
  const bytes = await readFile(path).catch(() => {
    throw new InputError(path, 'does not exist or cannot be read');
  });
  onBytes?.(bytes.length);
  const SQL = await initSqlJs();
  let database: Database;
  try {
    database = new SQL.Database(bytes);
  } catch (error) {
    throw new InputError(path, `cannot be read as a GeoPackage: ${(error as Error).message}`);
  }
  try {
    const layer = featureTable(path, database, table);
    const crs = crsOf(database, layer.srsId);
    if (crs) yield { type: 'crs', crs };
    const statement = database.prepare(`SELECT * FROM ${quoted(layer.table)} ORDER BY rowid`);
    const columns = statement.getColumnNames();
    const key = primaryKey(database, layer.table);
    let index = 0;
    while (statement.step()) {
      const row = statement.get();
      const properties: Record<string, unknown> = {};
      let id: string | number | undefined;
      let geometry: SourceGeometry | null = null;
      for (const [i, column] of columns.entries()) {
        const value = row[i];
        if (column === layer.geometryColumn) {
          try {
            geometry = value instanceof Uint8Array ? geometryOf(value) : null;
          } catch (error) {
            throw new InputError(path, `table "${layer.table}", feature ${index}: its geometry cannot be read: ${(error as Error).message}`);
          }
        } else if (column === key && (typeof value === 'number' || typeof value === 'string')) id = value;
        // Binary columns other than the geometry (rare in a delivery) have no place in the layer's table.
        else if (!(value instanceof Uint8Array)) properties[column] = value;
      }
      yield { type: 'feature', feature: { index: index++, ...(id === undefined ? {} : { id }), properties, geometry } };
    }
    statement.free();
  } finally {
    database.close();
  }
}

interface FeatureTable {
  table: string;
  geometryColumn: string;
  srsId: number;
}

function featureTable(path: string, database: Database, wanted: string | undefined): FeatureTable {
  let tables: FeatureTable[];
  try {
    const [result] = database.exec(
      "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name",
    );
    tables = (result?.values ?? []).map(([table, geometryColumn, srsId]) => ({ table: String(table), geometryColumn: String(geometryColumn), srsId: Number(srsId) }));
  } catch (error) {
    throw new InputError(path, `is not a GeoPackage (no gpkg_contents/gpkg_geometry_columns tables): ${(error as Error).message}`);
  }
  const names = tables.map((t) => `"${t.table}"`).join(', ') || 'none';
  if (wanted !== undefined) {
    const found = tables.find((t) => t.table === wanted);
    if (!found) throw new InputError(path, `has no feature table "${wanted}"; its feature tables: ${names}`);
    return found;
  }
  if (tables.length !== 1) throw new InputError(path, `holds ${tables.length} feature tables (${names}); pass --source-layer to choose one`);
  return tables[0]!;
}

/** The CRS of a table's geometries: an EPSG code where the file names one, else the WKT it holds. */
function crsOf(database: Database, srsId: number): string | undefined {
  const [result] = database.exec('SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId]);
  const [organization, code, definition] = result?.values[0] ?? [];
  // srs ids 0 and -1 are the spec's "undefined geographic" and "undefined Cartesian": no CRS stated.
  if (srsId <= 0 || organization === undefined) return undefined;
  if (String(organization).toUpperCase() === 'EPSG' && Number(code) > 0) return `EPSG:${Number(code)}`;
  return typeof definition === 'string' && definition !== 'undefined' ? definition : undefined;
}

function primaryKey(database: Database, table: string): string | undefined {
  const [result] = database.exec(`PRAGMA table_info(${quoted(table)})`);
  const columns = result?.columns ?? [];
  const row = result?.values.find((values) => Number(values[columns.indexOf('pk')]) === 1);
  return row ? String(row[columns.indexOf('name')]) : undefined;
}

/**
 * A GeoPackage geometry blob: "GP", a version, a flags byte (bit 0 the header's byte order,
 * bits 1–3 the envelope's kind, bit 4 empty), the srs id, the envelope, then standard WKB.
 */
function geometryOf(blob: Uint8Array): SourceGeometry | null {
  if (blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry (no "GP" magic)');
  const flags = blob[3]!;
  if (flags & 0b10000) return null;
  const envelopeKind = (flags >> 1) & 0b111;
  const envelopeBytes = [0, 32, 48, 48, 64][envelopeKind];
  if (envelopeBytes === undefined) throw new Error(`unknown envelope kind ${envelopeKind}`);
  const wkb = Buffer.from(blob.buffer, blob.byteOffset + 8 + envelopeBytes, blob.byteLength - 8 - envelopeBytes);
  return wkx.Geometry.parse(wkb).toGeoJSON() as SourceGeometry;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
