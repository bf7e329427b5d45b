import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The top folder of a Planning Hub checkout at or above `start` (where pnpm-workspace.yaml and apps/cli are), or null. */
export function findCheckoutAbove(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (
      existsSync(path.join(dir, 'pnpm-workspace.yaml')) &&
      existsSync(path.join(dir, 'apps', 'cli', 'package.json'))
    )
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * The checkout this CLI was built in (the bundle is apps/cli/dist/planning.cjs of it),
 * or null when it was installed elsewhere (npm install -g).
 */
export function findOwnCheckout(): string | null {
  return findCheckoutAbove(path.dirname(fileURLToPath(import.meta.url)));
}
