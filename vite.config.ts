import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = import.meta.dirname;

export default defineConfig({
  root: path.resolve(here, 'src/web'),
  plugins: [react()],
  resolve: {
    alias: { '@': path.resolve(here, 'src') },
  },
  build: {
    outDir: path.resolve(here, 'dist/web'),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page pulls in, for the per-page budget (scripts/check-bundle-size.mjs).
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: a separate chunk stays cached across releases.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|react-router|@tanstack|scheduler|cookie|set-cookie-parser)[\\/]/ }] },
      },
    },
  },
  server: {
    // The Fastify server owns /api; in development Vite only serves the web app.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
