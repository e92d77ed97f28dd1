import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeAttributeFiles } from '../../datasets/output/attributeFiles.ts';
import { createTestApp } from '../testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createTestApp();
  const tables = join(t.dataDir, 'sample', 'tables');
  const point = (lon: number, lat: number) => [
    { name: 'lon', type: 'float64' as const, values: [lon] },
    { name: 'lat', type: 'float64' as const, values: [lat] },
  ];
  await writeAttributeFiles(tables, [
    { name: 'oid', type: 'utf8', values: ['admin:330723002', 'admin:330723105'] },
    { name: 'name', type: 'utf8', values: ['壶山街道', '王宅镇'] },
    { name: 'code', type: 'utf8', values: ['330723002', '330723105'] },
    { name: 'lon', type: 'float64', values: [119.815, 119.72] },
    { name: 'lat', type: 'float64', values: [28.895, 28.93] },
  ], 'townships');
  await writeAttributeFiles(tables, [
    { name: 'oid', type: 'utf8', values: ['village:330723105201'] },
    { name: 'name', type: 'utf8', values: ['王宅村委会'] },
    { name: 'code', type: 'utf8', values: ['330723105201'] },
    ...point(119.73, 28.94),
  ], 'villages');
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
