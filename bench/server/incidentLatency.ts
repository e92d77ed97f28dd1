import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStreamReader } from '../../test/support/eventStream.ts';
import { startTwinServer } from './twinServer.ts';

/**
 * Incident POST → Server-Sent Event latency: `subscribers` clients hold the live stream while
 * incidents are posted at `rate` per second; each delivery's latency is its arrival time minus
 * the moment its POST was sent. The POST round trip (acknowledged once committed) is measured in
 * the same run as the floor any delivery must pay. Bar: p99 < 200 ms at 100/s with 20 subscribers.
 */
export async function benchIncidentLatency({ seconds = 10, rate = 100, subscribers = 20, port = 18_310 } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-bench-incidents-'));
  const server = await startTwinServer(port, dataDir, '/api/health', { TWIN_TOKENS: `bench:operator:${INCIDENT_TOKEN}` });
  const url = `http://127.0.0.1:${port}`;
  try {
    const { offered, acknowledged, delivered } = await measureIncidentLatency({ urls: [url], seconds, rate, subscribersPerServer: subscribers });
    console.log(`\nIncidents posted at ${offered.toFixed(0)}/s for ${seconds} s, ${subscribers} live subscribers (${delivered.length} deliveries)`);
    console.table(latencyRows(acknowledged, delivered));
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The operator token `measureIncidentLatency` posts with; the servers must know it. */
export const INCIDENT_TOKEN = 'bench-operator-token-0123456789';

/**
 * Posts incidents at `rate` per second to the servers in turn while `subscribersPerServer` clients
 * of each server hold its live stream; every delivery's latency at every subscriber.
 */
export async function measureIncidentLatency(options: { urls: string[]; seconds: number; rate: number; subscribersPerServer: number }) {
  const { urls, seconds, rate, subscribersPerServer } = options;
  const streams = await Promise.all(urls.flatMap((url) => Array.from({ length: subscribersPerServer }, async () => new EventStreamReader(await fetch(`${url}/api/events`)))));
  const sentAt = new Map<string, number>();
  const acknowledged: number[] = [];
  const posts: Promise<void>[] = [];
  const total = seconds * rate;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    // Paced by the clock, not by answers: a slow answer must not lower the offered load.
    const due = started + (i * 1000) / rate;
    if (due > performance.now()) await sleep(due - performance.now());
    const title = `bench-${i}`;
    const sent = performance.now();
    sentAt.set(title, sent);
    posts.push(
      fetch(`${urls[i % urls.length]}/api/incidents`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${INCIDENT_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: '道路积水', title, lon: 119.81, lat: 28.89 }),
      }).then(async (response) => {
        if (response.status !== 201) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
        acknowledged.push(performance.now() - sent);
      }),
    );
  }
  await Promise.all(posts);
  const offered = total / ((performance.now() - started) / 1000);
  await Promise.all(streams.map((stream) => stream.waitFor(total, 30_000)));
  const delivered = streams.flatMap((stream) =>
    stream.events.filter((event) => event.event === 'incident.created').map((event) => event.receivedAt - sentAt.get(JSON.parse(event.data).incident.title)!),
  );
  await Promise.all(streams.map((stream) => stream.close()));
  return { offered, acknowledged, delivered };
}

/** The table rows of a latency run, with the bar's verdict. */
export function latencyRows(acknowledged: number[], delivered: number[]) {
  return [
    { path: 'POST → 201 (committed)', ...percentiles(acknowledged) },
    { path: 'POST → event at each subscriber', ...percentiles(delivered), 'bar p99 < 200 ms': percentile(delivered, 0.99) < 200 ? 'met' : 'NOT met' },
  ];
}

export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
const percentiles = (values: number[]) => ({
  'p50 ms': Number(percentile(values, 0.5).toFixed(1)),
  'p99 ms': Number(percentile(values, 0.99).toFixed(1)),
  'max ms': Number(Math.max(...values).toFixed(1)),
});
