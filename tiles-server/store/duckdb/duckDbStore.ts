import { SqlTwinStore } from '../sql/sqlTwinStore.ts';
import { DuckDbEngine } from './duckDbEngine.ts';

/** The store in one DuckDB file in the data folder: the embedded default. */
export async function openDuckDbStore(path: string, options: { adminCode: string }): Promise<SqlTwinStore> {
  return SqlTwinStore.open(await DuckDbEngine.open(path), options);
}
