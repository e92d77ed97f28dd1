import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStreamReader } from '../../test/support/eventStream.ts';
import { percentile } from './incidentLatency.ts';
import { processesOn } from './processCpu.ts';
import { startTwinServer } from './twinServer.ts';

const token = 'bench-operator-token-0123456789';

/**
 * Hostile and careless clients against the twin server, each phase beside the same server at
 * rest in the same run:
 * - a replay storm: `stormClients` anonymous clients ask for the stream from event 0 over a
 *   history of `history` events and hang up at its first byte; then how long the next
 *   `/api/incidents` takes, and the server's RSS;
 * - `stalled` subscribers that never read while incidents are posted at `rate`/s to
 *   `subscribers` healthy ones: RSS stays bounded, `/api/incidents` p99 < 50 ms, POST → event
 *   p99 < 200 ms for the healthy, and the stalled are disconnected.
 */
export async function benchHostileClients({ history = 2000, stormClients = 200, stalled = 50, subscribers = 20, rate = 100, seconds = 15, descriptionChars = 500, port = 18_320 } = {}) {
  const description = '积'.repeat(descriptionChars);
  const dataDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-hostile-'));
  await mkdir(join(dataDir, 'history', 'records'), { recursive: true });
  const incidents = Array.from({ length: history }, (_, i) => ({
    id: `inc:bench-2026-${String(i).padStart(6, '0')}`,
    type: '道路积水',
    title: `历史事件 ${i}：${'积水'.repeat(100)}`,
    status: '办结',
    reportedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    lon: 119.81,
    lat: 28.89,
    township: '330723001',
  }));
  await writeFile(join(dataDir, 'history', 'records', 'incidents.json'), JSON.stringify(incidents));
  const server = await startTwinServer(port, dataDir, '/api/health', { TWIN_TOKENS: `bench:operator:${token}` });
  const url = `http://127.0.0.1:${port}`;
  const [pid] = processesOn(port);
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  const listLatency = async (count: number, perSecond: number) => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const sent = performance.now();
      await (await fetch(`${url}/api/incidents?limit=1`)).arrayBuffer();
      times.push(performance.now() - sent);
      await sleep(1000 / perSecond);
    }
    return times;
  };
  const sockets: Socket[] = [];
  /** `subscribers` healthy subscribers beside `stalledCount` that never read, while incidents are posted at `rate`/s. */
  const underLoad = async (stalledCount: number) => {
    const stalledSockets: Socket[] = [];
    for (let i = 0; i < stalledCount; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      socket.once('data', () => socket.pause());
      stalledSockets.push(socket);
      sockets.push(socket);
    }
    const healthy = await Promise.all(Array.from({ length: subscribers }, async () => new EventStreamReader(await fetch(`${url}/api/events`))));
    let rssPeak = rssMb();
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb())), 100);
    const sentAt = new Map<string, number>();
    const total = rate * seconds;
    const started = performance.now();
    const listing = listLatency(seconds * 20, 20);
    const posts: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      if (due > performance.now()) await sleep(due - performance.now());
      const title = `bench-${stalledCount}-${i}`;
      sentAt.set(title, performance.now());
      posts.push(
        fetch(`${url}/api/incidents`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ type: '道路积水', title, description, lon: 119.81, lat: 28.89 }),
        }).then(async (response) => {
          if (response.status !== 201) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
          await response.arrayBuffer();
        }),
      );
    }
    await Promise.all(posts);
    const listed = await listing;
    await Promise.all(healthy.map((stream) => stream.waitFor(total, 60_000)));
    clearInterval(sampler);
    // A paused socket tells of its end only once read: read the stalled ones now and count those the server had ended.
    const ended = await Promise.all(
      stalledSockets.map((socket) => new Promise<boolean>((resolve) => {
          socket.once('close', () => resolve(true));
          setTimeout(() => resolve(false), 2000);
          socket.resume();
        })),
    );
    const delivered = healthy.flatMap((stream) => stream.events.map((event) => event.receivedAt - sentAt.get(JSON.parse(event.data).incident.title)!));
    await Promise.all(healthy.map((stream) => stream.close()));
    stalledSockets.forEach((socket) => socket.destroy());
    return { listP99: percentile(listed, 0.99), eventP99: percentile(delivered, 0.99), rssPeak, disconnected: ended.filter(Boolean).length };
  };
  try {
    const rest = await listLatency(50, 50);
    const rssAtRest = rssMb();

    // The storm: every client asks for the whole history, then hangs up at the first byte.
    let peak = rssAtRest;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 50);
    const stormStarted = performance.now();
    await Promise.all(
      Array.from({ length: stormClients }, () => {
        const socket = connect(port, '127.0.0.1');
        socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nLast-Event-ID: 0\r\n\r\n`);
        return new Promise<void>((resolve) =>
          socket.once('data', () => {
            socket.destroy();
            resolve();
          }),
        );
      }),
    );
    const next = performance.now();
    await (await fetch(`${url}/api/incidents?limit=1`)).arrayBuffer();
    const nextAnswerMs = performance.now() - next;
    const afterStorm = await listLatency(50, 50);
    await sleep(1000);
    clearInterval(sampler);
    const stormMs = next - stormStarted;

    const quiet = await underLoad(0);
    const loaded = await underLoad(stalled);
    console.log(`\nReplay storm: ${stormClients} clients from event 0 over ${history} events, each gone at its first byte (${stormMs.toFixed(0)} ms for all)`);
    console.table([
      { when: 'at rest', 'GET /api/incidents p50 ms': round(percentile(rest, 0.5)), 'p99 ms': round(percentile(rest, 0.99)), 'RSS MB': round(rssAtRest) },
      {
        when: 'after the storm',
        'next answer ms': round(nextAnswerMs),
        'GET /api/incidents p50 ms': round(percentile(afterStorm, 0.5)),
        'p99 ms': round(percentile(afterStorm, 0.99)),
        'p99 / at rest': round(percentile(afterStorm, 0.99) / percentile(rest, 0.99)),
        'RSS peak MB': round(peak),
        'bar: next answer < 2 s': nextAnswerMs < 2000 ? 'met' : 'NOT met',
      },
    ]);
    console.log(`\n${subscribers} healthy subscribers, incidents of ~${(description.length * 3 / 1024).toFixed(1)} KB posted at ${rate}/s for ${seconds} s: alone, then beside ${stalled} that never read`);
    const row = (when: string, figures: Awaited<ReturnType<typeof underLoad>>) => ({
      when,
      'GET /api/incidents p99 ms': round(figures.listP99),
      'POST → event p99 ms (healthy)': round(figures.eventP99),
      'RSS peak MB': round(figures.rssPeak),
      'stalled disconnected by the server': figures.disconnected,
    });
    console.table([
      row('healthy subscribers only', quiet),
      {
        ...row(`beside ${stalled} stalled`, loaded),
        'p99 ratio (list, event)': `${round(loaded.listP99 / quiet.listP99)}×, ${round(loaded.eventP99 / quiet.eventP99)}×`,
        'bars p99 < 50 ms, < 200 ms': `${loaded.listP99 < 50 ? 'met' : 'NOT met'}, ${loaded.eventP99 < 200 ? 'met' : 'NOT met'}`,
      },
    ]);
  } finally {
    sockets.forEach((socket) => socket.destroy());
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const round = (value: number) => Number(value.toFixed(1));
