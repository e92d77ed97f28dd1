import { describe, expect, it } from 'vitest';
import { safePath } from './resolveSafePath.ts';

describe('safePath', () => {
  const cases: [string, string][] = [
    ['tiles/3/1.glb', 'tiles/3/1.glb'],
    ['tiles//3/1.glb/', 'tiles/3/1.glb'],
    ['%E6%AD%A6%E4%B9%89/a%20b.json', '武义/a b.json'],
    ['tiles/%2e%2e/tokens.json', 'bad-request'],
    ['tiles/../tokens.json', 'bad-request'],
    ['../tokens.json', 'bad-request'],
    ['tiles/./1.glb', 'bad-request'],
    ['..%2ftokens.json', 'bad-request'],
    ['tiles\\..\\tokens.json', 'bad-request'],
    ['tiles/a%5cb', 'bad-request'],
    ['tiles/a%00b', 'bad-request'],
    ['tiles/%E6%AD', 'bad-request'],
    ['.git/config', 'not-found'],
    ['tiles/.hidden', 'not-found'],
    ['tiles/%2ehidden', 'not-found'],
    ['tiles/1.glb.tmp', 'not-found'],
    ['tiles/upload.tmp/1.glb', 'not-found'],
    ['tiles/1.tmp.glb', 'tiles/1.tmp.glb'],
    ['tiles/..b/1.glb', 'not-found'],
    ['', 'not-found'],
    ['/', 'not-found'],
  ];
  for (const [encoded, expected] of cases) {
    it(`takes ${JSON.stringify(encoded)} as ${expected}`, () => {
      expect(safePath(encoded)).toBe(expected);
    });
  }
});
