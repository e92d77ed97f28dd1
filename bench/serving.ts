import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tileCount = 500;

/**
 * Cached tiles served by the twin server against a bare node:http server that reads each
 * tile from disk per request, both loaded by wrk (a C client, so the client is not what is
 * measured) in the same run. Usage: npm run bench -- serving [--seconds 8] [--connections 50]
 */
export async function benchServing({ seconds = 8, connections = 50 } = {}) {
  if (spawnSync('wrk', ['--version']).error) {
    throw new Error('The serving benchmark needs wrk: apt-get install -y wrk');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-serving-'));
  const script = join(dataDir, 'paths.lua');
  await writeTiles(dataDir);
  await writeFile(
    script,
    `local n = 0
request = function()
  n = n + 1
  local i = n % ${tileCount}
  return wrk.format("GET", "/data/tiles/" .. math.floor(i / 25) .. "/" .. (i % 25) .. ".glb")
end`,
  );
  const servers = [
    { name: 'node:http, disk read per request (baseline)', entry: 'bench/support/diskServer.ts', port: 18_301 },
    { name: 'twin server (Hono, tiles from memory)', entry: 'tiles-server/main.ts', port: 18_302 },
  ];
  const rows = [];
  try {
    for (const server of servers) {
      const child = await startServer(server.entry, server.port, dataDir);
      try {
        const url = `http://127.0.0.1:${server.port}/`;
        wrk(url, script, 2, connections); // warm-up: fills the cache and lets the JIT settle
        rows.push({ server: server.name, ...wrk(url, script, seconds, connections) });
      } finally {
        child.kill('SIGTERM');
      }
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const baseline = rows[0]!['req/s'];
  console.log(`\nServing ${tileCount} tiles of 20–40 KB, ${connections} connections, ${seconds} s each`);
  console.table(rows.map((row) => ({ ...row, 'vs baseline': `${(row['req/s'] / baseline).toFixed(2)}×` })));
}

async function writeTiles(dataDir: string): Promise<void> {
  for (let i = 0; i < tileCount; i++) {
    const folder = join(dataDir, 'data', 'tiles', String(Math.floor(i / 25)));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${i % 25}.glb`), randomBytes(20_000 + (i % 20) * 1000));
  }
}

function wrk(url: string, script: string, seconds: number, connections: number) {
  const run = spawnSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url], { encoding: 'utf8' });
  const out = run.stdout;
  const latency = (percentile: string) => {
    const match = new RegExp(`${percentile}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!match) return Number.NaN;
    return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2] as 'us' | 'ms' | 's'];
  };
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? '0';
  return {
    'req/s': Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN)),
    'p50 ms': latency('50'),
    'p99 ms': latency('99'),
    'bad answers': Number(errors),
  };
}

async function startServer(entry: string, port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'data') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Listening on') && resolve());
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  return child;
}
