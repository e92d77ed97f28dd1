import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishLayer } from './publishLayer.ts';

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
});
