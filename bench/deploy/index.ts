import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { buildingsLayer } from '../../datasets/buildings/buildingsLayer.ts';
import { CATALOG_ENTRY_FILE } from '../../layers/index.ts';
import { startMosquitto } from '../../tiles-server/testing/mosquittoServer.ts';
import { startNginx as startTwinNginx } from '../../tiles-server/testing/nginxServer.ts';
import { startPostgres } from '../../tiles-server/testing/postgresServer.ts';
import type { RunningServer } from '../server/childProcess.ts';
import { INCIDENT_TOKEN, latencyRows, measureIncidentLatency } from '../server/incidentLatency.ts';
import { startNginx as startPlainNginx } from '../server/nginx.ts';
import { startTwinServer } from '../server/twinServer.ts';
import { requireWrk, runWrk, type WrkResult } from '../server/wrk.ts';

const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const TOKENS = `bench:operator:${INCIDENT_TOKEN},bench-admin:admin:${ADMIN_TOKEN}`;
const TILE_COUNT = 500;
const ROUNDS = 5;
const POINTS = 100;

/**
 * The scale-out deployment measured against its parts, all in one run on this machine:
 * - tiles through deploy/nginx/twin.conf (public: nginx alone; closed: auth_request to the twin)
 *   against plain nginx on the same files, one worker each; bar ≥ 0.9× for public;
 * - incident POST → SSE p99 across two twin servers sharing PostgreSQL, 100/s, 20 subscribers
 *   per server; bar < 200 ms;
 * - MQTT readings stored per second end to end (gateway publish → committed, alarm rule run),
 *   one reading per message; bar ≥ 5,000/s;
 * - the DuckDB and PostgreSQL stores side by side on the same route mix.
 * Usage: npm run bench -- deploy [--seconds 6] [--connections 50]
 */
