import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = import.meta.dirname;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to every text asset of 1 KB or more, at the strongest settings
 * once at build time, so that the server (@fastify/static, preCompressed) sends them without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'hub-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? path.resolve(here, 'dist/web');
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(name)) continue;
        const file = path.join(dir, name);
        const raw = fs.readFileSync(file);
        if (raw.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: path.resolve(here, 'src/web'),
  plugins: [react(), precompress()],
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
