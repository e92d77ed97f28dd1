import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { type Catalog, catalogFor } from '../layers/index.ts';
import { FileStore } from './files/fileStore.ts';
import { jsonError } from './jsonError.ts';
import { fileRoutes } from './routes/files.ts';
import { ogcFeatureRoutes } from './routes/ogcFeatures.ts';
import { searchRoutes } from './routes/search.ts';
import { viewerRoutes } from './routes/viewer.ts';

export interface AppOptions {
  catalog: Catalog;
  dataDir: string;
  viewerDir: string;
  cesiumDir: string;
  version: string;
}

const exposeHeaders = ['Content-Length', 'Content-Range', 'Content-Encoding', 'ETag', 'Accept-Ranges'];
const dataCorsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': exposeHeaders.join(','),
};

/** The twin's HTTP surface: viewer, Cesium assets, catalog, data folder, health. */
export function createApp(options: AppOptions): Hono {
  const startedAt = Date.now();
  const app = new Hono();

  // Data files carry their CORS headers themselves (see serveFile); the middleware answers
  // their preflights and covers the API.
  const crossOrigin = cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders, maxAge: 86400 });
  app.use('/api/*', crossOrigin);
  app.options('/data/*', crossOrigin);

  app.get('/api/health', (c) =>
    c.json({
      status: 'ok',
      version: options.version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      layers: options.catalog.layers.length,
    }),
  );
  app.get('/api/layers', (c) => c.json(catalogFor('anonymous', options.catalog)));
  app.route('/api/search', searchRoutes({ catalog: options.catalog, dataDir: options.dataDir }));
  app.use('/ogc/*', crossOrigin);
  app.route('/ogc', ogcFeatureRoutes({ catalog: options.catalog, dataDir: options.dataDir, prefix: '/ogc' }));

  const dataStore = new FileStore(options.dataDir);
  app.route('/data', fileRoutes('/data/', dataStore, { cacheControl: 'public, max-age=300', headers: dataCorsHeaders }));
  const cesiumStore = new FileStore(options.cesiumDir, { maxBytes: 64 * 1024 * 1024 });
  app.route('/cesium', fileRoutes('/cesium/', cesiumStore, { cacheControl: 'public, max-age=86400' }));
  app.route('/', viewerRoutes(new FileStore(options.viewerDir, { maxBytes: 32 * 1024 * 1024 })));

  app.notFound((c) => jsonError(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    console.error(error);
    return jsonError(c, 500, 'internal_error', 'The server failed to answer this request');
  });
  return app;
}
