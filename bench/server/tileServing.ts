import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildingsLayer } from '../../datasets/buildings/buildingsLayer.ts';
import { CATALOG_ENTRY_FILE } from '../../layers/index.ts';
import { type RunningServer, startServer } from './childProcess.ts';
import { cpuMsOf, processesOn } from './processCpu.ts';
import { startNginx } from './nginx.ts';
import { startTwinServer } from './twinServer.ts';
import { requireWrk, runWrk, type WrkResult } from './wrk.ts';

const tileCount = 500;
const tilePath = (i: number) => `/data/tiles/${Math.floor(i / 25)}/${i % 25}.glb`;
const bar = { ofNginx: 0.7, p99Ms: 10 };
const rounds = 3;

/** The bar is taken on building-sized tiles; terrain-sized ones show the cost per request itself. */
const tileSets = [
  { name: 'building-sized tiles, 20–40 KB', bytes: (i: number) => 20_000 + (i % 20) * 1000, barred: true },
  { name: 'terrain-sized tiles, 0.5–0.9 KB', bytes: (i: number) => 500 + (i % 20) * 20, barred: false },
];

interface Row extends WrkResult {
  /** Server CPU time per answered request, all its processes and threads together. */
  'CPU µs/tile': number;
}

/**
 * Tile requests/s and latency of the twin server against nginx serving the same files at the
 * same URL paths, in the same run, so the bar is a ratio to this machine's nginx rather than
 * an absolute figure. The servers take turns for several rounds and each figure is the median
 * of its rounds: on a shared machine one run alone moves by a fifth. Bar: ≥ 0.70× nginx with
 * one worker, p99 < 10 ms.
 */
export async function benchTileServing({ seconds = 6, connections = 50 } = {}) {
  requireWrk();
  for (const tileSet of tileSets) {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-tiles-'));
    try {
      // nginx, started as root, reads as `nobody`; mkdtemp makes the folder 0700.
      await chmod(dir, 0o755);
      await writeTiles(dir, tileSet.bytes);
      const script = join(dir, 'paths.lua');
      await writeFile(script, luaScript());
      const servers = serversFor(dir);
      const runs = new Map<string, Row[]>(servers.map((server) => [server.name, []]));
      for (let round = 0; round < rounds; round++) {
        for (const [index, server] of servers.entries()) {
          const port = 18_301 + index;
          const running = await server.start(port);
          try {
            const url = `http://127.0.0.1:${port}/`;
            runWrk(url, script, 2, connections); // warm-up: fills caches and lets the JIT settle
            const pids = processesOn(port);
            const cpuBefore = cpuMsOf(pids);
            const result = runWrk(url, script, seconds, connections);
            const cpuUs = (cpuMsOf(pids) - cpuBefore) * 1000;
            runs.get(server.name)!.push({ ...result, 'CPU µs/tile': +(cpuUs / (result['req/s'] * seconds)).toFixed(1) });
          } finally {
            await running.stop();
          }
        }
      }
      printTable(tileSet, runs, seconds, connections);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

function serversFor(dir: string): { name: string; start: (port: number) => Promise<RunningServer> }[] {
  return [
    // One worker: the twin server is one Node process, and on a 2-core machine wrk needs the
    // other core, so this is the like-for-like figure the bar is measured against.
    { name: 'nginx, 1 worker (bar baseline)', start: (port) => startNginx(port, dir, 1, tilePath(0)) },
    { name: 'nginx, worker_processes auto', start: (port) => startNginx(port, dir, 'auto', tilePath(0)) },
    // What Node itself allows here: no auth, no layer check, no ETag or range logic.
    {
      name: 'bare node:http from memory (Node ceiling)',
      start: (port) =>
        startServer(process.execPath, ['--import', 'tsx', 'bench/server/bareNodeServer.ts'], `http://127.0.0.1:${port}${tilePath(0)}`, {
          env: { ...process.env, PORT: String(port), DATA_DIR: join(dir, 'data') },
        }),
    },
    { name: 'twin server (data fast lane, tiles from memory)', start: (port) => startTwinServer(port, join(dir, 'data'), tilePath(0)) },
  ];
}

async function writeTiles(dir: string, bytes: (i: number) => number): Promise<void> {
  for (let i = 0; i < tileCount; i++) {
    const path = join(dir, tilePath(i));
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, randomBytes(bytes(i)));
  }
  // The twin serves only files of layers the caller may read: the tiles become a public
  // buildings layer through the catalog entry an import leaves beside its output.
  const entry = buildingsLayer('bench-tiles', '/data/tiles/tileset.json', {
    sourceSystem: 'wuyi-twin server benchmark',
    originalCrs: 'EPSG:4326',
    synthetic: true,
  });
  await writeFile(join(dir, 'data', 'tiles', CATALOG_ENTRY_FILE), JSON.stringify(entry));
}

/** Walks every tile in turn, so no server is measured on one hot file. */
function luaScript(): string {
  return `local n = 0
request = function()
  n = n + 1
  local i = n % ${tileCount}
  return wrk.format("GET", "/data/tiles/" .. math.floor(i / 25) .. "/" .. (i % 25) .. ".glb")
end`;
}

function printTable(tileSet: (typeof tileSets)[number], runs: Map<string, Row[]>, seconds: number, connections: number): void {
  const rows = [...runs].map(([server, results]) => ({ server, ...medianRow(results) }));
  const nginx = rows[0]!;
  const twin = rows.at(-1)!;
  console.log(`\nServing ${tileCount} ${tileSet.name}, ${connections} connections, median of ${rounds} rounds of ${seconds} s`);
  if (tileSet.barred) console.log(`Bar: twin server ≥ ${bar.ofNginx.toFixed(2)}× nginx (1 worker) and p99 < ${bar.p99Ms} ms`);
  console.table(
    rows.map((row) => ({
      ...row,
      'vs nginx': `${(row['req/s'] / nginx['req/s']).toFixed(2)}×`,
      ...(tileSet.barred ? { 'bar met': row === twin ? barVerdict(row, nginx) : '' } : {}),
    })),
  );
}

/** Each figure's median over the rounds; errors are summed, since any at all spoils a figure. */
function medianRow(results: Row[]): Row {
  const median = (key: keyof Row) => results.map((row) => row[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
  return {
    'req/s': median('req/s'),
    'p50 ms': median('p50 ms'),
    'p99 ms': median('p99 ms'),
    errors: results.reduce((sum, row) => sum + row.errors, 0),
    'CPU µs/tile': median('CPU µs/tile'),
  };
}

function barVerdict(twin: WrkResult, nginx: WrkResult): string {
  const misses = [
    twin['req/s'] >= bar.ofNginx * nginx['req/s'] ? '' : `req/s < ${bar.ofNginx.toFixed(2)}× nginx`,
    twin['p99 ms'] < bar.p99Ms ? '' : `p99 ≥ ${bar.p99Ms} ms`,
    twin.errors === 0 && nginx.errors === 0 ? '' : 'errors',
  ].filter(Boolean);
  return misses.length === 0 ? 'yes' : `no: ${misses.join(', ')}`;
}
