import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { type Catalog, catalogFor } from '../layers/index.ts';
import { auditRefusals } from './auth/auditRefusals.ts';
import { authenticate } from './auth/authenticate.ts';
import type { TwinEnv } from './auth/caller.ts';
import { LayerFiles } from './auth/layerFiles.ts';
import type { TokenRegistry } from './auth/tokens.ts';
import { dataLane } from './dataLane.ts';
import type { StreamLimits } from './events/subscriberStream.ts';
import { FileStore } from './files/fileStore.ts';
import { jsonError } from './jsonError.ts';
import type { SkippedLayer } from './loadCatalog.ts';
import type { MqttIngest } from './monitoring/mqttIngest.ts';
import type { ObjectIndex } from './objects/objectIndex.ts';
import { analysisRoutes } from './routes/analyses.ts';
import { auditRoutes } from './routes/audit.ts';
import { bodyCap } from './routes/bodyCap.ts';
import { refuseControlCharacters } from './routes/controlCharacters.ts';
import { codeRoutes } from './routes/codes.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { eventRoutes } from './routes/events.ts';
import { fileAccessRoutes } from './routes/fileAccess.ts';
import { fileAnswerer, fileRoutes } from './routes/files.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { objectRoutes } from './routes/objects.ts';
import { ogcFeatureRoutes } from './routes/ogcFeatures.ts';
import { recordRoutes } from './routes/records.ts';
import { searchRoutes } from './routes/search.ts';
import { storyboardRoutes } from './routes/storyboards.ts';
import { viewerRoutes } from './routes/viewer.ts';
import { StoreClosed, type TwinStore } from './store/twinStore.ts';

export interface AppOptions {
  catalog: Catalog;
  /** Catalog entries of the data folder left out at start, which health reports. */
  skippedLayers?: SkippedLayer[];
  dataDir: string;
  viewerDir: string;
  cesiumDir: string;
  version: string;
  /** When the server started (default now): health's uptime counts from it across catalog reloads. */
  startedAt?: number;
  store: TwinStore;
  objects: ObjectIndex;
  tokens: TokenRegistry;
  /** Largest request body accepted, bytes (default 2 MiB: 10,000 readings fit). */
  maxBodyBytes?: number;
  /** The MQTT feed of monitoring readings, when one is configured; health reports its counts. */
  mqttIngest?: Pick<MqttIngest, 'stats'>;
  /** Bounds of each event stream (keep-alive, replay window, slow clients); defaults in DEFAULT_STREAM_LIMITS. */
  streamLimits?: Partial<StreamLimits>;
}

const exposeHeaders = ['Content-Length', 'Content-Range', 'Content-Encoding', 'ETag', 'Accept-Ranges', 'Location'];
const dataCorsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': exposeHeaders.join(','),
};

export interface Twin {
  /** Every route, as a Hono app (what route tests call). */
  app: Hono<TwinEnv>;
  /** What the Node server runs: data files through their fast lane, everything else through `app`. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  /**
   * Ends the event streams this twin serves: after a catalog reload they would go on filtering by
   * the old catalog's access levels; their clients resume (Last-Event-ID) on the new twin.
   */
  endStreams: () => void;
}

/** The twin's HTTP surface: viewer, Cesium assets, catalog, data folder, data API, health. */
export function createTwin(options: AppOptions): Twin {
  const startedAt = options.startedAt ?? Date.now();
  const app = new Hono<TwinEnv>();
  const { catalog, store, objects } = options;

  // Data files carry their CORS headers themselves (see serveFile); the middleware answers
  // their preflights and covers the API.
  const crossOrigin = cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
    exposeHeaders,
    maxAge: 86400,
  });
  app.use('/api/*', crossOrigin);
  app.use('/ogc/*', crossOrigin);
  app.options('/data/*', crossOrigin);
  app.use('/api/*', refuseControlCharacters());
  app.use('/ogc/*', refuseControlCharacters());
  app.use('/api/*', auditRefusals(store));
  app.use('/api/*', authenticate(options.tokens));
  app.use('/ogc/*', authenticate(options.tokens));
  app.use('/data/*', authenticate(options.tokens));
  app.use('/api/*', bodyCap(options.maxBodyBytes ?? 2 * 1024 * 1024));

  app.get('/api/health', (c) =>
    c.json({
      status: 'ok',
      version: options.version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      layers: catalog.layers.length,
      skippedLayers: options.skippedLayers ?? [],
      objects: objects.size,
      objectsByLayer: objects.countsByLayer(),
      ...(options.mqttIngest ? { mqtt: options.mqttIngest.stats() } : {}),
    }),
  );
  app.get('/api/layers', (c) => c.json(catalogFor(c.get('caller').role, catalog)));
  app.route('/api/search', searchRoutes({ catalog, objects }));
  app.route('/api/objects', objectRoutes({ catalog, store, objects }));
  app.route('/api/incidents', incidentRoutes({ catalog, store, objects }));
  app.route('/api/monitoring', monitoringRoutes({ catalog, store, objects }));
  app.route('/api/codes', codeRoutes({ catalog, store, objects }));
  app.route('/api/records', recordRoutes({ catalog, store, objects }));
  app.route('/api/analyses', analysisRoutes({ catalog, dataDir: options.dataDir, store, objects }));
  const openStreams = new Set<() => void>();
  app.route('/api/events', eventRoutes({ catalog, store, objects, open: openStreams, ...(options.streamLimits ? { limits: options.streamLimits } : {}) }));
  app.route('/api/storyboards', storyboardRoutes({ catalog, store }));
  app.route('/api/dashboard', dashboardRoutes({ catalog, store, objects }));
  app.route('/api/audit', auditRoutes(store));
  const layerFiles = new LayerFiles(catalog);
  for (const line of layerFiles.sharedAtDifferentLevels()) console.warn(line);
  app.route('/api/files', fileAccessRoutes({ layerFiles, tokens: options.tokens }));
  app.route('/ogc', ogcFeatureRoutes({ catalog, dataDir: options.dataDir, prefix: '/ogc' }));

  const dataStore = new FileStore(options.dataDir, { admitsLink: (path, realPath) => layerFiles.admitsTarget(`/data/${path}`, `/data/${realPath}`) });
  const dataFileOptions = { cacheControl: 'public, max-age=300', headers: dataCorsHeaders };
  app.route('/data', fileRoutes('/data/', dataStore, dataFileOptions, (path, role) => layerFiles.accessFor(path, role)));
  const cesiumStore = new FileStore(options.cesiumDir, { maxBytes: 64 * 1024 * 1024 });
  app.route('/cesium', fileRoutes('/cesium/', cesiumStore, { cacheControl: 'public, max-age=86400' }));
  app.route('/', viewerRoutes(new FileStore(options.viewerDir, { maxBytes: 32 * 1024 * 1024 })));

  app.notFound((c) => jsonError(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof StoreClosed) return jsonError(c, 503, 'shutting_down', 'The server is shutting down; ask again shortly');
    console.error(error);
    return jsonError(c, 500, 'internal_error', 'The server failed to answer this request');
  });

  const lane = dataLane({ tokens: options.tokens, layerFiles, answer: fileAnswerer(dataStore), fileOptions: dataFileOptions });
  // Keep Node's own Request and Response globals: Hono's lighter ones would also be handed to every other library.
  const honoListener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  return {
    app,
    listener: (req, res) => {
      if (!lane(req, res)) void honoListener(req, res);
    },
    endStreams: () => {
      for (const end of openStreams) end();
    },
  };
}
