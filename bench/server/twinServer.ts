import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from './childProcess.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The twin server (tiles-server/main.ts) as its own Node process, serving `dataDir` under /data/;
 * `env` adds settings such as API tokens.
 */
export function startTwinServer(port: number, dataDir: string, readyPath: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  return startServer(process.execPath, ['--import', 'tsx', 'tiles-server/main.ts'], `http://127.0.0.1:${port}${readyPath}`, {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
  });
}
