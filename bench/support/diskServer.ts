import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';

/**
 * Baseline for the serving benchmark: a bare node:http server that reads each file from disk
 * on every request, as a naive static server does.
 */
const root = process.env.DATA_DIR!;
const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname.replace(/^\/data\//, ''));
  try {
    const bytes = await readFile(join(root, path));
    response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
    response.end(bytes);
  } catch {
    response.writeHead(404).end();
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`Listening on http://localhost:${process.env.PORT}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
