import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployFileFor, projectRoot } from './deployFile.ts';
import { freePort } from './freePort.ts';

/** nginx in front of twin servers for tests: Debian's nginx with the project's deploy/nginx/twin.conf. */
export interface NginxServer {
  url: string;
  /** Reads the configuration again (the map of public files, say), as `systemctl reload nginx` does. */
  reload(): Promise<void>;
  log(): Promise<string>;
  stop(): Promise<void>;
}

const NGINX = '/usr/sbin/nginx';

export interface NginxOptions {
  /** The twin servers, `host:port`. */
  upstreams: string[];
  dataDir: string;
  /** The map the twin servers write (NGINX_PUBLIC_FILES). */
  publicFiles: string;
  /** nginx worker processes (default 2). */
  workers?: number;
}

/** deploy/nginx/twin.conf with the test's upstreams, port and folders. */
function renderTwinConf(options: NginxOptions & { port: number; accessCache: string }): Promise<string> {
  return deployFileFor('nginx/twin.conf', [
    [/( {4}server 127\.0\.0\.1:808\d;\n)+/, options.upstreams.map((upstream) => `    server ${upstream};\n`).join('')],
    ['listen 80;', `listen 127.0.0.1:${options.port};`],
    [/\/var\/lib\/wuyi-twin\/data\//g, `${options.dataDir.replace(/\/$/, '')}/`],
    ['/var/lib/wuyi-twin/nginx-public-files.conf', options.publicFiles],
    ['/run/nginx-wuyi-twin-access', options.accessCache],
    [/\/opt\/wuyi-twin\//g, `${projectRoot}/`],
  ]);
}

export async function startNginx(options: NginxOptions): Promise<NginxServer> {
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-nginx-'));
  const port = await freePort();
  await writeFile(join(dir, 'twin.conf'), await renderTwinConf({ ...options, port, accessCache: join(dir, 'access-cache') }));
  // Run as root, nginx's workers would be a user who may not read the test's folders.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${join(dir, kind)};`).join('\n');
  await writeFile(
    join(dir, 'nginx.conf'),
    `${user}daemon off;\nworker_processes ${options.workers ?? 2};\npid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')} warn;\nevents { worker_connections 4096; }\nhttp {\n    access_log off;\n    # As the benchmarks' plain nginx: wrk keeps its connections for the whole run.\n    keepalive_requests 1000000;\n${temp}\n    include ${join(dir, 'twin.conf')};\n}\n`,
  );
  const args = ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')];
  const child: ChildProcess = spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const log = async () => `${output}${await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await fetch(`${url}/_nothing`).then(() => true, () => false);
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${await log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    log,
    reload: async () => {
      child.kill('SIGHUP');
      // The new workers take over within moments; nothing tells from outside when.
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
