import { AsyncDuckDB, ConsoleLogger, LogLevel, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

let opened: Promise<AsyncDuckDBConnection> | undefined;
let database: AsyncDuckDB | undefined;

/**
 * The analyst's database: DuckDB-WASM in a worker, both files served by the twin server (the
 * exception-handling build, which every browser the twin supports runs). Extensions are never
 * installed or loaded: none can be downloaded on a closed network. Opened on first use.
 */
export function browserDatabase(): Promise<AsyncDuckDBConnection> {
  opened ??= (async () => {
    const worker = new Worker(workerUrl);
    const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
    database = db;
    await db.instantiate(wasmUrl);
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    const connection = await db.connect();
    await connection.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
    return connection;
  })();
  opened.catch(() => (opened = undefined));
  return opened;
}

/** Ends the database and its worker, stopping whatever it was running; the next use opens a new one. */
export async function closeBrowserDatabase(): Promise<void> {
  const ending = database;
  database = undefined;
  opened = undefined;
  await ending?.terminate();
}
