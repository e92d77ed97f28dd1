import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../store/duckdb/duckDbStore.ts';
import type { Reading, TwinStore } from '../store/twinStore.ts';
import { type MosquittoServer, startMosquitto } from '../testing/mosquittoServer.ts';
import { type MqttIngest, startMqttIngest } from './mqttIngest.ts';

const operator = { name: 'tests', role: 'operator' };
const gauge = { id: 'mp:1', kind: 'water-level', name: '水位站', unit: 'm', thresholds: { warning: 3.5, alarm: 4.5 }, lon: 119.8, lat: 28.9, township: null, binding: { oid: null, method: 'none' as const, layerId: null } };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 8, minute)).toISOString();

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('MQTT ingest of monitoring readings, against a real mosquitto', { timeout: 60_000 }, () => {
  let broker: MosquittoServer;
  let dir: string;
  let store: TwinStore;
  let gateway: MqttClient;
  const ingests: MqttIngest[] = [];
  const logs: string[] = [];
  const ingest = (clientId = 'twin-a') => {
    const started = startMqttIngest({ url: broker.url, clientId, group: 'twin', store, log: (line) => logs.push(line), retryMs: 50 });
    ingests.push(started);
    return started;
  };
  const publish = (pointId: string, payload: unknown) =>
    gateway.publishAsync(`twin/readings/${pointId}`, typeof payload === 'string' ? payload : JSON.stringify(payload), { qos: 1 });
  const connected = (feed: MqttIngest) => until(() => feed.stats().connected, 'the twin is connected');

  // A broker for each test: a server's session outlives its test (that is what it is for) and
  // would take its share of the next test's feed.
  beforeEach(async () => {
    broker = await startMosquitto();
    dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-mqtt-store-'));
    store = await openDuckDbStore(join(dir, 'twin.duckdb'), { adminCode: 'test' });
    await store.upsertMonitoringPoints([gauge, { ...gauge, id: 'mp:2' }], operator);
    gateway = await mqtt.connectAsync(broker.url, { clientId: `gateway-${Date.now()}` });
    logs.length = 0;
  });
  afterEach(async () => {
    await Promise.all(ingests.splice(0).map((feed) => feed.close()));
    await gateway.endAsync();
    await broker.stop();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores single and batched readings once each, raises one alarm, and refuses malformed messages by name without stopping', async () => {
    const feed = ingest();
    await connected(feed);
    await publish('mp:2', { at: at(0), value: 1 });

    const batch = [3.9, 4.7, 5.2, 4.0].map((value, i) => ({ at: at(10 + i), value }));
    const sent: Reading[] = [{ pointId: 'mp:2', at: at(0), value: 1 }];
    for (const [i, value] of [2.1, 3.0].entries()) {
      await publish('mp:1', { at: at(1 + i), value });
      sent.push({ pointId: 'mp:1', at: at(1 + i), value });
    }
    await publish('mp:1', { readings: batch });
    sent.push(...batch.map((r) => ({ pointId: 'mp:1', ...r })));
    await publish('mp:1', { readings: batch }); // a gateway's retry
    await publish('mp:1', { at: at(1), value: 2.1 }); // and another
    await publish('mp:1', 'not json');
    await publish('mp:1', { at: 'yesterday', value: 1 });
    await publish('mp:1', { readings: [{ at: at(20), value: 'high' }] });
    await publish('mp:nope', { at: at(20), value: 1 });
    await publish('mp$1', { at: at(20), value: 1 });
    const retried = batch.length + 1;
    const malformed = 5;
    await until(() => feed.stats().readings + feed.stats().duplicates + feed.stats().refused === sent.length + retried + malformed, 'every message is handled');

    expect(feed.stats()).toMatchObject({ connected: true, messages: 11, readings: sent.length, duplicates: retried, alarmsRaised: 1, refused: malformed });
    const stored = [...(await store.readings('mp:1', { limit: 100 })), ...(await store.readings('mp:2', { limit: 100 }))];
    expect(stored.sort((a, b) => `${a.pointId}${a.at}`.localeCompare(`${b.pointId}${b.at}`))).toEqual(sent.sort((a, b) => `${a.pointId}${a.at}`.localeCompare(`${b.pointId}${b.at}`)));
    const alarms = await store.incidents({ limit: 10, offset: 0, type: '监测告警' });
    expect(alarms.incidents.map((i) => i.reportedAt)).toEqual([at(11)]);
    const refusals = logs.filter((line) => line.startsWith('MQTT message refused'));
    expect(refusals).toHaveLength(5);
    expect(refusals.join('\n')).toMatch(/"twin\/readings\/mp:1": the payload is not JSON/);
    expect(refusals.join('\n')).toMatch(/field "at" must be an ISO 8601 date-time/);
    expect(refusals.join('\n')).toMatch(/field "readings\.0\.value"/);
    expect(refusals.join('\n')).toMatch(/No monitoring point "mp:nope"/);
    expect(refusals.join('\n')).toMatch(/topic "twin\/readings\/mp\$1": the point id must be/);
  });

  it('stores what was published while it was away once it is back, under the same client id', async () => {
    const first = ingest('twin-session');
    await connected(first);
    await publish('mp:1', { at: at(0), value: 1 });
    await until(() => first.stats().readings === 1, 'the first reading is stored');
    await first.close();
    ingests.splice(ingests.indexOf(first), 1);

    const away = [2, 3, 4].map((minute) => ({ at: at(minute), value: minute / 10 }));
    for (const reading of away) await publish('mp:1', reading);
    const back = ingest('twin-session');
    await until(() => back.stats().readings === away.length, 'the readings sent while away are stored');
    expect((await store.readings('mp:1', { limit: 10 })).map((r) => r.at).sort()).toEqual([at(0), ...away.map((r) => r.at)]);
  });

  it('keeps a message while the store fails and stores it once the store answers again', async () => {
    let failures = 3;
    const failing: TwinStore = Object.create(store, {
      ingestReadings: {
        value: (...args: Parameters<TwinStore['ingestReadings']>) => (failures-- > 0 ? Promise.reject(new Error('connection to the store lost')) : store.ingestReadings(...args)),
      },
    });
    const feed = startMqttIngest({ url: broker.url, clientId: 'twin-retry', group: 'twin', store: failing, log: (line) => logs.push(line), retryMs: 50 });
    ingests.push(feed);
    await connected(feed);
    await publish('mp:1', { at: at(0), value: 1 });
    await until(() => feed.stats().readings === 1, 'the reading is stored');
    expect(failures).toBe(-1);
    expect(logs.filter((line) => line.includes('connection to the store lost'))).toHaveLength(1);
    expect(await store.readings('mp:1', { limit: 10 })).toEqual([{ pointId: 'mp:1', at: at(0), value: 1 }]);
  });

  it('splits one feed between two servers: every reading stored once, each server taking a share', async () => {
    const a = ingest('twin-a');
    const b = ingest('twin-b');
    await Promise.all([connected(a), connected(b)]);
    const count = 200;
    await Promise.all(Array.from({ length: count }, (_, i) => publish('mp:1', { at: new Date(Date.UTC(2026, 11, 3, 9, 0, i)).toISOString(), value: 1 })));
    await until(() => a.stats().readings + b.stats().readings + a.stats().duplicates + b.stats().duplicates === count, 'every message is stored');
    expect(a.stats().messages + b.stats().messages).toBe(count);
    expect(a.stats().duplicates + b.stats().duplicates).toBe(0);
    expect(Math.min(a.stats().messages, b.stats().messages)).toBeGreaterThan(count / 4);
    expect(await store.readings('mp:1', { limit: 1000 })).toHaveLength(count);
  });

  it('gives twins of their own on one broker the whole feed each, when their groups differ', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-mqtt-store-'));
    const other = await openDuckDbStore(join(otherDir, 'twin.duckdb'), { adminCode: 'other' });
    try {
      await other.upsertMonitoringPoints([gauge], operator);
      const county = ingest('county');
      const prefecture = startMqttIngest({ url: broker.url, clientId: 'prefecture', group: 'prefecture', store: other, log: (line) => logs.push(line) });
      ingests.push(prefecture);
      await Promise.all([connected(county), connected(prefecture)]);
      for (let i = 0; i < 20; i++) await publish('mp:1', { at: at(i), value: 1 });
      await until(() => county.stats().readings === 20 && prefecture.stats().readings === 20, 'both twins store every reading');
      expect(await other.readings('mp:1', { limit: 100 })).toHaveLength(20);
      expect(await store.readings('mp:1', { limit: 100 })).toHaveLength(20);
    } finally {
      await Promise.all(ingests.splice(0).map((feed) => feed.close()));
      await other.close();
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('reconnects by itself when the broker restarts, and subscribes again', async () => {
    const feed = ingest('twin-restart');
    await connected(feed);
    const port = broker.port;
    await broker.stop();
    await until(() => !feed.stats().connected, 'the twin sees the broker gone');
    broker = await startMosquitto(port);
    await until(() => feed.stats().connected, 'the twin is connected again');
    await gateway.endAsync(true);
    gateway = await mqtt.connectAsync(broker.url, { clientId: `gateway-${Date.now()}` });
    // The restarted broker kept no sessions: only a subscription made again after reconnecting hears this.
    await until(async () => {
      await publish('mp:1', { at: at(30), value: 1 });
      return feed.stats().readings === 1;
    }, 'a reading published after the restart is stored');
    expect(logs.some((line) => /lost, reconnecting/.test(line))).toBe(true);
  });
});
