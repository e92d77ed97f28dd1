import { openDuckDbStore } from './duckdb/duckDbStore.ts';
import { openPostgresStore } from './postgres/postgresStore.ts';
import type { TwinStore } from './twinStore.ts';

/** The store the configuration names: PostgreSQL where `STORE_URL` is set, else the DuckDB file in the data folder. */
export function openStore(config: { storePath: string; storeUrl: string | undefined }, options: { adminCode: string }): Promise<TwinStore> {
  return config.storeUrl ? openPostgresStore(config.storeUrl, options) : openDuckDbStore(config.storePath, options);
}
