import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from './childProcess.ts';

const nginxPath = '/usr/sbin/nginx';

/**
 * Debian's nginx in the foreground, serving `root` as plain files (sendfile, keep-alive, no
 * gzip, no file cache) from its own temporary prefix, which `stop` removes.
 */
export async function startNginx(port: number, root: string, workers: number | 'auto', readyPath: string): Promise<RunningServer> {
  const prefix = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-nginx-'));
  const errorLog = join(prefix, 'error.log');
  await writeFile(join(prefix, 'nginx.conf'), nginxConf(port, root, workers, prefix));
  try {
    // -e keeps even start-up errors out of /var/log/nginx.
    const nginx = await startServer(
      nginxPath,
      ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', errorLog, '-g', 'daemon off;'],
      `http://127.0.0.1:${port}${readyPath}`,
    );
    return { stop: () => nginx.stop().finally(() => rm(prefix, { recursive: true, force: true })) };
  } catch (error) {
    await rm(prefix, { recursive: true, force: true });
    throw error;
  }
}

function nginxConf(port: number, root: string, workers: number | 'auto', prefix: string): string {
  return `worker_processes ${workers};
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  # nginx closes a connection after 1,000 requests by default; the twin server never does.
  keepalive_requests 1000000;
  types { model/gltf-binary glb; }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:${port};
    root ${root};
  }
}
`;
}
