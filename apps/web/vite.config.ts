import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The API (apps/api) listens on 8080 in development and serves the built SPA in production.
const API_ORIGIN = 'http://127.0.0.1:8080';

/**
 * What main.tsx loads with a dynamic import before the first render: the app (React DOM,
 * the router, the shell) and the page /ui opens on (the input set list, a lazy route chunk
 * like every page).
 */
const FIRST_RENDER_MODULES = [
  '/src/app/render-app.tsx',
  '/src/features/input-sets/pages/input-sets-page.tsx',
];

/**
 * `<link rel="modulepreload">` in index.html for the app's chunk, the list page's chunk and
 * the chunks they import, which Vite leaves to the entry's dynamic imports: they then
 * download beside the entry instead of after it has been evaluated (docs/performance.md,
 * Browser).
 */
function preloadLandingPage(): Plugin {
  let base = '/';
  return {
    name: 'planning-hub:preload-landing-page',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const firstRender = FIRST_RENDER_MODULES.map((module) => {
          const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(module));
          if (!chunk) throw new Error(`preload-landing-page: no chunk for ${module}`);
          return chunk;
        });
        // The entry's own static imports are preloaded by Vite already.
        const loaded = new Set<string>();
        const addWithImports = (file: string) => {
          if (loaded.has(file)) return;
          loaded.add(file);
          for (const imported of bundle[file]?.type === 'chunk' ? bundle[file].imports : [])
            addWithImports(imported);
        };
        for (const entry of chunks.filter((chunk) => chunk.isEntry)) addWithImports(entry.fileName);
        const before = new Set(loaded);
        for (const chunk of firstRender) addWithImports(chunk.fileName);
        return [...loaded]
          .filter((file) => !before.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'script', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), preloadLandingPage()],
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
