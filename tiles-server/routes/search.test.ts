import { beforeAll, describe, expect, it } from 'vitest';
import type { SpatialObject } from '../objects/objectIndex.ts';
import { createTestApp } from '../testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;

/** A point object as the object index holds the rows of a layer table. */
const point = (oid: string, layerId: string, properties: Record<string, unknown>, lon: number, lat: number): SpatialObject => ({
  oid,
  layerId,
  access: 'public',
  properties: { oid, ...properties },
  bbox: [lon, lat, lon, lat],
  position: [lon, lat],
  geometry: null,
});

beforeAll(async () => {
  t = await createTestApp({
    objects: [
      point('admin:330723002', 'townships', { name: '壶山街道', code: '330723002' }, 119.815, 28.895),
      point('admin:330723105', 'townships', { name: '王宅镇', code: '330723105' }, 119.72, 28.93),
      point('village:330723105201', 'villages', { name: '王宅村委会', code: '330723105201' }, 119.73, 28.94),
    ],
  });
});

const search = async (query: string) => {
  const response = await t.app.request(`/api/search?${query}`);
  return { status: response.status, body: (await response.json()) as { hits: { oid: string; label: string; field: string; layerId: string }[]; error?: { message: string } } };
};

describe('search', () => {
  it('finds townships and villages by name, in Chinese, exact matches first', async () => {
    const { body } = await search(`q=${encodeURIComponent('王宅')}`);
    expect(body.hits.map((h) => h.oid)).toEqual(['admin:330723105', 'village:330723105201']);
    expect(body.hits[0]).toMatchObject({ layerId: 'townships', label: '王宅镇', field: 'name' });
  });

  it('finds by code, an exact code before longer codes that start with it', async () => {
    const { body } = await search('q=330723105');
    expect(body.hits.map((h) => [h.oid, h.field])).toEqual([
      ['admin:330723105', 'code'],
      ['village:330723105201', 'code'],
    ]);
  });

  it('finds by object id and limits the hits', async () => {
    expect((await search('q=admin:330723002')).body.hits.map((h) => h.label)).toEqual(['壶山街道']);
    expect((await search('q=3307&limit=1')).body.hits).toHaveLength(1);
  });

  it('refuses an empty or overlong query and a bad limit, naming the parameter', async () => {
    for (const [query, message] of [
      ['q=', /"q" is required/],
      [`q=${'x'.repeat(101)}`, /"q" must be at most 100/],
      ['q=a&limit=500', /"limit"/],
    ] as const) {
      const { status, body } = await search(query);
      expect(status).toBe(400);
      expect(body.error!.message).toMatch(message);
    }
  });
});
