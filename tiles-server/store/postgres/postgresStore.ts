import { SqlTwinStore } from '../sql/sqlTwinStore.ts';
import { PostgresEngine } from './postgresEngine.ts';

/** The store in a PostgreSQL database (with PostGIS) that several twin servers may share. */
export async function openPostgresStore(url: string, options: { adminCode: string }): Promise<SqlTwinStore> {
  return SqlTwinStore.open(await PostgresEngine.open(url), options);
}
