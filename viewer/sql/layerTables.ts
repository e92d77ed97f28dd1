import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { LayerDefinition } from '../../layers/index.ts';

/** A layer as a SQL table: its name for SQL (the layer id with `_` for `-`) and its Arrow file. */
export interface LayerTable {
  name: string;
  layerId: string;
  arrowUrl: string;
  /** Whether its objects are outlined when a result highlights them: a buildings layer colours its own. */
  outlined: boolean;
}

export function layerTables(layers: readonly LayerDefinition[]): LayerTable[] {
  return layers
    .filter((layer) => layer.table)
    .map((layer) => ({ name: layer.id.replaceAll('-', '_'), layerId: layer.id, arrowUrl: layer.table!.arrow, outlined: layer.kind !== 'buildings' }));
}

/** The tables a query names, so only those are fetched (whole words, case-insensitive, quoted or not). */
export function tablesNamedIn(sql: string, tables: readonly LayerTable[]): LayerTable[] {
  const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return tables.filter((table) => words.has(table.name));
}

/**
 * Loads a layer's Arrow file into the database once. The server writes Arrow IPC files; DuckDB
 * takes IPC streams, so the record batches are re-framed (no data is converted).
 */
export async function loadLayerTable(connection: AsyncDuckDBConnection, table: LayerTable, loaded: Set<string>): Promise<void> {
  if (loaded.has(table.name)) return;
  const response = await fetch(table.arrowUrl);
  if (!response.ok) throw new Error(`${table.arrowUrl} answered ${response.status}`);
  const stream = tableToIPC(tableFromIPC(new Uint8Array(await response.arrayBuffer())), 'stream');
  await connection.insertArrowFromIPCStream(stream, { name: table.name, create: true });
  loaded.add(table.name);
}
