import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresServer, startPostgres } from '../../testing/postgresServer.ts';
import type { Actor, NewIncident, TwinEvent, TwinStore } from '../twinStore.ts';
import { openPostgresStore } from './postgresStore.ts';

const operator: Actor = { name: 'duty-room', role: 'operator' };
const incident = (title: string): NewIncident => ({
  type: '道路积水',
  title,
  lon: 119.81,
  lat: 28.89,
  township: '330723001',
  binding: { oid: null, method: 'none', layerId: null },
  source: 'test',
});

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => postgres?.stop());

/** Waits until `done` holds, checking every few milliseconds, for at most `ms`. */
async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('one PostgreSQL store shared by several servers', () => {
  it('numbers the writes of every server in one sequence, and each server hears every event once, in id order', async () => {
    const url = await postgres.createDatabase();
    const stores: TwinStore[] = await Promise.all([openPostgresStore(url, { adminCode: '330723' }), openPostgresStore(url, { adminCode: '330723' })]);
    const heard: TwinEvent[][] = stores.map(() => []);
    stores.forEach((store, i) => store.subscribe((event) => heard[i]!.push(event)));

    // Both servers write at once, each in bursts that group commit batches.
    const written = await Promise.all(stores.flatMap((store, s) => Array.from({ length: 40 }, (_, i) => store.createIncident(incident(`${s}-${i}`), operator))));
    const ids = written.map((created) => created.id);
    expect(new Set(ids).size).toBe(80);
    expect(ids.map((id) => Number(id.slice(-5))).sort((a, b) => a - b)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));

    const stored = await stores[0]!.eventsAfter(0, 1000);
    expect(stored.map((event) => event.id)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    await until(() => heard.every((events) => events.length >= 80));
    for (const events of heard) expect(events.map((event) => [event.id, (event.data.incident as { id: string }).id])).toEqual(stored.map((event) => [event.id, (event.data.incident as { id: string }).id]));

    // A server opened later resumes from any id, as a stream's Last-Event-ID does.
    const third = await openPostgresStore(url, { adminCode: '330723' });
    expect((await third.eventsAfter(78, 10)).map((event) => event.id)).toEqual([79, 80]);
    await Promise.all([...stores, third].map((store) => store.close()));
  });

  it('hears the events another server commits after it opened, even with no write of its own', async () => {
    const url = await postgres.createDatabase();
    const [writer, reader] = await Promise.all([openPostgresStore(url, { adminCode: '330723' }), openPostgresStore(url, { adminCode: '330723' })]);
    const heard: TwinEvent[] = [];
    reader.subscribe((event) => heard.push(event));
    // The reader's listener connects in the background: write until it hears, then check nothing was missed or repeated.
    const created: string[] = [];
    while (heard.length === 0) {
      created.push((await writer.createIncident(incident(`w-${created.length}`), operator)).id);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    created.push((await writer.createIncident(incident('last'), operator)).id);
    await until(() => heard.length === created.length);
    expect(heard.map((event) => (event.data.incident as { id: string }).id)).toEqual(created);
    await Promise.all([writer.close(), reader.close()]);
  });
});
