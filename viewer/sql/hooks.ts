import { useCallback, useMemo, useRef, useState } from 'react';
import type { LayerDefinition } from '../../layers/index.ts';
import { browserDatabase } from './database.ts';
import { layerTables, loadLayerTable, tablesNamedIn } from './layerTables.ts';

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
 * Runs SQL over the layers the user may read: each table named in a query is fetched from the
 * server the first time, then stays; the work happens in DuckDB's worker, so the page never
 * freezes, and a running query can be cancelled.
 */
export function useSqlConsole(layers: readonly LayerDefinition[]) {
  const tables = useMemo(() => layerTables(layers), [layers]);
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
        for (const table of tablesNamedIn(sql, tables)) {
          if (!loaded.current.has(table.name)) setState({ phase: 'running', step: table.name });
          await loadLayerTable(connection, table, loaded.current);
        }
        setState({ phase: 'running', step: 'query' });
        const answer = await connection.query(sql);
        if (cancelled.current) return;
        const columns = answer.schema.fields.map((field) => field.name);
        const vectors = columns.map((_, i) => answer.getChildAt(i));
        setState({
          phase: 'done',
          result: { columns, rowCount: answer.numRows, cell: (row, column) => vectors[column]?.get(row), milliseconds: performance.now() - started },
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
    [tables],
  );

  const cancel = useCallback(async () => {
    cancelled.current = true;
    await (await browserDatabase()).cancelSent().catch(() => false);
    setState({ phase: 'cancelled' });
  }, []);

  return { tables, loaded: loaded.current, state, history, run, cancel };
}
