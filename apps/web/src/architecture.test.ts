import { describe, expect, it } from 'vitest';

// CONTRIBUTING.md: features never import each other (the app layer composes them), and no barrel files.
const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? '');
}

/** `./features/upload/x.ts` -> `upload`; null outside features. */
function featureOf(path: string): string | null {
  return /^\.\/features\/([^/]+)\//.exec(path)?.[1] ?? null;
}

function resolve(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return `${parts.join('/')}/`;
}

describe('source layout', () => {
  it('finds the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('has no imports between features', () => {
    const crossings: string[] = [];
    for (const [path, source] of Object.entries(sources)) {
      const feature = featureOf(path);
      if (!feature) continue;
      for (const specifier of importsOf(source)) {
        if (!specifier.startsWith('.')) continue;
        const target = featureOf(resolve(path, specifier));
        if (target && target !== feature) crossings.push(`${path} imports ${specifier}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('has no barrel files', () => {
    expect(Object.keys(sources).filter((path) => /\/index\.tsx?$/.test(path))).toEqual([]);
  });

  it('keeps shared layers free of features and app', () => {
    const offenders: string[] = [];
    for (const [path, source] of Object.entries(sources)) {
      if (!/^\.\/(lib|components|config|i18n)\//.test(path)) continue;
      for (const specifier of importsOf(source)) {
        if (/\/(features|app)\//.test(resolve(path, specifier)) && specifier.startsWith('.')) offenders.push(`${path} imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
