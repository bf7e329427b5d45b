import { existsSync } from 'node:fs';
import path from 'node:path';

/** The checkout's top folder (where pnpm-workspace.yaml is): runbook paths such as tmp/ are relative to it. */
export function findRepoRoot(start: string = import.meta.dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
