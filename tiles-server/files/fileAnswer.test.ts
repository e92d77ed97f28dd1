import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type FileAnswer, type FileRequest, answerFile } from './fileAnswer.ts';
import { FileStore } from './fileStore.ts';

const options = { cacheControl: 'public, max-age=300' };

function requestWith(headers: Record<string, string> = {}, method = 'GET'): FileRequest {
  const lowerCased = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { method, header: (name) => lowerCased.get(name.toLowerCase()) };
}

async function storeWith(files: Record<string, string | Uint8Array>) {
  const root = await mkdtemp(join(tmpdir(), 'wuyi-twin-answer-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(root, name), content);
  const clock = { now: 0 };
  return { root, clock, store: new FileStore(root, { recheckMs: 1000, now: () => clock.now }) };
}

const answer = async (...args: Parameters<typeof answerFile>): Promise<FileAnswer> => answerFile(...args);
const text = (body: FileAnswer['body']) => Buffer.from(body as Uint8Array).toString();

describe('answerFile', () => {
  it('builds the answer to a plain GET once per version of the file', async () => {
    const { root, clock, store } = await storeWith({ 'tile.glb': 'first' });
    const first = await answer(requestWith(), store, 'tile.glb', options);
    // From memory the answer comes synchronously, and it is the very answer built before.
    const again = answerFile(requestWith(), store, 'tile.glb', options);
    expect(again).toBe(first);
    expect(first.headers['Content-Length']).toBe('5');

    await writeFile(join(root, 'tile.glb'), 'second!');
    clock.now = 2000;
    const second = await answer(requestWith(), store, 'tile.glb', options);
    expect(second).not.toBe(first);
    expect(text(second.body)).toBe('second!');
    expect(second.headers.ETag).not.toBe(first.headers.ETag);
  });

  it('answers conditional, ranged and HEAD requests for themselves after a plain GET', async () => {
    const { store } = await storeWith({ 'tile.glb': '0123456789' });
    const plain = await answer(requestWith(), store, 'tile.glb', options);
    const etag = plain.headers.ETag!;
    expect((await answer(requestWith({ 'If-None-Match': etag }), store, 'tile.glb', options)).status).toBe(304);
    const ranged = await answer(requestWith({ Range: 'bytes=2-4' }), store, 'tile.glb', options);
    expect([ranged.status, text(ranged.body), ranged.headers['Content-Range']]).toEqual([206, '234', 'bytes 2-4/10']);
    const head = await answer(requestWith({}, 'HEAD'), store, 'tile.glb', options);
    expect([head.status, head.body, head.headers['Content-Length']]).toEqual([200, null, '10']);
    expect((await answer(requestWith(), store, 'tile.glb', options)).body).toBe(plain.body);
  });

  it('keeps a gzipped file sent as an encoding apart from the same file asked for by name', async () => {
    const { store } = await storeWith({ 'layer.json': '{"a":1}', 'layer.json.gz': gzipSync('{"a":1}') });
    const encoded = await answer(requestWith({ 'Accept-Encoding': 'gzip' }), store, 'layer.json', options);
    const byName = await answer(requestWith({ 'Accept-Encoding': 'gzip' }), store, 'layer.json.gz', options);
    expect(encoded.headers['Content-Encoding']).toBe('gzip');
    expect(encoded.headers['Content-Type']).toMatch(/json/);
    expect(byName.headers['Content-Encoding']).toBeUndefined();
    expect(byName.headers['Content-Type']).not.toMatch(/json/);
    // A client without gzip gets the plain file, whichever answer was kept before.
    expect(text((await answer(requestWith(), store, 'layer.json', options)).body)).toBe('{"a":1}');
  });

  it('keeps answers apart by their options', async () => {
    const { store } = await storeWith({ 'tile.glb': 'bytes' });
    const shared = await answer(requestWith(), store, 'tile.glb', options);
    const kept = await answer(requestWith(), store, 'tile.glb', { cacheControl: 'private, max-age=300' });
    expect(shared.headers['Cache-Control']).toBe('public, max-age=300');
    expect(kept.headers['Cache-Control']).toBe('private, max-age=300');
  });
});
