import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTokens } from './tokens.ts';

describe('API tokens', () => {
  it('reads tokens from the data folder file and from TWIN_TOKENS', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-tokens-'));
    await writeFile(join(dir, 'tokens.json'), JSON.stringify({ tokens: [{ name: 'duty-room', role: 'operator', token: 'a'.repeat(20) }] }));
    const tokens = readTokens({ TWIN_TOKENS: `chief:admin:${'b'.repeat(16)}` }, dir);
    expect(tokens.size).toBe(2);
    expect(tokens.lookup('a'.repeat(20))).toEqual({ name: 'duty-room', role: 'operator' });
    expect(tokens.lookup('b'.repeat(16))).toEqual({ name: 'chief', role: 'admin' });
    expect(tokens.lookup('a'.repeat(19))).toBeUndefined();
  });

  it('starts with none when nothing is configured', async () => {
    expect(readTokens({}, await mkdtemp(join(tmpdir(), 'wuyi-twin-tokens-'))).size).toBe(0);
  });

  it('names the entry and field of a bad token', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-tokens-'));
    const file = join(dir, 'tokens.json');
    await writeFile(file, JSON.stringify({ tokens: [{ name: 'x', role: 'operator', token: 'c'.repeat(16) }, { name: 'y', role: 'root', token: 'd'.repeat(16) }] }));
    expect(() => readTokens({}, dir)).toThrow(`Tokens file ${file}, field "tokens.1.role"`);
    expect(() => readTokens({ TWIN_TOKENS: 'ops:operator:short' }, join(dir, 'none'))).toThrow(/TWIN_TOKENS entry 1 \("ops:…"\), field "token": must be at least 16 characters/);
    expect(() => readTokens({ TOKENS_FILE: join(dir, 'missing.json') }, dir)).toThrow(/cannot be read as JSON/);
  });
});
