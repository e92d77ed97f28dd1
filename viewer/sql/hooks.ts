import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LAYER_TABLE_COLUMNS as C, type LayerDefinition, type RecordTableEntry } from '../../layers/index.ts';
import { fetchRecordTables } from '../api/client.ts';
import { cellReader } from './cellReader.ts';
import { browserDatabase, closeBrowserDatabase } from './database.ts';
import { loadTable, sqlTables, tablesNamedIn } from './sqlTables.ts';

const HISTORY_KEY = 'wuyi-twin-sql-history';
const HISTORY_SIZE = 30;

/** A query's answer, kept columnar: the grid reads only the rows it shows. */
export interface QueryResult {
  columns: string[];
  rowCount: number;
  cell(row: number, column: number): unknown;
  milliseconds: number;
}

export type QueryState = { phase: 'idle' } | { phase: 'running'; step: string } | { phase: 'done'; result: QueryResult } | { phase: 'failed'; message: string } | { phase: 'cancelled' };

/**
 * Runs SQL over the layers and records the user may read: each table named in a query is fetched
 * from the server the first time, then stays; the work happens in DuckDB's worker, so the page
 * never freezes, and a running query can be cancelled.
 */
export function useSqlConsole(layers: readonly LayerDefinition[]) {
  // Asked for once as the console opens; a query waits for the answer, so a shared link over a record table runs as the console opens too.
  const [recordsAsked] = useState(() => fetchRecordTables().catch(() => undefined));
  /** The record tables, undefined while asked for, null when the server could not list them. */
  const [records, setRecords] = useState<RecordTableEntry[] | null>();
  useEffect(() => void recordsAsked.then((listed) => setRecords(listed ?? null)), [recordsAsked]);
  const tables = useMemo(() => sqlTables(layers, records ?? []), [layers, records]);
  const loaded = useRef(new Set<string>());
  const [state, setState] = useState<QueryState>({ phase: 'idle' });
  const [history, setHistory] = useState<string[]>(() => JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]') as string[]);
  const cancelled = useRef(false);

  const run = useCallback(
    async (sql: string) => {
      cancelled.current = false;
      const started = performance.now();
      try {
        setState({ phase: 'running', step: 'opening' });
        const connection = await browserDatabase();
        for (const table of tablesNamedIn(sql, sqlTables(layers, (await recordsAsked) ?? []))) {
          if (!loaded.current.has(table.name)) setState({ phase: 'running', step: table.name });
          await loadTable(connection, table, loaded.current);
        }
        // Cancelled while the tables loaded: the database was ended under them, and no query may start on its successor.
        if (cancelled.current) return setState({ phase: 'cancelled' });
        setState({ phase: 'running', step: 'query' });
        const answer = await connection.query(sql);
        if (cancelled.current) return;
        const columns = answer.schema.fields.map((field) => field.name);
        const cells = answer.schema.fields.map((field, i) => cellReader(field.type, answer.getChildAt(i)));
        setState({
          phase: 'done',
          result: { columns, rowCount: answer.numRows, cell: (row, column) => cells[column]?.(row), milliseconds: performance.now() - started },
        });
        setHistory((previous) => {
          const next = [sql, ...previous.filter((entry) => entry !== sql)].slice(0, HISTORY_SIZE);
          localStorage.setItem(HISTORY_KEY, JSON.stringify(next));
          return next;
        });
      } catch (error) {
        if (cancelled.current) return setState({ phase: 'cancelled' });
        setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [layers, recordsAsked],
  );

  // DuckDB-WASM cannot interrupt a running query; ending its worker can. The next query starts a
  // fresh database and loads again the tables it names.
  const cancel = useCallback(async () => {
    cancelled.current = true;
    await closeBrowserDatabase();
    loaded.current.clear();
    setState({ phase: 'cancelled' });
  }, []);

  /** The columns of a table (loading it first), for the schema browser. */
  const describe = useCallback(
    async (name: string): Promise<{ name: string; type: string }[]> => {
      const table = tables.find((candidate) => candidate.name === name);
      if (!table) return [];
      if (table.columns) return table.columns;
      const connection = await browserDatabase();
      await loadTable(connection, table, loaded.current);
      const answer = await connection.query(`DESCRIBE ${name}`);
      const [names, types] = [answer.getChild('column_name'), answer.getChild('column_type')];
      return Array.from({ length: answer.numRows }, (_, i) => ({ name: String(names?.get(i)), type: String(types?.get(i)) }));
    },
    [tables],
  );

  /** The geometries (GeoJSON text) that these oids have in the loaded tables of outlined layers, up to `limit`. */
  const shapes = useCallback(
    async (oids: readonly string[], limit: number): Promise<string[]> => {
      // A few times the outlines wanted: enough for a result of areas, and no statement of megabytes for a result of every building.
      const asked = [...new Set(oids)].slice(0, limit * 4);
      if (asked.length === 0) return [];
      const connection = await browserDatabase();
      const list = asked.map((oid) => `'${oid.replaceAll("'", "''")}'`).join(', ');
      const found: string[] = [];
      for (const table of tables) {
        if (!table.outlined || !loaded.current.has(table.name) || found.length >= limit) continue;
        const names = new Set((await describe(table.name)).map((column) => column.name));
        if (!names.has(C.oid) || !names.has(C.geometry)) continue;
        const answer = await connection.query(`SELECT ${C.geometry} FROM ${table.name} WHERE ${C.oid} IN (${list}) LIMIT ${limit - found.length}`);
        for (let i = 0; i < answer.numRows; i++) found.push(String(answer.getChildAt(0)?.get(i)));
      }
      return found;
    },
    [tables, describe],
  );

  return { tables, recordsUnlisted: records === null, state, history, run, cancel, describe, shapes };
}

