import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { loadCatalog } from './loadCatalog.ts';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const catalog = await loadCatalog(config.catalogPath, config.dataDir);
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const app = createApp({ ...config, catalog, version });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Wuyi Twin serving ${catalog.layers.length} layers from ${config.dataDir}`);
    console.log(`Listening on http://localhost:${info.port}`);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal} received, closing`);
    server.close(() => process.exit(0));
    // Keep-alive connections may hold the server open; do not wait for them forever.
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
