import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { wuyiCatalogWith } from '../testApp.ts';
import { loadObjectIndex } from './loadObjectIndex.ts';

const square = (west: number, south: number, size: number) =>
  JSON.stringify({ type: 'Polygon', coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]] });

describe('object index from layer tables', () => {
  it('indexes every row with an oid, binds to areas with holes left out, and reports broken tables', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-objects-'));
    await mkdir(join(dataDir, 'sample', 'tables'), { recursive: true });
    // A township with a hole (an enclave) and a point layer.
    const withHole = JSON.stringify({
      type: 'Polygon',
      coordinates: [
        [[119, 28], [120, 28], [120, 29], [119, 29], [119, 28]],
        [[119.4, 28.4], [119.6, 28.4], [119.6, 28.6], [119.4, 28.6], [119.4, 28.4]],
      ],
    });
    const townships = tableFromArrays({
      oid: ['admin:330723001', 'admin:330723002'],
      name: ['白洋街道', '飞地'],
      geometry: [withHole, square(119.4, 28.4, 0.2)],
      west: [119, 119.4], south: [28, 28.4], east: [120, 119.6], north: [29, 28.6], lon: [119.2, 119.5], lat: [28.2, 28.5],
    });
    await writeFile(join(dataDir, 'sample', 'tables', 'townships.arrow'), tableToIPC(townships, 'file'));
    const villages = tableFromArrays({ oid: ['village:1', ''], name: ['上村', '无编号'], west: [119.1, 0], south: [28.1, 0], east: [119.1, 0], north: [28.1, 0], lon: [119.1, 0], lat: [28.1, 0] });
    // A layer after them that reuses a township's oid: the township keeps it.
    const seats = tableFromArrays({ oid: ['admin:330723001', 'seat:2'], name: ['重名', '乡镇驻地'], west: [119.3, 119.3], south: [28.3, 28.3], east: [119.3, 119.3], north: [28.3, 28.3], lon: [119.3, 119.3], lat: [28.3, 28.3] });
    await writeFile(join(dataDir, 'sample', 'tables', 'township-seats.arrow'), tableToIPC(seats, 'file'));
    await writeFile(join(dataDir, 'sample', 'tables', 'villages.arrow'), tableToIPC(villages, 'file'));
    await writeFile(join(dataDir, 'sample', 'tables', 'roads.arrow'), 'not arrow');

    const warnings: string[] = [];
    const index = await loadObjectIndex(await wuyiCatalogWith([]), dataDir, (message) => warnings.push(message));
    expect(index.size).toBe(4);
    expect(index.get('admin:330723001')).toMatchObject({ layerId: 'townships', properties: { name: '白洋街道' } });
    expect(warnings).toContain('Layer "township-seats": 1 objects (admin:330723001, …) have the oids of objects of layer "townships", which keeps them; records bind to those');
    expect(index.get('village:1')).toMatchObject({ layerId: 'villages', properties: { name: '上村' }, position: [119.1, 28.1] });
    expect(index.bind(119.2, 28.2)).toEqual({ oid: 'admin:330723001', method: 'position', layerId: 'townships' });
    expect(index.bind(119.5, 28.5)).toEqual({ oid: 'admin:330723002', method: 'position', layerId: 'townships' });
    expect(index.bind(121, 28.5)).toEqual({ oid: null, method: 'none', layerId: null });
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^Layer "roads": its table \/data\/sample\/tables\/roads.arrow could not be indexed/)]));
  });
});
