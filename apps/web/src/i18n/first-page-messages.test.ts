import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { enPages } from './en-pages';

// Every module of the app, by its path under src/ (as app/render-app.tsx).
const sources = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([file, source]) => [path.posix.join('i18n', file), source]),
);

/**
 * What renders before the first page's messages are joined by every page's
 * (i18n/dictionaries.ts): main.tsx, the shell, sign-in, the input set list, and the list's
 * rows for long lists; with what they import statically. Every other page waits for all
 * messages (app/route-config.tsx).
 */
const FIRST_PAGE_ROOTS = [
  'main.tsx',
  'app/render-app.tsx',
  'features/auth/sign-in-page.tsx',
  'features/input-sets/pages/input-sets-page.tsx',
  'features/input-sets/components/input-set-virtual-rows.tsx',
];

/** A relative import's module, by its path under src/. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`].find((candidate) => candidate in sources);
}

function firstPageModules(): Set<string> {
  const modules = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const source = sources[file] ?? '';
    // Static imports and re-exports only: what a dynamic import() loads is its own chunk.
    for (const match of source.matchAll(
      /^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gm,
    )) {
      const imported = resolveImport(file, match[1] ?? match[2] ?? '');
      if (imported) visit(imported);
    }
  };
  for (const root of FIRST_PAGE_ROOTS) {
    expect(sources).toHaveProperty([root]);
    visit(root);
  }
  return modules;
}

describe('the first page’s messages', () => {
  it('hold every key the shell, sign-in and the list name, and every key they build', () => {
    const pageKeys = new Set(Object.keys(enPages));
    const firstPageKeys = Object.keys(en);
    const misplaced: string[] = [];
    const modules = firstPageModules();
    expect(modules.has('components/ui/problem-alert.tsx')).toBe(true);
    for (const file of modules) {
      if (/^i18n\/(en|ja)(-pages)?\.ts$/.test(file)) continue;
      const source = sources[file] ?? '';
      // A key as a string: t('list.title'), a map of keys, a plural's `.one`.
      for (const [, text] of source.matchAll(/'([^'\n]+)'/g))
        for (const key of [text, `${text}.one`])
          if (key && pageKeys.has(key)) misplaced.push(`${file}: ${key}`);
      // A key built in a template: t(`status.${status}`) needs every status.* key.
      for (const [, prefix] of source.matchAll(/`([\w.]+\.)\$\{/g)) {
        if (!firstPageKeys.some((key) => key.startsWith(prefix ?? ''))) misplaced.push(`${file}: ${prefix}*`);
        for (const key of pageKeys) if (key.startsWith(prefix ?? '')) misplaced.push(`${file}: ${key}`);
      }
    }
    expect(misplaced).toEqual([]);
  });
});
