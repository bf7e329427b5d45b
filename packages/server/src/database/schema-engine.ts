import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

// Prisma's native schema engine is downloaded from a host these machines cannot
// reach; the same engine ships as WebAssembly (docs/decisions/0001-wasm-schema-engine.md).

type TEngine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;

// @types/node 22 does not declare the WebAssembly global; this is the part we use.
type TWasmExports = Record<string, unknown> & { __wbindgen_start?: () => void };
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      compile: (bytes: Uint8Array) => Promise<unknown>;
      instantiate: (module: unknown, imports: unknown) => Promise<{ exports: TWasmExports }>;
    };
  }
).WebAssembly;

let wasmReady: Promise<void> | undefined;
let lastPanic = '';

// The engine reports Rust panics through this global before throwing.
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    lastPanic = message;
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error('schema engine panic:', message);
  },
};

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    // The .wasm file is not in the package's exports: locate it beside the JS glue.
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(glue), 'schema_engine_bg.wasm');
    const module = await wasm.compile(readFileSync(wasmPath));
    const instance = await wasm.instantiate(module, { './schema_engine_bg.js': bg });
    const exports = instance.exports;
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
  })();
  return wasmReady;
}

export type TPrismaPaths = { schemaPath: string; migrationsDir: string };

async function withEngine<T>(
  connectionString: string,
  { schemaPath }: TPrismaPaths,
  use: (engine: TEngine, schemaText: string) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const schemaText = readFileSync(schemaPath, 'utf8');
  const connections: TScriptConnection[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapter(connectionString, connections));
  const engine = await bg.SchemaEngine.new(
    { datamodels: [['schema.prisma', schemaText]] } as never,
    () => {},
    adapter,
  );
  try {
    return await use(engine, schemaText);
  } catch (error) {
    if (lastPanic) throw new Error(`Prisma schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    // The engine does not close its connections; a template database must be left idle.
    await Promise.all(connections.map((c) => c.dispose().catch(() => {})));
  }
}

type TPgField = { dataTypeID: number };
type TScriptConnection = {
  executeScript: (script: string) => Promise<void>;
  performIO: (query: unknown) => Promise<{ fields: TPgField[] }>;
  underlyingDriver: () => { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
  dispose: () => Promise<void>;
};

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Two gaps of @prisma/adapter-pg when it carries the schema engine:
 * - it runs a migration script by splitting it on every `;`, which breaks
 *   PL/pgSQL bodies (`$$ ... ; ... $$`); PostgreSQL's simple query protocol runs
 *   a whole script as one implicit transaction, as the native engine does;
 * - it rejects the catalog type "char" (pg_class.relkind and friends) that the
 *   engine's introspection reads; its values are one-letter text.
 */
function wholeScriptAdapter(connectionString: string, opened: TScriptConnection[]): PrismaPg {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connection = (await connect()) as unknown as TScriptConnection;
    opened.push(connection);
    const performIO = connection.performIO.bind(connection);
    connection.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result.fields) {
        if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      }
      return result;
    };
    connection.executeScript = async (script) => {
      try {
        await connection.underlyingDriver().query(script);
      } catch (error) {
        connection.onError(error);
      }
    };
    return connection as never;
  };
  return factory;
}

const noFilters = { externalTables: [], externalEnums: [] };

function listMigrations(migrationsDir: string) {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(migrationsDir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/** Applies every pending migration in prisma/migrations, exactly as `prisma migrate deploy`. */
export async function applyMigrations(
  connectionString: string,
  paths: TPrismaPaths,
): Promise<{ applied: string[] }> {
  return withEngine(connectionString, paths, async (engine) => {
    const migrationDirectories = listMigrations(paths.migrationsDir).map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok',
          value: readFileSync(path.join(paths.migrationsDir, name, 'migration.sql'), 'utf8'),
        },
      },
    }));
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: paths.migrationsDir,
        migrationDirectories,
        lockfile: { path: 'migration_lock.toml', content: null },
        shadowDbInitScript: '',
      },
      filters: noFilters,
    } as never);
    return { applied: (result as { appliedMigrationNames: string[] }).appliedMigrationNames };
  });
}

/**
 * SQL that turns a database shaped by `fromSchema` (or an empty one) into
 * schema.prisma. The engine's live-database introspection panics under the
 * driver adapter, so new migrations are diffed between datamodels; the drift
 * test compares the migrated catalog with one built from this SQL.
 */
export async function diffDatamodels(
  connectionString: string,
  paths: TPrismaPaths,
  fromSchema: string | null,
): Promise<string> {
  return withEngine(connectionString, paths, async (engine, schemaText) => {
    const result = await engine.diff({
      from:
        fromSchema === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: fromSchema }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schemaText }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    } as never);
    const sql = (result as { stdout?: string }).stdout ?? '';
    return sql.trim() === '-- This is an empty migration.' ? '' : sql;
  });
}
