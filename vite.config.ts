import react from '@vitejs/plugin-react';
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
          environment: 'node',
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
        },
      },
    ],
  },
});
