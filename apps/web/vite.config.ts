import { createHash } from 'node:crypto';
import path from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
// A workspace package's path, not its name: Vite loads its config's packages with Node, which runs no TypeScript.
import { firstPageAnswerJsonSchemas } from '../../packages/contracts/src/api/first-page-answers.ts';
import { FIRST_PAINT_CSS, firstPaintScript, firstPaintShell } from './src/app/first-paint.ts';
import { en } from './src/i18n/en.ts';
import { ja } from './src/i18n/ja.ts';

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

/**
 * The list page's heading and intro in index.html, in the reader's language, before the
 * app's JavaScript has run (src/app/first-paint.ts): a script of the page's own origin (the
 * API's CSP allows no inline script) with a hashed name, a style and the shell in #root.
 */
function firstPaint(): Plugin {
  let base = '/';
  const script = firstPaintScript();
  const fileName = `assets/first-paint-${createHash('sha256').update(script).digest('hex').slice(0, 10)}.js`;
  return {
    name: 'planning-hub:first-paint',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: script });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const root = '<div id="root"></div>';
        if (!html.includes(root)) throw new Error(`first-paint: index.html has no ${root}`);
        return {
          html: html.replace(root, `<div id="root">${firstPaintShell({ en, ja })}</div>`),
          tags: [
            { tag: 'script', attrs: { src: `${base}${fileName}` }, injectTo: 'head-prepend' },
            { tag: 'style', children: FIRST_PAINT_CSS, injectTo: 'head' },
          ],
        };
      },
    },
  };
}

/** What the API loads to paint the input set list into index.html (src/server/paint-list-page.tsx). */
const SERVER_MODULE = 'src/server/paint-list-page.tsx';

/**
 * After the client build, the server module into `<outDir>-server` beside it
 * (apps/web/dist-server), built by the same `vite build`, so that whatever builds the SPA,
 * into whatever folder, builds the two together.
 */
function serverModule(): Plugin {
  let root = '';
  let outDir = '';
  let configFile: string | undefined;
  return {
    name: 'planning-hub:server-module',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
      configFile = config.configFile;
    },
    async closeBundle() {
      await build({
        root,
        configFile: configFile ?? false,
        logLevel: 'warn',
        build: { ssr: SERVER_MODULE, outDir: `${outDir}-server`, emptyOutDir: true },
      });
    },
  };
}

/** The module that holds the first page's answer schemas; the build writes its value in. */
const FIRST_PAGE_ANSWER_SCHEMAS_MODULE = '/src/lib/first-page-answer-schemas.ts';

/**
 * src/lib/first-page-answer-schemas.ts as plain data: the JSON Schema of each answer the
 * first page parses, written from its zod schema in packages/contracts at build time, so
 * that the first page loads no zod (docs/performance.md, Browser). In development and
 * tests the module computes the same value itself.
 */
function firstPageAnswerSchemas(): Plugin {
  return {
    name: 'planning-hub:first-page-answer-schemas',
    apply: 'build',
    load(id) {
      if (!id.endsWith(FIRST_PAGE_ANSWER_SCHEMAS_MODULE)) return undefined;
      return `export const FIRST_PAGE_ANSWER_SCHEMAS = ${JSON.stringify(firstPageAnswerJsonSchemas())};`;
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  base: '/',
  plugins: [react(), firstPageAnswerSchemas(), preloadLandingPage(), firstPaint(), serverModule()],
  server: {
    port: 5173,
    proxy: {
      '/api': API_ORIGIN,
      '/healthz': API_ORIGIN,
      '/readyz': API_ORIGIN,
      '/metrics': API_ORIGIN,
    },
  },
  // The server module (serverModule above): one file with React and the rest in it, that the
  // API loads from wherever the build put it. React's build is picked now, as the JSX
  // transform's is (production unless NODE_ENV says otherwise).
  ssr: { noExternal: true },
  ...(isSsrBuild
    ? { define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'production') } }
    : {}),
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: which chunk is the entry and what each route loads (`pnpm bench --only spa`).
    manifest: true,
  },
}));
