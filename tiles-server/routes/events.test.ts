import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStreamReader } from '../../test/support/eventStream.ts';
import type { StreamLimits } from '../events/subscriberStream.ts';
import { createTestApp } from '../testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
afterEach(() => t.close());

const open = async (limits: Partial<StreamLimits> = {}) => (t = await createTestApp({ streamLimits: limits }));

let batches = 0;
/** `count` incidents written straight to the store in one transaction (one event each). */
const report = (count: number, description?: string) =>
  t.store.importOnce(
    `batch-${batches++}`,
    {
      incidents: Array.from({ length: count }, (_, i) => ({
        type: '设施损坏',
        title: `第${i}号`,
        description,
        lon: 119.81,
        lat: 28.81,
        township: null,
        binding: { oid: null, method: 'none' as const, layerId: null },
        source: 'test',
      })),
      monitoringPoints: [],
      lifecycle: [],
    },
    { name: 'test', role: 'operator' },
  );

const stream = (headers: Record<string, string> = {}) => t.call('GET', '/api/events', { headers });

describe('event stream under load', () => {
  it('replays a long history in order to a client that reads it all', async () => {
    await open({ replayPageSize: 10 });
    await report(125);
    const reader = new EventStreamReader(await stream({ 'Last-Event-ID': '0' }));
    await reader.waitFor(125);
    expect(reader.events.map((event) => Number(event.id))).toEqual(Array.from({ length: 125 }, (_, i) => i + 1));
    await reader.close();
  });

  it('stops replaying as soon as the client leaves', async () => {
    await open({ replayPageSize: 10 });
    await report(60);
    let pages = 0;
    const eventsAfter = t.store.eventsAfter.bind(t.store);
    t.store.eventsAfter = (id, limit) => {
      pages++;
      return eventsAfter(id, limit);
    };
    const response = await stream({ 'Last-Event-ID': '0' });
    const body = response.body!.getReader();
    await body.read();
    await body.cancel();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // 60 events are six pages; a client gone after its first bytes costs at most the page under way and one more.
    expect(pages).toBeLessThanOrEqual(2);
  });

  it('tells a client further behind than the replay window to reload, then follows from there', async () => {
    await open({ replayWindow: 100 });
    await report(150);
    const reader = new EventStreamReader(await stream({ 'Last-Event-ID': '3' }));
    await reader.waitFor(1);
    expect(reader.events[0]).toMatchObject({ event: 'reset', id: '150' });
    expect(JSON.parse(reader.events[0]!.data)).toMatchObject({ latest: 150 });
    await report(1);
    await reader.waitFor(2);
    expect(reader.events[1]).toMatchObject({ event: 'incident.created', id: '151' });
    await reader.close();
  });

  it('replays a client just inside the window in full', async () => {
    await open({ replayWindow: 100 });
    await report(150);
    const reader = new EventStreamReader(await stream({ 'Last-Event-ID': '50' }));
    await reader.waitFor(100);
    expect(reader.events.map((event) => event.event)).not.toContain('reset');
    expect(reader.events[0]!.id).toBe('51');
    await reader.close();
  });

  it('ends the stream of a client that stops reading; it resumes by its Last-Event-ID and misses nothing', async () => {
    await open({ bufferBytes: 4096, maxQueuedEvents: 20 });
    const stalled = await stream();
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let batch = 0; batch < 10; batch++) await report(20);
    // The stalled client reads now: what was buffered, then the end of the stream.
    const first = new EventStreamReader(stalled);
    await Promise.race([first.done, new Promise((_, reject) => setTimeout(() => reject(new Error('the stalled stream was not ended')), 5000))]);
    expect(first.events.length).toBeGreaterThan(0);
    expect(first.events.length).toBeLessThan(200);
    const resumed = new EventStreamReader(await stream({ 'Last-Event-ID': first.lastEventId! }));
    await resumed.waitFor(200 - first.events.length);
    const ids = [...first.events, ...resumed.events].map((event) => Number(event.id));
    expect(ids).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    await resumed.close();
  });

  it('names where a stream starts, so a client dropped before its first event resumes from there', async () => {
    await open();
    await report(7);
    const body = (await stream()).body!.getReader();
    const { value } = await body.read();
    await body.cancel();
    expect(new TextDecoder().decode(value)).toBe('retry: 2000\nid: 7\n\n');
  });

  it('ends the stream of a client whose unread bytes have waited past the write timeout', async () => {
    await open({ writeTimeoutMs: 300, bufferBytes: 4096 });
    const stalled = await stream();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await report(30, '路'.repeat(500));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const first = new EventStreamReader(stalled);
    await Promise.race([first.done, new Promise((_, reject) => setTimeout(() => reject(new Error('the stalled stream was not ended')), 2000))]);
    expect(first.events.length).toBeLessThan(30);
  });

  it('closes the socket under a stream that falls too far behind, on a real server', async () => {
    await open({ maxQueuedEvents: 20 });
    const server = await t.listen();
    const socket = connect(server.port, '127.0.0.1');
    // Listened for from the start: a reset connection closes even while paused.
    const closed = new Promise<'closed'>((resolve) => socket.once('close', () => resolve('closed')));
    socket.on('error', () => undefined);
    socket.write('GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((resolve) => socket.once('data', resolve));
    socket.pause();
    // One batch announces its 100 events at once: far more than the stream may queue.
    await report(100);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A paused socket reports its end only once read: read what came, and see whether the server ended it.
    socket.resume();
    const outcome = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 3000))]);
    socket.destroy();
    await server.close();
    expect(outcome).toBe('closed');
  });
});
