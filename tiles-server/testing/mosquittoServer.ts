import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployFileFor } from './deployFile.ts';
import { freePort } from './freePort.ts';

/**
 * An MQTT broker of its own for tests: Debian's mosquitto with the project's
 * deploy/mosquitto/wuyi-twin.conf, on 127.0.0.1, open to anonymous clients and keeping nothing on
 * disk; gone after `stop`.
 */
export interface MosquittoServer {
  url: string;
  port: number;
  /** Everything the broker logged. */
  log(): string;
  stop(): Promise<void>;
}

const MOSQUITTO = '/usr/sbin/mosquitto';

/** Starts mosquitto on `port` (a free one by default: pass the old one to restart a broker where its clients look). */
export async function startMosquitto(port?: number): Promise<MosquittoServer> {
  const listenPort = port ?? (await freePort());
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-mqtt-'));
  const config = join(dir, 'mosquitto.conf');
  // Run as root, mosquitto would drop to a user that may not read the temporary folder.
  const user = process.getuid?.() === 0 ? 'user root\n' : '';
  await writeFile(config, `${user}log_dest stdout\n${await renderBrokerConf(listenPort)}`);
  const child: ChildProcess = spawn(MOSQUITTO, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await accepts(listenPort))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`mosquitto did not start on port ${listenPort}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `mqtt://127.0.0.1:${listenPort}`,
    port: listenPort,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** deploy/mosquitto/wuyi-twin.conf with the test's port, no accounts and no persistence. */
function renderBrokerConf(port: number): Promise<string> {
  return deployFileFor('mosquitto/wuyi-twin.conf', [
    [/^listener 1883$/m, `listener ${port} 127.0.0.1`],
    [/^allow_anonymous false$/m, 'allow_anonymous true'],
    [/^password_file .*$/m, ''],
    [/^persistence true$/m, 'persistence false'],
  ]);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
