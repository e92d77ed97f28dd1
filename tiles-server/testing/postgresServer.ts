import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './freePort.ts';

const run = promisify(execFile);
const INSTALLED = '/usr/lib/postgresql';
const USER = 'twin';
const TEMPLATE = 'twin_template';

/** A PostgreSQL server of its own for tests: Debian's binaries, a cluster in a temporary folder, gone after `stop`. */
export interface PostgresServer {
  /** The server's maintenance database, from which `createDatabase` makes others (in any test process). */
  adminUrl: string;
  /** A fresh database with PostGIS installed, as a `STORE_URL`. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** A fresh database with PostGIS on the server of `adminUrl`, copied from its template; its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `twin_${process.pid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** The newest PostgreSQL the Debian packages installed. */
function binaries(): string {
  const versions = existsSync(INSTALLED) ? readdirSync(INSTALLED).filter((v) => existsSync(join(INSTALLED, v, 'bin', 'postgres'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`No PostgreSQL server under ${INSTALLED}: install the Debian packages postgresql and postgresql-*-postgis-3`);
  return join(INSTALLED, newest, 'bin');
}


export async function startPostgres(): Promise<PostgresServer> {
  const bin = binaries();
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-pg-'));
  // PostgreSQL refuses to run as root; as root, the cluster belongs to Debian's postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout), Number(group));
  }
  const pgRun = (tool: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args));
  const data = join(dir, 'data');
  const port = await freePort();
  await pgRun('initdb', ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--no-locale']);
  await pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`, 'start']);
  const url = (database: string) => `postgres://${USER}@127.0.0.1:${port}/${database}`;
  const adminUrl = url('postgres');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const template = new pg.Client({ connectionString: url(TEMPLATE) });
  await template.connect();
  await template.query('CREATE EXTENSION postgis');
  await template.end();
  return {
    adminUrl,
    createDatabase: () => createDatabase(adminUrl),
    stop: async () => {
      await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
