import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStreamReader } from '../test/support/eventStream.ts';
import { type PostgresServer, startPostgres } from './testing/postgresServer.ts';
import { type ServerProcess, runServer } from './testServerProcess.ts';

const token = 'operator-token-0123456789';
let postgres: PostgresServer;
let dataDir: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  dataDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-scale-'));
}, 60_000);
afterAll(async () => {
  for (const server of servers) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await postgres?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const post = (url: string, title: string) =>
  fetch(`${url}/api/incidents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: '道路积水', title, lon: 119.81, lat: 28.89 }),
  });

describe('several twin servers over one PostgreSQL store', () => {
  it('streams an incident posted to one server to the subscribers of every server, and resumes a stream on another server by Last-Event-ID', async () => {
    const storeUrl = await postgres.createDatabase();
    const started = [0, 1, 2].map(() => runServer({ DATA_DIR: dataDir, STORE_URL: storeUrl, TWIN_TOKENS: `gateway:operator:${token}` }));
    servers.push(...started);
    const urls = await Promise.all(started.map((server) => server.listening()));
    const streams = await Promise.all(urls.map(async (url) => new EventStreamReader(await fetch(`${url}/api/events`))));

    // Each server takes reports; every stream hears all of them, in one order.
    const titles: string[] = [];
    for (let i = 0; i < 9; i++) {
      const title = `report ${i}`;
      expect((await post(urls[i % 3]!, title)).status).toBe(201);
      titles.push(title);
    }
    for (const stream of streams) await stream.waitFor(9, 10_000);
    const heard = streams.map((stream) => stream.events.map((event) => [event.id, JSON.parse(event.data).incident.title]));
    expect(heard[0]!.map(([, title]) => title)).toEqual(titles);
    expect(heard[1]).toEqual(heard[0]);
    expect(heard[2]).toEqual(heard[0]);

    // A client of the first server that lost its connection after the fourth event resumes on the third.
    const seen = streams[0]!.events[3]!.id!;
    await Promise.all(streams.map((stream) => stream.close()));
    expect((await post(urls[1]!, 'after the loss')).status).toBe(201);
    const resumed = new EventStreamReader(await fetch(`${urls[2]}/api/events`, { headers: { 'Last-Event-ID': seen } }));
    await resumed.waitFor(6, 10_000);
    await resumed.close();
    expect(resumed.events.map((event) => JSON.parse(event.data).incident.title)).toEqual([...titles.slice(4), 'after the loss']);

    // The list is the same whichever server answers it.
    const lists = await Promise.all(urls.map(async (url) => ((await (await fetch(`${url}/api/incidents?limit=100`)).json()) as { total: number }).total));
    expect(lists).toEqual([10, 10, 10]);
  }, 120_000);
});
