import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleData } from '../../support/sampleData.ts';
import { freePort } from '../../../tiles-server/testing/freePort.ts';

export interface TwinServer {
  url: string;
  dataDir: string;
  /** Stops the server process and starts it again on the same port and data folder. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}


/**
 * Starts the real twin server (as `npm start` runs it) on a free port, over a fresh copy of the
 * sample data folder to which `prepare` may add (imported layers, say); `env` adds settings
 * such as API tokens.
 */
export async function startTwinServer(prepare?: (dataDir: string) => Promise<void>, env: Record<string, string> = {}): Promise<TwinServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-e2e-'));
  await cp(await sampleData(), dataDir, { recursive: true });
  await prepare?.(dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const start = async () => {
    const started = spawn(process.execPath, ['--import', 'tsx', 'tiles-server/main.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    started.stdout!.on('data', (chunk) => (output += chunk));
    started.stderr!.on('data', (chunk) => (output += chunk));
    await waitForHealth(url, started, () => output);
    return started;
  };
  let child = await start();
  return {
    url,
    dataDir,
    restart: async () => {
      await stopProcess(child);
      child = await start();
    },
    stop: async () => {
      await stopProcess(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `npm run twin -- <args>` (the pipeline CLI) against a data folder; fails with its output. */
export async function runTwin(args: string[], dataDir: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'datasets/cli.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`twin ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}


async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Twin server exited with ${child.exitCode}:\n${output()}`);
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Twin server did not become healthy in 30 s:\n${output()}`);
}

export async function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}
