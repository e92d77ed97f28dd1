import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from './importRecords.ts';

/**
 * Records as existing systems export them: a 数字城管 case list saved by Chinese Excel as a GBK
 * CSV with Gauss-Krüger X/Y written as surveyors write them (X the northing), and a monitoring
 * point list as an XLSX workbook made by GDAL. GDAL's own transform is the oracle for positions.
 */
let dir: string;
const places = [
  [119.81, 28.89],
  [119.8123, 28.8911],
  [119.8231, 28.9012],
  [119.7905, 28.8702],
  [119.815, 28.88],
  [119.816, 28.881],
  [119.817, 28.882],
  [119.818, 28.883],
] as const;

/** Eastings and northings of CGCS2000 / 3° Gauss-Krüger zone 40 (with its zone prefix), as GDAL computes them. */
function gaussKruger(points: readonly (readonly [number, number])[]): [number, number][] {
  const out = execFileSync('gdaltransform', ['-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4528'], { input: `${points.map(([lon, lat]) => `${lon} ${lat}`).join('\n')}\n`, encoding: 'utf8' });
  return out.trim().split('\n').map((line) => line.split(/\s+/).slice(0, 2).map(Number) as [number, number]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-records-'));
});

describe('incidents from a case system’s CSV export', () => {
  it('reads a GBK CSV with Chinese headings and surveyors’ X/Y, and refuses bad rows by row number, column and reason', async () => {
    const gk = gaussKruger(places);
    const rows = [
      ['事件编号', '事件类型', '事件名称', '状态', '上报时间', 'X坐标', 'Y坐标'],
      ['SZCG-2026-0001', '违法用地', '泉溪镇疑似未批先建', '已受理', '2026-11-18 14:22:28', gk[0]![1], gk[0]![0]],
      ['SZCG-2026-0002', '环境卫生', '熟溪街道垃圾堆放', '处置中', '2026/11/19 08:05', gk[1]![1], gk[1]![0]],
      ['SZCG-2026-0003', '河道漂浮物', '', '受理', '2026-11-20 09:00', gk[2]![1], gk[2]![0]],
      ['SZCG-2026-0004', '占道经营', '解放街流动摊贩', '未知', '2026-11-20 10:00', gk[3]![1], gk[3]![0]],
      ['SZCG-2026-0002', '环境卫生', '重复上报', '受理', '2026-11-20 11:00', gk[4]![1], gk[4]![0]],
      ['SZCG-2026-0006', '噪声扰民', '壶山街道夜间施工', '受理', '2026-11-20 23:10', 3197092, 20481467],
      ['SZCG-2026-0007', '井盖缺失', '城北路井盖缺失', '办结', '昨天下午', gk[6]![1], gk[6]![0]],
      ['SZCG-2026-0008', '违章停车', '温泉路违停', '已办结', '2026-11-21T08:30:00Z', gk[7]![1], gk[7]![0]],
      [],
      // After a blank line (a row of the sheet too): a date without a time, and a row refused by its number.
      ['SZCG-2026-0009', '其他', '村口大树倒伏', '受理', '2026/11/22', gk[5]![1], gk[5]![0]],
      ['SZCG-2026-0010', '其他', '无状态', '挂起', '2026/11/22', gk[5]![1], gk[5]![0]],
    ];
    const csv = `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
    const input = join(dir, '城管案件.csv');
    execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', '-o', input], { input: csv });
    const dataDir = join(dir, 'incidents-data');
    const summary = await importRecords({ input, dataDir, kind: 'incidents', datasetId: 'szcg-2026-11', crs: 'EPSG:4528' });

    expect(summary.notes).toEqual(['read gbk', 'X坐标 holds northings and Y坐标 eastings, as surveyors write X and Y: read so']);
    expect(summary.refused).toEqual([
      { row: 4, column: '事件名称', problem: 'is empty' },
      { row: 5, column: '状态', value: '未知', problem: expect.stringContaining('受理') },
      { row: 6, column: '事件编号', value: 'SZCG-2026-0002', problem: 'the same id as row 3' },
      { row: 7, column: 'Y坐标', value: '20481467, 3197092', problem: 'lies outside the area of use of EPSG:4528' },
      { row: 8, column: '上报时间', value: '昨天下午', problem: expect.stringContaining('ISO 8601') },
      { row: 12, column: '状态', value: '挂起', problem: expect.stringContaining('受理') },
    ]);
    expect(summary).toMatchObject({ datasetId: 'szcg-2026-11', read: 10, imported: 4 });

    const stored = JSON.parse(await readFile(join(dataDir, 'szcg-2026-11', 'records', 'incidents.json'), 'utf8')) as Record<string, unknown>[];
    expect(stored.map(({ id, status, reportedAt }) => [id, status, reportedAt])).toEqual([
      ['SZCG-2026-0001', '受理', '2026-11-18T06:22:28.000Z'],
      ['SZCG-2026-0002', '处置', '2026-11-19T00:05:00.000Z'],
      ['SZCG-2026-0008', '办结', '2026-11-21T08:30:00.000Z'],
      ['SZCG-2026-0009', '受理', '2026-11-21T16:00:00.000Z'],
    ]);
    for (const [i, record] of stored.entries()) {
      const [lon, lat] = places[[0, 1, 7, 5][i]!]!;
      expect(Math.abs((record.lon as number) - lon) + Math.abs((record.lat as number) - lat)).toBeLessThan(1e-6);
    }
    const report = JSON.parse(await readFile(join(dataDir, 'szcg-2026-11', 'import-report.json'), 'utf8')) as { refused: unknown[] };
    expect(report.refused).toEqual(summary.refused);
  });

  it('names the columns it needs when a file has none of them, and publishes nothing', async () => {
    const input = join(dir, 'wrong.csv');
    await writeFile(input, '\uFEFF名称,备注\n甲,乙\n');
    const dataDir = join(dir, 'wrong-data');
    await expect(importRecords({ input, dataDir, kind: 'incidents' })).rejects.toThrow(`${input}: has no column for id, title (its columns: 名称, 备注)`);
    expect(await readdir(dataDir).catch(() => [])).toEqual([]);
  });
});

describe('monitoring points and cameras from an XLSX workbook', () => {
  it('reads the first sheet GDAL wrote, with kinds named in Chinese and thresholds as numbers', async () => {
    const csv = [
      '编号,名称,监测类型,单位,预警值,报警值,经度,纬度',
      'SW-001,熟溪水位站,水位,m,3.5,4.2,119.8123,28.8911',
      'SP-002,县政府视频,视频,,,,119.8150,28.8950',
      'YL-003,柳城雨量站,雨量,mm,50,30,119.5700,28.6900',
    ].join('\n');
    await writeFile(join(dir, 'points.csv'), csv);
    // GDAL writes the workbook, typing the numeric columns as numbers.
    execFileSync('ogr2ogr', ['-f', 'XLSX', join(dir, '监测点位.xlsx'), join(dir, 'points.csv'), '-oo', 'AUTODETECT_TYPE=YES', '-nln', '点位'], { stdio: 'pipe' });
    const dataDir = join(dir, 'points-data');
    const summary = await importRecords({ input: join(dir, '监测点位.xlsx'), dataDir, kind: 'points', datasetId: 'monitoring' });
    expect(summary.notes).toEqual(['read sheet "点位"']);
    expect(summary.refused).toEqual([{ row: 4, column: '预警值', value: '50', problem: 'warning must not be above alarm' }]);
    const stored = JSON.parse(await readFile(join(dataDir, 'monitoring', 'records', 'monitoring-points.json'), 'utf8')) as unknown[];
    expect(stored).toEqual([
      { id: 'SW-001', kind: 'water-level', name: '熟溪水位站', unit: 'm', thresholds: { warning: 3.5, alarm: 4.2 }, lon: 119.8123, lat: 28.8911 },
      { id: 'SP-002', kind: 'camera', name: '县政府视频', unit: '', thresholds: null, lon: 119.815, lat: 28.895 },
    ]);
  });
});