export async function benchDeploy({ seconds = 6, connections = 50 } = {}) {
  requireWrk();
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-deploy-'));
  const cleanups: (() => Promise<void>)[] = [() => rm(dir, { recursive: true, force: true })];
  const started = async <T extends RunningServer | { stop(): Promise<void> }>(server: Promise<T>) => {
    const running = await server;
    cleanups.unshift(() => running.stop());
    return running;
  };
  try {
    // nginx, started as root, may read as another user; mkdtemp makes the folder 0700.
    await chmod(dir, 0o755);
    const dataDir = join(dir, 'data');
    await writeTiles(dataDir, 'tiles-public', 'public');
    await writeTiles(dataDir, 'tiles-closed', 'restricted');
    const postgres = await started(startPostgres());
    const broker = await started(startMosquitto());
    const publicFiles = join(dir, 'nginx-public-files.conf');

    // The embedded default: one twin over DuckDB.
    const duckDbPort = 18_330;
    await started(startTwinServer(duckDbPort, dataDir, '/api/health', { TWIN_TOKENS: TOKENS, STORE_PATH: join(dir, 'twin.duckdb'), MQTT_URL: broker.url, MQTT_CLIENT_ID: 'bench-duckdb', MQTT_GROUP: 'bench-duckdb' }));
    const duckDb = `http://127.0.0.1:${duckDbPort}`;
    await registerPoints(duckDb);
    const mqttDuckDb = await measureMqtt(broker.url, [duckDb], 'bench-duckdb');

    // The scale-out deployment: two twins over one PostgreSQL, nginx in front.
    const storeUrl = await postgres.createDatabase();
    const twinPorts = [18_331, 18_332];
    for (const [i, port] of twinPorts.entries()) {
      await started(
        startTwinServer(port, dataDir, '/api/health', { TWIN_TOKENS: TOKENS, STORE_URL: storeUrl, NGINX_PUBLIC_FILES: publicFiles, MQTT_URL: broker.url, MQTT_CLIENT_ID: `bench-postgres-${i}`, MQTT_GROUP: 'bench-postgres' }),
      );
    }
    const twins = twinPorts.map((port) => `http://127.0.0.1:${port}`);
    await registerPoints(twins[0]!);
    const mqttPostgres = await measureMqtt(broker.url, twins, 'bench-postgres');

    console.log('\nMQTT readings, one per message, QoS 1, gateway publish → committed with the alarm rule run');
    console.table([
      { store: 'DuckDB, 1 server', ...mqttDuckDb, 'bar ≥ 5,000/s': mqttDuckDb['readings/s'] >= 5000 ? 'met' : 'NOT met' },
      { store: 'PostgreSQL, 2 servers sharing the feed', ...mqttPostgres, 'bar ≥ 5,000/s': mqttPostgres['readings/s'] >= 5000 ? 'met' : 'NOT met' },
    ]);

    const { offered, acknowledged, delivered } = await measureIncidentLatency({ urls: twins, seconds: 10, rate: 100, subscribersPerServer: 20 });
    console.log(`\nIncidents posted at ${offered.toFixed(0)}/s for 10 s to two servers sharing PostgreSQL, 20 subscribers on each (${delivered.length} deliveries)`);
    console.table(latencyRows(acknowledged, delivered));

    console.log(`\nThe same route mix on each store, one server, ${connections} connections, ${seconds} s (reads of incidents, points, dashboard; one write in ten)`);
    await writeFile(join(dir, 'mix.lua'), routeMixScript());
    const mix = [
      { store: 'DuckDB', ...runWrk(duckDb, join(dir, 'mix.lua'), seconds, connections) },
      { store: 'PostgreSQL + PostGIS', ...runWrk(twins[0]!, join(dir, 'mix.lua'), seconds, connections) },
    ];
    console.table(mix.map((row) => ({ ...row, 'vs DuckDB': `${(row['req/s'] / mix[0]!['req/s']).toFixed(2)}×` })));

    const proxy = await started(startTwinNginx({ upstreams: twinPorts.map((port) => `127.0.0.1:${port}`), dataDir, publicFiles, workers: 1 }));
    const plainPort = 18_333;
    await started(startPlainNginx(plainPort, dir, 1, '/data/tiles-public/0/0.glb'));
    await benchTiles(dir, { plain: `http://127.0.0.1:${plainPort}/`, proxy: `${proxy.url}/` }, seconds, connections);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

/** 500 building-sized tiles (20–40 KB) as a buildings layer at `access`. */
async function writeTiles(dataDir: string, folder: string, access: string): Promise<void> {
  for (let i = 0; i < TILE_COUNT; i++) {
    const path = join(dataDir, folder, String(Math.floor(i / 25)), `${i % 25}.glb`);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, randomBytes(20_000 + (i % 20) * 1000));
  }
  const entry = buildingsLayer(folder, `/data/${folder}/tileset.json`, { sourceSystem: 'wuyi-twin deploy benchmark', originalCrs: 'EPSG:4326', synthetic: true });
  await writeFile(join(dataDir, folder, CATALOG_ENTRY_FILE), JSON.stringify({ ...entry, access }));
}

async function registerPoints(url: string): Promise<void> {
  const points = Array.from({ length: POINTS }, (_, i) => ({ id: `mp:${i}`, kind: 'water-level', name: `水位站${i}`, unit: 'm', thresholds: { warning: 3.5, alarm: 4.5 }, lon: 119.8, lat: 28.9 }));
  const response = await fetch(`${url}/api/monitoring/points`, { method: 'POST', headers: { Authorization: `Bearer ${INCIDENT_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ points }) });
  if (response.status !== 201) throw new Error(`Registering points answered ${response.status}: ${await response.text()}`);
}

/**
 * 20,000 readings, one per message, over 100 points (one in fifty past the alarm threshold and
 * back): from the first publish until the servers' health counts them all stored.
 */
async function measureMqtt(brokerUrl: string, servers: string[], clientPrefix: string) {
  const count = 20_000;
  const health = async () => {
    const counts = await Promise.all(servers.map(async (url) => ((await (await fetch(`${url}/api/health`)).json()) as { mqtt: { connected: boolean; readings: number; alarmsRaised: number } }).mqtt));
    return { connected: counts.every((c) => c.connected), readings: counts.reduce((sum, c) => sum + c.readings, 0), alarms: counts.reduce((sum, c) => sum + c.alarmsRaised, 0) };
  };
  while (!(await health()).connected) await new Promise((resolve) => setTimeout(resolve, 50));
  const before = await health();
  const gateway = await mqtt.connectAsync(brokerUrl, { clientId: `${clientPrefix}-gateway` });
  const start = performance.now();
  const base = Date.UTC(2026, 0, 1);
  const published = Promise.all(
    Array.from({ length: count }, (_, i) => {
      const value = i % 50 === 49 ? 5 : 1;
      return gateway.publishAsync(`twin/readings/mp:${i % POINTS}`, JSON.stringify({ at: new Date(base + i * 1000).toISOString(), value }), { qos: 1 });
    }),
  );
  let now = before;
  while ((now = await health()).readings - before.readings < count) await new Promise((resolve) => setTimeout(resolve, 20));
  const elapsed = (performance.now() - start) / 1000;
  await published;
  await gateway.endAsync();
  return { readings: count, 'seconds': +elapsed.toFixed(2), 'readings/s': Math.round(count / elapsed), 'alarms raised': now.alarms - before.alarms };
}

/** Nine reads in ten (incident list, one incident's filter, monitoring points near a place, the dashboard), one incident posted in ten. */
function routeMixScript(): string {
  return `local n = 0
request = function()
  n = n + 1
  local k = n % 10
  if k == 0 then
    return wrk.format("POST", "/api/incidents", { ["Authorization"] = "Bearer ${INCIDENT_TOKEN}", ["Content-Type"] = "application/json" }, '{"type":"道路积水","title":"mix ' .. n .. '","lon":119.81,"lat":28.89}')
  elseif k < 4 then
    return wrk.format("GET", "/api/incidents?limit=20")
  elseif k < 6 then
    return wrk.format("GET", "/api/incidents?status=%E5%8F%97%E7%90%86&limit=50")
  elseif k < 8 then
    return wrk.format("GET", "/api/monitoring/points?near=119.8,28.9&radius=5000")
  else
    return wrk.format("GET", "/api/dashboard")
  end
end`;
}

/** Tiles through the twin's nginx and through plain nginx, taking turns over several rounds; medians. */
async function benchTiles(dir: string, urls: { plain: string; proxy: string }, seconds: number, connections: number): Promise<void> {
  const script = async (name: string, folder: string, token?: string) => {
    const path = join(dir, `${name}.lua`);
    const headers = token ? `{ ["Authorization"] = "Bearer ${token}" }` : 'nil';
    await writeFile(path, `local n = 0\nrequest = function()\n  n = n + 1\n  local i = n % ${TILE_COUNT}\n  return wrk.format("GET", "/data/${folder}/" .. math.floor(i / 25) .. "/" .. (i % 25) .. ".glb", ${headers})\nend`);
    return path;
  };
  const runs = [
    { name: 'plain nginx, public tiles (baseline)', url: urls.plain, script: await script('plain', 'tiles-public') },
    { name: 'twin nginx, public tiles (from disk)', url: urls.proxy, script: await script('public', 'tiles-public') },
    { name: 'twin nginx, restricted tiles (auth_request, cached)', url: urls.proxy, script: await script('closed', 'tiles-closed', ADMIN_TOKEN) },
    { name: 'plain nginx, the same restricted tiles (baseline)', url: urls.plain, script: await script('plain-closed', 'tiles-closed') },
  ];
  const results = new Map<string, WrkResult[]>(runs.map((run) => [run.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const run of runs) {
      runWrk(run.url, run.script, 1, connections); // warm-up
      results.get(run.name)!.push(runWrk(run.url, run.script, seconds, connections));
    }
  }
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const rows = runs.map((run) => {
    const rounds = results.get(run.name)!;
    const of = (key: keyof WrkResult) => middle(rounds.map((row) => row[key]));
    return { server: run.name, 'req/s': of('req/s'), 'p50 ms': of('p50 ms'), 'p99 ms': of('p99 ms'), errors: rounds.reduce((sum, row) => sum + row.errors, 0) };
  });
  // Each round's pair ran back to back: the median of their ratios leaves out the machine's drift between rounds.
  const ratio = (a: number, b: number) => middle(results.get(runs[a]!.name)!.map((row, round) => row['req/s'] / results.get(runs[b]!.name)![round]!['req/s']));
  const publicRatio = ratio(1, 0);
  console.log(`\n${TILE_COUNT} building-sized tiles (20–40 KB), nginx with 1 worker each, ${connections} connections, median of ${ROUNDS} rounds of ${seconds} s (ratios: median of each round's pair)`);
  console.table([
    { ...rows[0], 'vs plain': '1.00×' },
    { ...rows[1], 'vs plain': `${publicRatio.toFixed(2)}×`, 'bar ≥ 0.90×': publicRatio >= 0.9 && rows[1]!.errors === 0 ? 'met' : 'NOT met' },
    { ...rows[2], 'vs plain': `${ratio(2, 3).toFixed(2)}×` },
    { ...rows[3], 'vs plain': '1.00×' },
  ]);
}
