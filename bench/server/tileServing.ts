import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildingsLayer } from '../../datasets/buildings/buildingsLayer.ts';
import { CATALOG_ENTRY_FILE } from '../../layers/index.ts';
import { type RunningServer, startServer } from './childProcess.ts';
import { startNginx } from './nginx.ts';
import { startTwinServer } from './twinServer.ts';
import { requireWrk, runWrk, type WrkResult } from './wrk.ts';

const tileCount = 500;
const tilePath = (i: number) => `/data/tiles/${Math.floor(i / 25)}/${i % 25}.glb`;
const bar = { ofNginx: 0.7, p99Ms: 10 };

/**
 * Tile requests/s and latency of the twin server against nginx serving the same files at the
 * same URL paths, in the same run, so the bar is a ratio to this machine's nginx rather than
 * an absolute figure. Bar: ≥ 0.70× nginx with one worker, p99 < 10 ms.
 */
export async function benchTileServing({ seconds = 8, connections = 50 } = {}) {
  requireWrk();
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-tiles-'));
  try {
    // nginx, started as root, reads as `nobody`; mkdtemp makes the folder 0700.
    await chmod(dir, 0o755);
    await writeTiles(dir);
    const script = join(dir, 'paths.lua');
    await writeFile(script, luaScript());
    const servers: { name: string; port: number; start: (port: number) => Promise<RunningServer> }[] = [
      // One worker: the twin server is one Node process, and on a 2-core machine wrk needs the
      // other core, so this is the like-for-like figure the bar is measured against.
      { name: 'nginx, 1 worker (bar baseline)', port: 18_301, start: (port) => startNginx(port, dir, 1, tilePath(0)) },
      { name: 'nginx, worker_processes auto', port: 18_302, start: (port) => startNginx(port, dir, 'auto', tilePath(0)) },
      // What Node itself allows here: no auth, no layer check, no ETag or range logic.
      {
        name: 'bare node:http from memory (Node ceiling)',
        port: 18_304,
        start: (port) =>
          startServer(process.execPath, ['--import', 'tsx', 'bench/server/bareNodeServer.ts'], `http://127.0.0.1:${port}${tilePath(0)}`, {
            env: { ...process.env, PORT: String(port), DATA_DIR: join(dir, 'data') },
          }),
      },
      { name: 'twin server (data fast lane, tiles from memory)', port: 18_303, start: (port) => startTwinServer(port, join(dir, 'data'), tilePath(0)) },
    ];
    const rows: ({ server: string } & WrkResult)[] = [];
    for (const server of servers) {
      const running = await server.start(server.port);
      try {
        const url = `http://127.0.0.1:${server.port}/`;
        runWrk(url, script, 2, connections); // warm-up: fills caches and lets the JIT settle
        rows.push({ server: server.name, ...runWrk(url, script, seconds, connections) });
      } finally {
        await running.stop();
      }
    }
    printTable(rows, seconds, connections);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeTiles(dir: string): Promise<void> {
  for (let i = 0; i < tileCount; i++) {
    const path = join(dir, tilePath(i));
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, randomBytes(20_000 + (i % 20) * 1000));
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

function printTable(rows: ({ server: string } & WrkResult)[], seconds: number, connections: number): void {
  const nginx = rows[0]!;
  const twin = rows.at(-1)!;
  console.log(`\nServing ${tileCount} tiles of 20–40 KB, ${connections} connections, ${seconds} s each`);
  console.log(`Bar: twin server ≥ ${bar.ofNginx.toFixed(2)}× nginx (1 worker) and p99 < ${bar.p99Ms} ms`);
  console.table(
    rows.map((row) => ({
      ...row,
      'vs nginx': `${(row['req/s'] / nginx['req/s']).toFixed(2)}×`,
      'bar met': row === twin ? barVerdict(row, nginx) : '',
    })),
  );
}

function barVerdict(twin: WrkResult, nginx: WrkResult): string {
  const misses = [
    twin['req/s'] >= bar.ofNginx * nginx['req/s'] ? '' : `req/s < ${bar.ofNginx.toFixed(2)}× nginx`,
    twin['p99 ms'] < bar.p99Ms ? '' : `p99 ≥ ${bar.p99Ms} ms`,
    twin.errors === 0 && nginx.errors === 0 ? '' : 'errors',
  ].filter(Boolean);
  return misses.length === 0 ? 'yes' : `no: ${misses.join(', ')}`;
}
