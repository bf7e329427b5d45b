import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';

/** The SPA's features: none imports another (the app layer composes them). */
const WEB_FEATURES = readdirSync(new URL('./apps/web/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Which way dependencies point (CONTRIBUTING.md, "Layers"): contracts <- core <- server
 * <- api; the SPA and the CLI are clients that speak contracts; nothing reaches up.
 */
const LAYER_ZONES = [
  {
    target: './packages/contracts',
    from: ['./packages/core', './packages/server', './packages/planner-files', './apps'],
    message: 'contracts depend on nothing of ours.',
  },
  {
    target: './packages/planner-files',
    from: ['./packages/core', './packages/server', './apps'],
    message: 'planner-files is browser-safe: contracts only.',
  },
  {
    target: './packages/core',
    from: ['./packages/server', './apps'],
    message: 'core is pure: no server, no apps.',
  },
  { target: './packages/server', from: ['./apps'], message: 'services do not know their callers.' },
  {
    target: './packages/server/src/data',
    from: ['./packages/server/src/services'],
    message: 'data/ holds the queries, services/ the rules that use them: data never imports a service.',
  },
  {
    target: './apps/web',
    from: ['./packages/core', './packages/server', './apps/api', './apps/cli'],
    message: 'The SPA talks to the API; it imports contracts (and planner-files) only.',
  },
  {
    target: ['./apps/cli/src/*.ts', './apps/cli/src/!(db)/**'],
    from: ['./packages/core', './packages/server', './apps/api'],
    message: 'The CLI is a client of the API (docs/decisions/0007); only `planning db` opens the database.',
  },
  {
    target: './apps/api/src',
    from: ['./apps/web', './apps/cli'],
    message: 'The API does not import its clients.',
  },
  ...WEB_FEATURES.map((feature) => ({
    target: `./apps/web/src/features/${feature}`,
    from: './apps/web/src/features',
    except: [`./${feature}`],
    message: 'Features never import each other; the app layer composes them.',
  })),
  {
    target: [
      './apps/web/src/lib',
      './apps/web/src/components',
      './apps/web/src/config',
      './apps/web/src/i18n',
    ],
    from: ['./apps/web/src/features', './apps/web/src/app'],
    message: 'Shared layers know no feature.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'packages/server/src/generated/**',
      '.data/**',
      'tmp/**',
      'out/**',
      'evidence/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['apps/**/*.{ts,tsx}', 'packages/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'apps/web/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Dependencies point one way: core and contracts never touch I/O frameworks.
    files: ['packages/core/**/*.ts', 'packages/contracts/**/*.ts', 'packages/planner-files/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['express', 'pg', 'pg-*', '@prisma/*', 'react', 'react-*'],
              message: 'core, contracts and planner-files stay free of I/O frameworks.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
);
