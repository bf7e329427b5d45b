import { defineConfig } from 'prisma/config';

// Migrations are applied by our own runner on the WASM schema engine
// (docs/decisions/0001-wasm-schema-engine.md); this file serves `prisma generate`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
