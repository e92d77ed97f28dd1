import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerIdOf, publishLayer } from './publishLayer.ts';

describe('publishing a layer', () => {
  it('leaves the layer there whole when an import is killed mid-write, and the next import clears what the killed one left', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-publish-kill-'));
    await mkdir(join(dataDir, 'dltb'));
    await writeFile(join(dataDir, 'dltb', 'parcels.geojson'), 'the 2023 survey');

    // An import in a process of its own that has written half its layer when it is killed.
    const script = `
      const { writeFile } = await import('node:fs/promises');
      const { publishLayer } = await import(${JSON.stringify(join(import.meta.dirname, 'publishLayer.ts'))});
      await publishLayer(${JSON.stringify(dataDir)}, 'dltb', { replace: true, catalogIds: [] }, async (staging) => {
        await writeFile(staging + '/parcels.geojson', 'half of the 2024 survey');
        console.log('written');
        await new Promise(() => {});
      });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('written') && resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    expect(await readFile(join(dataDir, 'dltb', 'parcels.geojson'), 'utf8')).toBe('the 2023 survey');
    const left = (await readdir(dataDir)).filter((name) => name.startsWith('.import-dltb-'));
    expect(left).toHaveLength(1);

    await publishLayer(dataDir, 'dltb', { replace: true, catalogIds: [] }, (staging) => writeFile(join(staging, 'parcels.geojson'), 'the 2024 survey'));
    expect(await readFile(join(dataDir, 'dltb', 'parcels.geojson'), 'utf8')).toBe('the 2024 survey');
    expect(await readdir(dataDir)).toEqual(['dltb']);
  }, 30_000);

  it('puts back a layer whose replacement was killed between its two renames, and tells the others apart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wuyi-twin-publish-renames-'));
    // The old layer moved aside by a process that is gone (no process has a pid this high), its replacement never moved in.
    await mkdir(join(dataDir, '.replaced-dltb-4194303999-1'));
    await writeFile(join(dataDir, '.replaced-dltb-4194303999-1', 'parcels.geojson'), 'the 2023 survey');
    await mkdir(join(dataDir, '.import-dltb-2023-4194303999-1'));
    const failing = publishLayer(dataDir, 'dltb', { replace: true, catalogIds: [] }, async () => {
      throw new Error('the 2024 delivery is broken');
    });
    await expect(failing).rejects.toThrow('the 2024 delivery is broken');
    expect(await readFile(join(dataDir, 'dltb', 'parcels.geojson'), 'utf8')).toBe('the 2023 survey');
    // What another layer's import left (dltb-2023 is not dltb) is not this import's to clear.
    expect((await readdir(dataDir)).sort()).toEqual(['.import-dltb-2023-4194303999-1', 'dltb']);
  });

  it('names a layer after its file, Chinese names by their pinyin', () => {
    expect(layerIdOf('DLTB_2023.shp')).toBe('dltb-2023');
    expect(layerIdOf('城管案件.csv')).toBe('cheng-guan-an-jian');
    expect(layerIdOf('武义县2023年度国土变更调查.shp')).toBe('wu-yi-xian-2023-nian-du-guo-tu-bian-geng-diao-cha');
    expect(layerIdOf('2023.geojson')).toBe('layer');
  });
});
