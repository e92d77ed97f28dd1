import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../tiles-server/testing/postgresServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The maintenance database of the PostgreSQL server the `postgres` project's tests make their databases on. */
    postgresAdminUrl: string;
  }
}

/** One PostgreSQL server for the whole `postgres` project, started before its files and stopped after them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.stop();
}
