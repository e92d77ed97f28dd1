import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, relative } from 'node:path';

/**
 * The ceiling for any Node server on this machine: node:http answering every tile of `DATA_DIR`
 * from a Map in memory, with no checks at all. Run as its own process by the tile benchmark.
 */
const dataDir = process.env.DATA_DIR!;
const tiles = new Map<string, Buffer>();
for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && entry.name.endsWith('.glb')) {
    const path = join(entry.parentPath, entry.name);
    tiles.set(`/data/${relative(dataDir, path)}`, await readFile(path));
  }
}
createServer((req, res) => {
  const body = tiles.get(req.url ?? '');
  if (!body) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': 'model/gltf-binary', 'Content-Length': body.length, 'Cache-Control': 'public, max-age=300' });
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');
