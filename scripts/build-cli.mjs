#!/usr/bin/env node
// Builds the `planning` CLI with esbuild into apps/cli/dist/: planning.cjs, the entry that
// bin/planning and `npm install -g ./apps/cli` run, and chunks/ that it loads on demand.
// One bundle of the CLI, its contracts and its dependencies (commander, zod, yauzl, fflate):
// no tsx, no TypeScript and nothing from node_modules at run time.
//
// Why an entry plus chunks rather than one file: Node compiles a whole module before it
// runs a line of it. The entry holds only the command line (commander and every command's
// options); zod, the contracts and each command's work are chunks imported when a command
// runs. Why a CommonJS entry and ES module chunks: Node's ES module loader costs 15 ms more
// than `require` for the same `planning --help` (six modules of it, measured: 147 against
// 131 ms, `node -e 0` 109 ms, 2 CPUs), and only chunks need splitting, which esbuild does
// for ES modules alone. docs/performance.md, CLI start-up, has the rounds before.
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
const outfile = path.join(distDir, 'planning.cjs');
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

/** What the command line's `import()` of a module is first written as, until its chunk is known. */
const LAZY_PLACEHOLDER = 'planning-lazy-module:';

/**
 * Leaves every `import()` of the command line (an action, the language) out of the entry:
 * records the module and writes a placeholder in its place, for the ES module build to make
 * a chunk of and the entry to name (build below).
 */
function lazyModules(modules) {
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const source = path.resolve(args.resolveDir, `${args.path}.ts`);
        if (!args.path.startsWith('.') || !existsSync(source))
          return {
            errors: [{ text: `the command line may import() only a module of the CLI: ${args.path}` }],
          };
        modules.add(source);
        return { path: `${LAZY_PLACEHOLDER}${source}`, external: true };
      });
    },
  };
}

/**
 * Modules both halves hold a copy of (see build). Each must keep no state: a value one
 * copy sets, the other would not see. A module that newly lands in both fails the build
 * until it is checked and named here.
 */
const STATELESS_IN_BOTH = new Set([
  'apps/cli/src/version.ts',
  'packages/contracts/src/messages/language.ts',
  'packages/contracts/src/api/upload-limits.ts',
  'apps/cli/src/commands/list-defaults.ts',
]);

async function build({ keepRecentChunks }) {
  // esbuild is a dev dependency of apps/cli, not of the root: resolve it from there.
  const esbuild = createRequire(path.join(cliDir, 'package.json'))('esbuild');
  const manifest = JSON.parse(readFileSync(path.join(cliDir, 'package.json'), 'utf8'));
  const { version } = manifest;
  const started = Date.now();
  const common = {
    absWorkingDir: root,
    write: false,
    metafile: true,
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Whitespace and syntax only: names stay readable in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    define: { __PLANNING_CLI_VERSION__: JSON.stringify(version) },
    // Loaded by `planning evidence` only, from the checkout's node_modules: never bundled.
    external: ['@playwright/test'],
    logLevel: 'warning',
  };
  // 1. The command line: main.ts, commander and every command's options, as one CommonJS
  //    file. Node runs CommonJS without starting its ES module loader; `planning --help`
  //    runs nothing else (docs/performance.md, CLI start-up).
  const lazy = new Set();
  const commandLine = await esbuild.build({
    ...common,
    entryPoints: [path.join(cliDir, 'src', 'main.ts')],
    outfile,
    format: 'cjs',
    plugins: [lazyModules(lazy)],
  });
  // import.meta is empty in CommonJS: a module that needs it belongs to the second half.
  if (commandLine.warnings.length > 0) throw new Error('the command line must build without warnings');
  // 2. What a command does when it runs (its action, zod, the contracts): ES modules, split
  //    into chunks that the entry's import() loads.
  const lazySources = [...lazy];
  const work = await esbuild.build({
    ...common,
    entryPoints: lazySources,
    outdir: distDir,
    splitting: true,
    entryNames: 'chunks/[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    plugins: [zodEnglishOnly, await answerJsonSchemas(esbuild)],
    // commander is CommonJS and requires node: built-ins; an ES module has no `require` of its own.
    banner: {
      js: "import { createRequire as __planningCreateRequire } from 'node:module'; const require = __planningCreateRequire(import.meta.url);",
    },
  });
  const inputsOf = (result) => new Set(Object.keys(result.metafile.inputs));
  const workInputs = inputsOf(work);
  const inBoth = [...inputsOf(commandLine)].filter((input) => workInputs.has(input));
  const unchecked = inBoth.filter((input) => !STATELESS_IN_BOTH.has(input));
  if (unchecked.length > 0)
    throw new Error(
      `modules in both the entry and the chunks, not yet checked for state: ${unchecked.join(', ')}`,
    );

  // The entry's placeholders become the chunk of each module, relative to the entry.
  const chunkOf = new Map();
  for (const [output, meta] of Object.entries(work.metafile.outputs))
    if (meta.entryPoint) chunkOf.set(path.resolve(root, meta.entryPoint), path.resolve(root, output));
  let entryText = Buffer.from(commandLine.outputFiles[0].contents).toString('utf8');
  for (const source of lazySources) {
    const chunk = `./${path.relative(distDir, chunkOf.get(source)).split(path.sep).join('/')}`;
    entryText = entryText.replaceAll(JSON.stringify(`${LAZY_PLACEHOLDER}${source}`), JSON.stringify(chunk));
  }
  if (entryText.includes(LAZY_PLACEHOLDER)) throw new Error('an import() of the command line names no chunk');

  // Chunks first, the entry last, each written beside its place and renamed over it: test
  // workers building at once, or a command running meanwhile, never load half a file.
  const outputs = [
    ...work.outputFiles.map((output) => ({ path: output.path, contents: output.contents })),
    {
      path: outfile,
      contents: Buffer.concat([Buffer.from('#!/usr/bin/env node\n'), Buffer.from(entryText)]),
    },
  ];
  for (const output of outputs) {
    mkdirSync(path.dirname(output.path), { recursive: true });
    const temporary = `${output.path}.${process.pid}.tmp`;
    writeFileSync(temporary, output.contents);
    // The entry is executable: it is the `bin` of the installable package (npm install -g ./apps/cli).
    if (output.path === outfile) chmodSync(temporary, 0o755);
    renameSync(temporary, output.path);
  }
  // `pnpm pack` packs dist/ (publishConfig.directory) with this manifest: the bundle needs no dependencies.
  const distManifest = {
    name: manifest.name,
    version,
    description: manifest.description,
    bin: { planning: path.basename(outfile) },
    engines: manifest.engines,
  };
  writeFileSync(path.join(distDir, 'package.json'), `${JSON.stringify(distManifest, null, 2)}\n`);
  // The entry of builds before the command line was CommonJS.
  rmSync(path.join(distDir, 'planning.mjs'), { force: true });
  const current = new Set(outputs.map((o) => o.path));
  const chunksDir = path.join(distDir, 'chunks');
  for (const name of existsSync(chunksDir) ? readdirSync(chunksDir) : []) {
    const file = path.join(chunksDir, name);
    if (!current.has(file) && (!keepRecentChunks || Date.now() - statSync(file).mtimeMs > OLD_CHUNK_MS))
      rmSync(file, { force: true });
  }
  const kib = (outputs.reduce((sum, o) => sum + o.contents.length, 0) / 1024).toFixed(0);
  const entryKib = (outputs.at(-1).contents.length / 1024).toFixed(0);
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
