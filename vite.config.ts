// Builds the web app (src/web) into dist/web, which the server serves. Every asset is bundled and
// served by Lantern itself: no CDN, no web fonts.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than Lantern's own code: a separate chunk stays cached across releases.
        // Chart.js is left to the statistics page that loads it, so no other page downloads it.
        codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/](?!chart\.js[\\/])/ }] },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    // `npx vite` during development: the API comes from a running `lantern serve`.
    proxy: { '/api': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' },
  },
});
