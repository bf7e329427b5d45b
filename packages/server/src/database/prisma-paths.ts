import path from 'node:path';
import type { TPrismaPaths } from './schema-engine';

export function prismaPaths(home: string): TPrismaPaths {
  return {
    schemaPath: path.join(home, 'prisma', 'schema.prisma'),
    migrationsDir: path.join(home, 'prisma', 'migrations'),
  };
}
