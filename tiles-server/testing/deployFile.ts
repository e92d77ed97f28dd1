import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * A file of `deploy/` as it is, with the paths and ports of its README layout replaced by a
 * test's; each replaced text must be found, so the file cannot drift from what is tested.
 */
export async function deployFileFor(file: string, replacements: [from: string | RegExp, to: string][]): Promise<string> {
  let text = await readFile(join(projectRoot, 'deploy', file), 'utf8');
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`deploy/${file} no longer holds ${from}`);
    text = next;
  }
  return text;
}
