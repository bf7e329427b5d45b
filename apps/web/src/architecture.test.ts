import { describe, expect, it } from 'vitest';

// CONTRIBUTING.md, "Layers": which folder may import which is checked by lint
// (import-x/no-restricted-paths and import-x/no-cycle in eslint.config.js). What lint
// cannot see: there are no barrel files, so every import names the module it uses.
const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('source layout', () => {
  it('finds the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('has no barrel files', () => {
    expect(Object.keys(sources).filter((path) => /\/index\.tsx?$/.test(path))).toEqual([]);
  });
});
