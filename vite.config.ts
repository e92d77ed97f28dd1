import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const server = `http://localhost:${process.env.PORT ?? 8080}`;

export default defineConfig({
  root: 'viewer',
  publicDir: '../public',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
    // Two pages: the full viewer, and the lite one (three.js) for light devices, wall screens and embedding.
    rollupOptions: { input: { index: 'viewer/index.html', lite: 'viewer/lite.html' } },
  },
  // `npm run dev` serves the viewer with hot reload and leaves data, API and Cesium assets to a running twin server.
  server: {
    proxy: { '/api': server, '/data': server, '/cesium': server },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['{layers,datasets,tiles-server,viewer}/**/*.test.{ts,tsx}', 'test/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          environment: 'node',
          // Unit files first, then the browser tests alone: a 4K software-rendered Chromium beside
          // a dozen store-backed test servers starves a small CI machine of memory and CPU.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // Tests that run other programs (GDAL, the CLI, the server) or build the sample.
          name: 'integration',
          root: '.',
          include: ['{datasets,tiles-server}/**/*.integration.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // The store-backed route tests again, over PostgreSQL with PostGIS instead of DuckDB.
          name: 'postgres',
          root: '.',
          include: ['tiles-server/{app,routeFuzz,dataLane}.test.ts', 'tiles-server/{auth,routes}/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          environment: 'node',
          env: { TWIN_TEST_STORE: 'postgres' },
          globalSetup: [fileURLToPath(new URL('test/support/postgresGlobalSetup.ts', import.meta.url))],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 240_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
