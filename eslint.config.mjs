// ESLint flat config for the whole tree: what each rule keeps, and how to run it, in docs/lint.md.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import tiaokuai from './tools/eslint/index.mjs';

const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const UNUSED = {
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    '**/.turbo/',
    '**/*.d.ts',
    'schema/',
    '**/migrations/',
    'data/',
    '.data/',
    'bench-results/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: [...TS, ...JS],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: TS,
    extends: [tseslint.configs.recommended],
  },
  {
    files: TS,
    rules: {
      // Unused on purpose: name it `_x` (an ignored argument, a destructured element, a caught error).
      '@typescript-eslint/no-unused-vars': ['error', UNUSED],
      // Input hygiene matches control characters on purpose (leadership's text.ts, its specs and generators).
      'no-control-regex': 'off',
    },
  },
  {
    files: JS,
    rules: { 'no-unused-vars': ['error', UNUSED] },
  },
  {
    // Test code and tools: loosely typed fixtures, mocks and parsed JSON are the point there.
    files: ['**/*.spec.ts', '**/src/testing/**', 'test/**', 'tools/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Formatting is Prettier's (npm run format); this turns off every rule that would fight it.
  prettier,
  {
    // After eslint-config-prettier, which turns max-len off: Prettier does not break comments or long strings.
    files: [...TS, ...JS],
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': [
        'error',
        {
          code: 120,
          comments: 120,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
  {
    // Our import directions (ARCHITECTURE.md, STYLE.md "module shape"); the rules exempt specs and src/testing/.
    files: TS,
    plugins: { tiaokuai },
    rules: {
      'tiaokuai/layers': ['error', { domainAllow: ['@tiaokuai/leadership'] }],
      'tiaokuai/no-cycle': 'error',
      'tiaokuai/no-package-escape': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/dist', '**/dist/**', '@tiaokuai/*/dist', '@tiaokuai/*/dist/*'],
              message: "A package's dist/ is build output: import the package by its name or an exported subpath.",
            },
          ],
        },
      ],
    },
  },
  {
    // The plugin's own sources and specs are plain ESM JS.
    files: ['tools/eslint/**/*.mjs'],
    plugins: { tiaokuai },
    rules: { 'tiaokuai/no-cycle': 'error' },
  },
]);
