import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API (apps/api) listens on 8080 in development and serves the built SPA in production.
const API_ORIGIN = 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': API_ORIGIN,
      '/healthz': API_ORIGIN,
      '/readyz': API_ORIGIN,
      '/metrics': API_ORIGIN,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: which chunk is the entry and what each route loads (`pnpm bench --only spa`).
    manifest: true,
  },
});
