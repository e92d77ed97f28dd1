import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { softwareCredits } from './credits.ts';

describe('About credits', () => {
  it('names each package with the licence its own package.json declares', async () => {
    for (const credit of softwareCredits) {
      // Read from the installed package's folder: not every package exports its package.json.
      const manifest = JSON.parse(await readFile(new URL(`../../node_modules/${credit.name}/package.json`, import.meta.url), 'utf8')) as { license: string };
      expect(credit.licence, credit.name).toBe(manifest.license);
    }
  });

  it('credits every package the viewer depends on for its globe, SQL and lite views', async () => {
    const { dependencies } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    for (const credit of softwareCredits) expect(dependencies, credit.name).toHaveProperty([credit.name]);
  });
});
