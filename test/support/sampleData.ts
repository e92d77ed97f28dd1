import { createHash } from 'node:crypto';
import { readFile, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { buildSample, sampleIsCurrent } from '../../datasets/sample/buildSample.ts';

const root = resolve(import.meta.dirname, '../..');
let built: Promise<string> | undefined;

/**
 * A data folder holding the built sample, shared by the tests of a run and the runs after it:
 * read it, or copy it to change it. It is built once (about a minute) into a folder named by a
 * hash of the code that makes it, so a change to the generator is never tested on an older
 * build; built aside and renamed into place, so a run that stops halfway leaves nothing half-built.
 */
export function sampleData(): Promise<string> {
  built ??= (async () => {
    const dataDir = join(tmpdir(), `wuyi-twin-sample-${await generatorHash()}`);
    if (await sampleIsCurrent(dataDir)) return dataDir;
    const staging = `${dataDir}.building-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await buildSample(staging);
    // Another run may have finished the same build meanwhile: its folder is as good as this one.
    await rename(staging, dataDir).catch(async (error: NodeJS.ErrnoException) => {
      if (!(await sampleIsCurrent(dataDir))) throw error;
      await rm(staging, { recursive: true, force: true });
    });
    return dataDir;
  })();
  return built;
}

/** The source files the sample is generated from: the pipeline and the contracts it writes to. */
async function generatorHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const part of ['datasets', 'layers']) {
    const entries = await readdir(join(root, part), { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile() && !/\.test\.tsx?$/.test(entry.name))
      .map((entry) => relative(root, join(entry.parentPath, entry.name)))
      .sort();
    for (const file of files) hash.update(file).update('\0').update(await readFile(join(root, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
