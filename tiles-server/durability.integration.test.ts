import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventStreamReader } from '../test/support/eventStream.ts';
import mqtt from 'mqtt';
import { startMosquitto } from './testing/mosquittoServer.ts';
import { type PostgresServer, startPostgres } from './testing/postgresServer.ts';
import { type ServerProcess, runServer } from './testServerProcess.ts';

const token = 'operator-token-0123456789';
const running: ServerProcess[] = [];
const dirs: string[] = [];

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => postgres?.stop());

/** Where a server keeps its records: the DuckDB file of its data folder, or a PostgreSQL database (`STORE_URL`). */
interface Place {
  dataDir: string;
  storeUrl?: string;
}

const STORES: [string, () => Promise<Place>][] = [
  ['DuckDB', async () => ({ dataDir: await dataDir() })],
  ['PostgreSQL', async () => ({ dataDir: await dataDir(), storeUrl: await postgres.createDatabase() })],
];

async function start(place: Place, env: Record<string, string> = {}): Promise<{ server: ServerProcess; url: string }> {
  const server = runServer({ DATA_DIR: place.dataDir, TWIN_TOKENS: `gateway:operator:${token}`, ...(place.storeUrl ? { STORE_URL: place.storeUrl } : {}), ...env });
  running.push(server);
  return { server, url: await server.listening() };
}

async function killHard(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

const post = (url: string, title: string) =>
  fetch(`${url}/api/incidents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: '道路积水', title, lon: 119.81, lat: 28.89 }),
  });

afterEach(async () => {
  for (const server of running.splice(0)) if (server.child.exitCode === null) await killHard(server);
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-durable-'));
  dirs.push(dir);
  return dir;
}

describe.each(STORES)('durability with the %s store', (_, place) => {
  it('keeps every acknowledged incident when the server is killed with SIGKILL mid-burst', async () => {
    const dir = await place();
    const { server, url } = await start(dir);
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const response = await post(url, `burst ${w}-${i}`).catch(() => undefined);
        if (response?.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
      }
    });
    while (acknowledged.length < 150) await new Promise((resolve) => setTimeout(resolve, 10));
    await killHard(server); // writes are still in flight
    stop = true;
    await Promise.all(writers);

    const { url: again } = await start(dir);
    const missing = [];
    for (const id of acknowledged) {
      const response = await fetch(`${again}/api/incidents/${encodeURIComponent(id)}`);
      const incident = (await response.json()) as { steps?: unknown[] };
      if (response.status !== 200 || incident.steps?.length !== 1) missing.push(id);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    expect(missing).toEqual([]);
  }, 90_000);

  it('replays what a live client missed across a server restart, each event once and in order', async () => {
    const dir = await place();
    const first = await start(dir);
    const stream = new EventStreamReader(await fetch(`${first.url}/api/events`));
    for (const title of ['A', 'B']) await post(first.url, title);
    await stream.waitFor(2);
    expect((await post(first.url, 'C')).status).toBe(201);
    await killHard(first.server); // C may or may not have reached the client
    await stream.close();

    const second = await start(dir);
    expect((await post(second.url, 'D')).status).toBe(201);
    const resumed = new EventStreamReader(await fetch(`${second.url}/api/events`, { headers: { 'Last-Event-ID': stream.lastEventId! } }));
    const expected = 4 - stream.events.length;
    await resumed.waitFor(expected);
    await new Promise((resolve) => setTimeout(resolve, 200)); // nothing more may come
    await resumed.close();
    const titles = [...stream.events, ...resumed.events].map((event) => JSON.parse(event.data).incident.title);
    expect(titles).toEqual(['A', 'B', 'C', 'D']);
  }, 90_000);

  it('stores every reading the broker took over MQTT when the server is killed mid-feed, none twice', async () => {
    const broker = await startMosquitto();
    try {
      const dir = await place();
      const env = { MQTT_URL: broker.url, MQTT_CLIENT_ID: 'twin-durable' };
      const first = await start(dir, env);
      const registered = await fetch(`${first.url}/api/monitoring/points`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ points: [{ id: 'mp:1', kind: 'water-level', name: '水位站', unit: 'm', thresholds: { warning: 3.5, alarm: 4.5 }, lon: 119.81, lat: 28.89 }] }),
      });
      expect(registered.status).toBe(201);
      const health = async (url: string) => ((await (await fetch(`${url}/api/health`)).json()) as { mqtt: { connected: boolean; readings: number } }).mqtt;
      while (!(await health(first.url)).connected) await new Promise((resolve) => setTimeout(resolve, 20));

      const gateway = await mqtt.connectAsync(broker.url, { clientId: 'gateway' });
      const count = 10_000;
      const readings = Array.from({ length: count }, (_, i) => ({ at: new Date(Date.UTC(2026, 11, 3, 0, 0, i)).toISOString(), value: (i % 50) / 10 }));
      // Killed once the broker has taken a fifth of the feed: the server is in the middle of it then
      // (its health answers late under the flood, so it cannot tell when).
      let brokerHas = 0;
      const taken = Promise.all(readings.map((reading) => gateway.publishAsync('twin/readings/mp:1', JSON.stringify(reading), { qos: 1 }).then(() => (brokerHas += 1))));
      while (brokerHas < count / 5) await new Promise((resolve) => setTimeout(resolve, 1));
      await killHard(first.server);
      await taken; // the broker has every one
      await gateway.endAsync();

      const second = await start(dir, env);
      const stored = async () => ((await (await fetch(`${second.url}/api/monitoring/points/mp:1/readings?limit=10000`)).json()) as { readings: { at: string; value: number }[] }).readings;
      const deadline = Date.now() + 30_000;
      while ((await stored()).length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const series = await stored();
      expect(series.length).toBe(count);
      expect(new Set(series.map((r) => r.at)).size).toBe(count);
      expect(series.map((r) => ({ at: r.at, value: r.value })).sort((a, b) => a.at.localeCompare(b.at))).toEqual(readings);
    } finally {
      await broker.stop();
    }
  }, 90_000);
});
