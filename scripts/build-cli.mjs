#!/usr/bin/env node
// Builds the `planning` CLI with esbuild into apps/cli/dist/: planning.mjs, the entry that
// bin/planning and `npm install -g ./apps/cli` run, and chunks/ that it loads on demand.
// One bundle of the CLI, its contracts and its dependencies (commander, zod, yauzl, fflate):
// no tsx, no TypeScript and nothing from node_modules at run time.
//
// Why an entry plus chunks rather than one file: Node compiles a whole ES module before it
// runs a line of it. The entry holds only the command line (commander and every command's
// options); zod, the contracts and each command's work are chunks imported when a command
// runs. `planning --help` then costs about what Node's own start does (measured on a
// 2-CPU machine: 136 ms against 179-215 ms for one 780 KiB file; `node -e 0` 105-130 ms).
//
//   node scripts/build-cli.mjs              build
//   node scripts/build-cli.mjs --if-stale   build only when a source is newer than the bundle
//
// Messages go to stderr: `pnpm -s planning events --json > file` builds first, and its
// stdout must stay the command's.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = path.join(root, 'apps', 'cli');
const distDir = path.join(cliDir, 'dist');
const outfile = path.join(distDir, 'planning.mjs');
/** What the bundle is made of: a change to any of it makes the bundle stale. */
const SOURCES = [
  path.join(cliDir, 'src'),
  path.join(root, 'packages', 'contracts', 'src'),
  path.join(root, 'packages', 'core', 'src'),
  path.join(root, 'packages', 'planner-files', 'src'),
  path.join(cliDir, 'package.json'),
  fileURLToPath(import.meta.url),
];
/** apps/cli/src/db is the separate, unbundled entry of `planning db` (it imports the server). */
const UNBUNDLED = path.join(cliDir, 'src', 'db');

function newestMtime(entry) {
  if (entry === UNBUNDLED || !existsSync(entry)) return 0;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function isStale() {
  if (!existsSync(outfile)) return true;
  const built = statSync(outfile).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

/**
 * zod's messages in English only: its index of ~45 locales is a third of the zod chunk,
 * and the CLI never switches locale (zod configures `en` by itself).
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!args.importer.split(path.sep).includes('zod')) return undefined;
      return {
        path: path.join(path.dirname(args.importer), '..', 'locales', 'en.js'),
        namespace: 'zod-english-only',
      };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/** The module that holds the JSON Schemas the CLI checks answers with; the build writes its value in. */
const ANSWER_JSON_SCHEMAS_MODULE = path.join(cliDir, 'src', 'api', 'answer-json-schemas.ts');

/**
 * apps/cli/src/api/answer-json-schemas.ts as plain data: the JSON Schema of each answer the
 * CLI checks without zod, written from its zod schema in packages/contracts at build time, so
 * that `planning list` loads no zod (docs/performance.md, CLI start-up), as the SPA's build
 * does for its first page (docs/decisions/0010). The value is the module's own: bundled
 * alone and run here.
 */
async function answerJsonSchemas(esbuild) {
  const { outputFiles } = await esbuild.build({
    entryPoints: [ANSWER_JSON_SCHEMAS_MODULE],
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
  });
  const source = Buffer.from(outputFiles[0].contents).toString('base64');
  const { ANSWER_JSON_SCHEMAS } = await import(`data:text/javascript;base64,${source}`);
  const contents = `export const ANSWER_JSON_SCHEMAS = ${JSON.stringify(ANSWER_JSON_SCHEMAS)};`;
  return {
    name: 'answer-json-schemas',
    setup(build) {
      build.onLoad({ filter: /answer-json-schemas\.ts$/ }, (args) =>
        args.path === ANSWER_JSON_SCHEMAS_MODULE ? { contents, loader: 'js' } : undefined,
      );
    },
  };
}

/**
 * Chunks of earlier builds that no entry refers to any more: removed, except that an
 * --if-stale build (tests, `pnpm planning`) keeps them a while for commands still running.
 */
const OLD_CHUNK_MS = 10 * 60_000;

async function build({ keepRecentChunks }) {
  // esbuild is a dev dependency of apps/cli, not of the root: resolve it from there.
  const esbuild = createRequire(path.join(cliDir, 'package.json'))('esbuild');
  const manifest = JSON.parse(readFileSync(path.join(cliDir, 'package.json'), 'utf8'));
  const { version } = manifest;
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: { planning: path.join(cliDir, 'src', 'main.ts') },
    outdir: distDir,
    write: false,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Whitespace and syntax only: names stay readable in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    define: { __PLANNING_CLI_VERSION__: JSON.stringify(version) },
    // Loaded by `planning evidence` only, from the checkout's node_modules: never bundled.
    external: ['@playwright/test'],
    plugins: [zodEnglishOnly, await answerJsonSchemas(esbuild)],
    // commander is CommonJS and requires node: built-ins; an ES module has no `require` of its own.
    banner: {
      js: "import { createRequire as __planningCreateRequire } from 'node:module'; const require = __planningCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  // Chunks first, the entry last, each written beside its place and renamed over it: test
  // workers building at once, or a command running meanwhile, never load half a file.
  const outputs = [...result.outputFiles].sort(
    (a, b) => Number(a.path === outfile) - Number(b.path === outfile),
  );
  for (const output of outputs) {
    mkdirSync(path.dirname(output.path), { recursive: true });
    const temporary = `${output.path}.${process.pid}.tmp`;
    const isEntry = output.path === outfile;
    writeFileSync(
      temporary,
      isEntry ? Buffer.concat([Buffer.from('#!/usr/bin/env node\n'), output.contents]) : output.contents,
    );
    // The entry is executable: it is the `bin` of the installable package (npm install -g ./apps/cli).
    if (isEntry) chmodSync(temporary, 0o755);
    renameSync(temporary, output.path);
  }
  // `pnpm pack` packs dist/ (publishConfig.directory) with this manifest: the bundle needs no dependencies.
  const distManifest = {
    name: manifest.name,
    version,
    description: manifest.description,
    type: 'module',
    bin: { planning: 'planning.mjs' },
    engines: manifest.engines,
  };
  writeFileSync(path.join(distDir, 'package.json'), `${JSON.stringify(distManifest, null, 2)}\n`);
  const current = new Set(outputs.map((o) => o.path));
  const chunksDir = path.join(distDir, 'chunks');
  for (const name of existsSync(chunksDir) ? readdirSync(chunksDir) : []) {
    const file = path.join(chunksDir, name);
    if (!current.has(file) && (!keepRecentChunks || Date.now() - statSync(file).mtimeMs > OLD_CHUNK_MS))
      rmSync(file, { force: true });
  }
  const kib = (outputs.reduce((sum, o) => sum + o.contents.length, 0) / 1024).toFixed(0);
  const entryKib = (outputs.find((o) => o.path === outfile).contents.length / 1024).toFixed(0);
  process.stderr.write(
    `built ${path.relative(root, outfile)} (${entryKib} KiB, ${kib} KiB with its chunks; planning ${version}) in ${Date.now() - started} ms\n`,
  );
}

const ifStale = process.argv.includes('--if-stale');
if (!ifStale || isStale()) {
  build({ keepRecentChunks: ifStale }).catch((error) => {
    process.stderr.write(
      `✗ building the planning CLI failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
