import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The DuckDB file of incidents, monitoring, lifecycle records and the audit log. */
  storePath: string;
  /** A PostgreSQL database (with PostGIS) to keep them in instead, which several servers may share. */
  storeUrl: string | undefined;
  /** An MQTT broker whose `twin/readings/{pointId}` messages are stored as monitoring readings. */
  mqttUrl: string | undefined;
  /** The client id this server keeps its MQTT session under; unique per server, stable across restarts. */
  mqttClientId: string;
  /** The shared-subscription group of the servers that share this server's store. */
  mqttGroup: string;
  /** Where to write the nginx map of the data files every caller may read, kept current with the catalog (deploy/nginx). */
  nginxPublicFiles: string | undefined;
  catalogPath: string;
  viewerDir: string;
  cesiumDir: string;
  /** How often the server looks for layers imported, replaced or removed, ms. */
  catalogPollMs: number;
}

/** Settings from the environment; anything malformed stops the server with a message naming the variable. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const dataDir = resolve(env.DATA_DIR || 'data');
  const catalogPollMs = Number(env.CATALOG_POLL_MS ?? 2000);
  if (!Number.isInteger(catalogPollMs) || catalogPollMs < 100) {
    throw new Error(`CATALOG_POLL_MS must be a whole number of milliseconds, at least 100, got "${env.CATALOG_POLL_MS}"`);
  }
  const storeUrl = env.STORE_URL || undefined;
  if (storeUrl !== undefined && !/^postgres(ql)?:\/\//.test(storeUrl)) {
    throw new Error(`STORE_URL must be a PostgreSQL URL (postgres://user:password@host:port/database), got "${storeUrl.replace(/\/\/[^@/]*@/, '//…@')}"`);
  }
  const mqttUrl = env.MQTT_URL || undefined;
  if (mqttUrl !== undefined && !/^mqtts?:\/\/[^/]/.test(mqttUrl)) {
    throw new Error(`MQTT_URL must be an MQTT broker URL (mqtt://host:1883 or mqtts://host:8883), got "${mqttUrl.replace(/\/\/[^@/]*@/, '//…@')}"`);
  }
  const mqttClientId = env.MQTT_CLIENT_ID || `wuyi-twin-${hostname()}-${port}`;
  if (!/^[\w.-]{1,64}$/.test(mqttClientId)) {
    throw new Error(`MQTT_CLIENT_ID must be 1–64 letters, digits or . - _, got "${mqttClientId}"`);
  }
  const mqttGroup = env.MQTT_GROUP || 'wuyi-twin';
  if (!/^[\w.-]{1,64}$/.test(mqttGroup)) throw new Error(`MQTT_GROUP must be 1–64 letters, digits or . - _, got "${mqttGroup}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    storePath: resolve(env.STORE_PATH || join(dataDir, 'twin.duckdb')),
    storeUrl,
    mqttUrl,
    mqttClientId,
    mqttGroup,
    nginxPublicFiles: env.NGINX_PUBLIC_FILES ? resolve(env.NGINX_PUBLIC_FILES) : undefined,
    catalogPath: resolve(env.CATALOG ?? join(projectRoot, 'layers', 'catalogs', 'wuyi.json')),
    viewerDir: resolve(env.VIEWER_DIR ?? join(projectRoot, 'dist')),
    cesiumDir: join(dirname(createRequire(import.meta.url).resolve('cesium/package.json')), 'Build', 'Cesium'),
    catalogPollMs,
  };
}
