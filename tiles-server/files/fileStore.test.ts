import { mkdir, mkdtemp, rename, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from './fileStore.ts';

async function folderWith(files: Record<string, string>) {
  const root = await mkdtemp(join(tmpdir(), 'wuyi-twin-store-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(root, name), content);
  return root;
}

describe('FileStore', () => {
  it('serves from memory until the recheck interval passes, then sees a changed file', async () => {
    const root = await folderWith({ 'tile.bin': 'first' });
    let now = 0;
    const store = new FileStore(root, { recheckMs: 1000, now: () => now });
    const first = await store.get('tile.bin');
    expect(Buffer.from(first!.bytes!).toString()).toBe('first');

    await writeFile(join(root, 'tile.bin'), 'second!');
    await utimes(join(root, 'tile.bin'), new Date(), new Date(Date.now() + 5000));
    now = 500;
    expect(await store.get('tile.bin')).toBe(first);

    now = 1500;
    const second = await store.get('tile.bin');
    expect(Buffer.from(second!.bytes!).toString()).toBe('second!');
    expect(second!.etag).not.toBe(first!.etag);
  });

  it('remembers a miss, and finds the file once it appears and the interval passes', async () => {
    const root = await folderWith({});
    let now = 0;
    const store = new FileStore(root, { recheckMs: 1000, now: () => now });
    expect(await store.get('late.json')).toBeUndefined();
    await writeFile(join(root, 'late.json'), '{}');
    expect(await store.get('late.json')).toBeUndefined();
    now = 2000;
    expect((await store.get('late.json'))?.size).toBe(2);
  });

  it('answers from memory synchronously, and requests during a recheck share one check', async () => {
    const root = await folderWith({ 'tile.bin': 'first' });
    let now = 0;
    const store = new FileStore(root, { recheckMs: 1000, now: () => now });
    const first = await store.lookup('tile.bin');
    expect(store.lookup('tile.bin')).toBe(first);
    now = 1500;
    const checking = store.lookup('tile.bin');
    expect(checking).toBeInstanceOf(Promise);
    expect(store.lookup('tile.bin')).toBe(checking);
    // Unchanged on disk: the check keeps the very file it had.
    expect(await checking).toBe(first);
    expect(store.lookup('tile.bin')).toBe(first);
  });

  it('refuses a file whose folder became a link out of the root, at the next recheck', async () => {
    const root = await folderWith({});
    const outside = await folderWith({ 'tile.bin': 'outside' });
    await mkdir(join(root, 'tiles'));
    await writeFile(join(root, 'tiles', 'tile.bin'), 'inside');
    let now = 0;
    const store = new FileStore(root, { recheckMs: 1000, now: () => now });
    expect((await store.get('tiles/tile.bin'))?.size).toBe(6);
    await rename(join(root, 'tiles'), join(root, 'old-tiles'));
    await symlink(outside, join(root, 'tiles'));
    now = 1500;
    expect(await store.get('tiles/tile.bin')).toBeUndefined();
  });

  it('streams files over the per-file limit instead of holding them', async () => {
    const root = await folderWith({ 'big.parquet': 'x'.repeat(100), 'small.json': '{}' });
    const store = new FileStore(root, { maxFileBytes: 50 });
    expect((await store.get('big.parquet'))?.bytes).toBeUndefined();
    expect((await store.get('small.json'))?.bytes).toBeDefined();
  });

  it('drops the least recently used contents beyond its memory budget', async () => {
    const root = await folderWith({ 'a.bin': 'a'.repeat(60), 'b.bin': 'b'.repeat(60) });
    const store = new FileStore(root, { maxBytes: 100, recheckMs: 60_000 });
    const a = await store.get('a.bin');
    expect(await store.get('a.bin')).toBe(a);
    const b = await store.get('b.bin');
    // "a" was evicted to make room for "b": asking again reads it from disk into a new object.
    expect(await store.get('a.bin')).not.toBe(a);
    // ...which in turn evicted "b".
    expect(await store.get('b.bin')).not.toBe(b);
  });

  it('does not serve directories', async () => {
    const root = await folderWith({});
    expect(await new FileStore(root).get('')).toBeUndefined();
    expect(await new FileStore(join(root, '..')).get(root.split('/').pop()!)).toBeUndefined();
  });
});
