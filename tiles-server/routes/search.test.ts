import { beforeAll, describe, expect, it } from 'vitest';
import type { SpatialObject } from '../objects/objectIndex.ts';
import { createTestApp, fixtureObject, square, testLayer, wuyiCatalogWith } from '../testApp.ts';

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
    catalog: await wuyiCatalogWith([testLayer({ id: 'buildings', kind: 'buildings', group: 'buildings', source: { type: '3dtiles', url: '/data/buildings/tileset.json' } })]),
    objects: [
      point('admin:330723002', 'townships', { name: '壶山街道', code: '330723002' }, 119.815, 28.895),
      point('admin:330723105', 'townships', { name: '王宅镇', code: '330723105' }, 119.72, 28.93),
      point('village:330723105201', 'villages', { name: '王宅村委会', code: '330723105201' }, 119.73, 28.94),
      // Two villages of one name in two townships, told apart by where they lie.
      fixtureObject('admin:330723101', 'townships', square(119.5, 28.5, 0.1), { name: '履坦镇', code: '330723101' }),
      fixtureObject('admin:330723102', 'townships', square(119.7, 28.5, 0.1), { name: '桐琴镇', code: '330723102' }),
      point('village:330723101201', 'villages', { name: '新村', code: '330723101201' }, 119.55, 28.55),
      point('village:330723102201', 'villages', { name: '新村', code: '330723102201' }, 119.75, 28.55),
      point('bldg:1', 'buildings', { name: '中山小区1幢', address: '武义县解放街1号' }, 119.81, 28.89),
      point('bldg:2', 'buildings', { name: '中山小区1幢', address: '武义县熟溪路9号' }, 119.82, 28.9),
    ],
  });
});

const search = async (query: string) => {
  const response = await t.app.request(`/api/search?${query}`);
  return { status: response.status, body: (await response.json()) as { hits: { oid: string; label: string; field: string; layerId: string; place: string | null; address: string | null }[]; error?: { message: string } } };
};

describe('search', () => {
  it('finds townships and villages by name, in Chinese, exact matches first', async () => {
    const { body } = await search(`q=${encodeURIComponent('王宅')}`);
    expect(body.hits.map((h) => h.oid)).toEqual(['admin:330723105', 'village:330723105201']);
    expect(body.hits[0]).toMatchObject({ layerId: 'townships', label: '王宅镇', field: 'name' });
  });

  it('finds Chinese names by their pinyin and its initials, after any direct match', async () => {
    for (const query of ['wangzhai', 'wangzhaizhen', 'wz', 'wzz', 'WangZhai', "wang'zhai"]) {
      const { body } = await search(`q=${encodeURIComponent(query)}`);
      expect(body.hits[0], query).toMatchObject({ oid: 'admin:330723105', label: '王宅镇', field: 'name' });
    }
    expect((await search('q=wzc')).body.hits.map((h) => h.oid)).toEqual(['village:330723105201']);
    expect((await search('q=xinc')).body.hits.map((h) => h.oid)).toEqual(['village:330723101201', 'village:330723102201']);
    expect((await search('q=qqq')).body.hits).toEqual([]);
  });

  it('tells places of one name apart: by the township they lie in, buildings by their address', async () => {
    const { body } = await search(`q=${encodeURIComponent('新村')}`);
    expect(body.hits.map((h) => [h.label, h.place])).toEqual([
      ['新村', '履坦镇'],
      ['新村', '桐琴镇'],
    ]);
    // Buildings of one name, by their addresses.
    const towers = (await search(`q=${encodeURIComponent('中山小区1幢')}`)).body.hits;
    expect(towers.map((h) => [h.label, h.address])).toEqual([
      ['中山小区1幢', '武义县解放街1号'],
      ['中山小区1幢', '武义县熟溪路9号'],
    ]);
    // A township is not said to lie in itself.
    expect((await search(`q=${encodeURIComponent('履坦镇')}`)).body.hits[0]!.place).toBeNull();
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
