import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { LAYER_CAPABILITIES, type LayerDefinition, type LocalizedText, type RecordTableEntry } from '../../layers/index.ts';

/** A table of the console: a layer's attribute table, or a kind of record of the data API. */
export interface SqlTable {
  /** Its name in SQL. */
  name: string;
  title: LocalizedText;
  origin: 'layer' | 'records';
  /** Its Arrow IPC data, a file or a stream. */
  arrowUrl: string;
  /** Whether its objects are outlined when a result highlights them: a buildings layer colours its own, records have no shapes. */
  outlined: boolean;
  /** Its columns when the server lists them, so the schema browser need not load a table of millions of readings to show them. */
  columns?: { name: string; type: string }[];
}

/** Every layer with a table (its id with `_` for `-` as the name), then the record tables whose names no layer took. */
export function sqlTables(layers: readonly LayerDefinition[], records: readonly RecordTableEntry[]): SqlTable[] {
  const fromLayers = layers
    .filter((layer) => layer.table)
    .map((layer): SqlTable => ({ name: layer.id.replaceAll('-', '_'), title: layer.title, origin: 'layer', arrowUrl: layer.table!.arrow, outlined: !LAYER_CAPABILITIES[layer.kind].highlightsOwnObjects }));
  const taken = new Set(fromLayers.map((table) => table.name));
  const fromRecords = records
    .filter((record) => !taken.has(record.name))
    .map((record): SqlTable => ({ name: record.name, title: record.title, origin: 'records', arrowUrl: record.arrow, outlined: false, columns: record.columns }));
  return [...fromLayers, ...fromRecords];
}

/** The tables a query names, so only those are fetched (whole words, case-insensitive, quoted or not). */
export function tablesNamedIn(sql: string, tables: readonly SqlTable[]): SqlTable[] {
  const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return tables.filter((table) => words.has(table.name));
}

const IPC_FILE_MAGIC = 'ARROW1';

/** Whether Arrow IPC bytes are a file (magic, record batches, footer) rather than a stream. */
export function isArrowFile(bytes: Uint8Array): boolean {
  return bytes.length >= IPC_FILE_MAGIC.length && String.fromCharCode(...bytes.subarray(0, IPC_FILE_MAGIC.length)) === IPC_FILE_MAGIC;
}

/**
 * Loads a table into the database once. DuckDB takes Arrow IPC streams: the server streams the
 * record tables, and its layer tables are IPC files, whose record batches are re-framed (no data
 * is converted).
 */
export async function loadTable(connection: AsyncDuckDBConnection, table: SqlTable, loaded: Set<string>): Promise<void> {
  if (loaded.has(table.name)) return;
  const response = await fetch(table.arrowUrl);
  if (!response.ok) throw new Error(`${table.arrowUrl} answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  await connection.insertArrowFromIPCStream(isArrowFile(bytes) ? tableToIPC(tableFromIPC(bytes), 'stream') : bytes, { name: table.name, create: true });
  loaded.add(table.name);
}
