import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createTwin } from './app.ts';
import { LayerFiles } from './auth/layerFiles.ts';
import { catalogFingerprint, watchCatalog } from './catalogWatch.ts';
import { writeNginxPublicFiles } from './deploy/nginxPublicFiles.ts';
import { TOKENS_HELP, readTokens } from './auth/tokens.ts';
import { readConfig } from './config.ts';
import { loadCatalog } from './loadCatalog.ts';
import { startMqttIngest } from './monitoring/mqttIngest.ts';
import { loadObjectIndex } from './objects/loadObjectIndex.ts';
import { importRecordFolders } from './records/importRecordFolders.ts';
import { openStore } from './store/openStore.ts';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  mkdirSync(config.dataDir, { recursive: true });
  const tokens = readTokens(process.env, config.dataDir);
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const startedAt = Date.now();
  const fingerprint = await catalogFingerprint(config.catalogPath, config.dataDir);
  const load = async () => {
    const { catalog, skipped: skippedLayers } = await loadCatalog(config.catalogPath, config.dataDir);
    for (const { entry, problems } of skippedLayers) console.warn(`Left out the layer of ${join(config.dataDir, entry)}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    const objects = await loadObjectIndex(catalog, config.dataDir);
    // nginx in front serves these files itself: it learns of a layer closed or opened with the catalog.
    if (config.nginxPublicFiles && (await writeNginxPublicFiles(config.nginxPublicFiles, new LayerFiles(catalog)))) {
      console.log(`Wrote the public data files for nginx to ${config.nginxPublicFiles}`);
    }
    return { catalog, skippedLayers, objects };
  };
  const { catalog, skippedLayers, objects } = await load();
  const store = await openStore(config, { adminCode: catalog.adminCode ?? 'twin' });
  const storeRecords = async (index: typeof objects) => {
    for (const { folder, stored, problem } of await importRecordFolders(store, index, config.dataDir)) {
      if (problem) console.error(`Could not store the records of ${folder}: ${problem}`);
      else if (stored > 0) console.log(`Stored ${stored} records from ${folder}`);
    }
  };
  await storeRecords(objects);
  const mqttIngest = config.mqttUrl ? startMqttIngest({ url: config.mqttUrl, clientId: config.mqttClientId, group: config.mqttGroup, store }) : undefined;
  const feeds = mqttIngest ? { mqttIngest } : {};
  let twin = createTwin({ ...config, catalog, skippedLayers, version, startedAt, store, objects, tokens, ...feeds });
  let layerIds = catalog.layers.map((layer) => layer.id);
  const listener: typeof twin.listener = (req, res) => twin.listener(req, res);

  // A layer imported, replaced or removed while the server runs is served from the next request on;
  // requests under way finish on the catalog they began with, event streams resume on the new one.
  let lastProblem: string | undefined;
  const watcher = watchCatalog({
    ...config,
    loaded: fingerprint,
    intervalMs: config.catalogPollMs,
    onChange: async () => {
      try {
        const next = await load();
        await storeRecords(next.objects);
        const previous = twin;
        twin = createTwin({ ...config, ...next, version, startedAt, store, tokens, ...feeds });
        previous.endStreams();
        const ids = next.catalog.layers.map((layer) => layer.id);
        const added = ids.filter((id) => !layerIds.includes(id));
        const removed = layerIds.filter((id) => !ids.includes(id));
        layerIds = ids;
        console.log(`Catalog reloaded: ${ids.length} layers${added.length ? `, added ${added.join(', ')}` : ''}${removed.length ? `, removed ${removed.join(', ')}` : ''}`);
        lastProblem = undefined;
        return true;
      } catch (error) {
        // Tried again at every look until it loads: said once, not every two seconds.
        const message = `Kept the catalog in use; the changed one cannot be loaded: ${error instanceof Error ? error.message : error}`;
        if (message !== lastProblem) console.error(message);
        lastProblem = message;
        return false;
      }
    },
  });

  const server = createServer(listener);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    console.log(`Wuyi Twin serving ${catalog.layers.length} layers and ${objects.size} objects from ${config.dataDir}`);
    console.log(tokens.size > 0 ? `${tokens.size} API tokens configured` : TOKENS_HELP);
    console.log(`Listening on http://localhost:${typeof address === 'object' && address ? address.port : config.port}`);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal} received, closing`);
    watcher.stop();
    // The message being stored is stored and acknowledged before the store closes.
    const closing = (mqttIngest?.close() ?? Promise.resolve()).catch(() => undefined);
    server.close(() => closing.then(() => store.close()).then(() => process.exit(0)));
    // Open event streams and keep-alive connections may hold the server open; do not wait for them forever.
    // Ending them ends their reads, which the store waits for before it closes.
    setTimeout(() => {
      server.closeAllConnections();
      void store.close().finally(() => process.exit(0));
    }, 3000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
