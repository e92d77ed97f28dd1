import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/** A server started for a benchmark; `stop` ends it and waits until it is gone. */
export interface RunningServer {
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A benchmark that crashes past its `finally` must still not leave a server holding its port.
process.on('exit', () => running.forEach((child) => child.kill('SIGTERM')));

/**
 * Spawns a server and resolves once `readyUrl` answers 2xx. Readiness is asked over HTTP
 * rather than read from the log, so it also proves the URL paths the load will use. A child
 * that exits first or never answers is stopped and reported with the end of its stderr,
 * which is otherwise kept off the benchmark's output.
 */
export async function startServer(
  command: string,
  args: string[],
  readyUrl: string,
  options: SpawnOptions = {},
): Promise<RunningServer> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${command} exited with ${code} before answering ${readyUrl}`);
  });
  try {
    await Promise.race([waitForAnswer(readyUrl, () => isRunning(child)), exited]);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return { stop: () => stopChild(child) };
}

async function waitForAnswer(url: string, alive: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline && alive()) {
    // Bounded, so that something else holding the port and never answering cannot stall us.
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    if (response) last = `${response.status} ${await response.text()}`.slice(0, 300);
    if (response?.ok) return;
    await sleep(100);
  }
  throw new Error(`${url} did not answer 2xx within ${timeoutMs / 1000} s (last: ${last})`);
}

/** SIGTERM lets nginx's master end its workers; SIGKILL only if it hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (isRunning(child)) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  running.delete(child);
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
