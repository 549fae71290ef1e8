// Lint: typescript-eslint's recommended rules, React hooks rules, and the layering of
// DESIGN.md as restricted imports per folder (tests/architecture checks the same by resolving
// every import, so a rule that a pattern misses still fails the test run).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/output/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name=/^(only|skip|todo)$/][callee.object.name=/^(it|test|describe)$/]', message: 'No focused or skipped tests.' },
      ],
    },
  },
  layer(['shared/**'], ['electron', 'node:*', 'better-sqlite3', 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
    'shared/ is pure TypeScript for every side: it imports only shared/ (and zod for schemas).'),
  layer(['electron/core/**'], ['electron', 'react', 'react-dom', '**/main/**', '**/server/**', '**/preload/**', '**/renderer/**'],
    'electron/core is Electron-free: it imports shared/, node: and its libraries only.'),
  layer(['electron/server/**'], ['electron', 'react', 'react-dom', '**/main/**', '**/preload/**', '**/renderer/**'],
    'electron/server imports core and shared only.'),
  layer(['electron/main/**'], ['react', 'react-dom', '**/server/**', '**/preload/**', '**/renderer/**'],
    'electron/main imports core, shared and electron only.'),
  layer(['electron/preload/**'], ['node:*', 'better-sqlite3', 'zod', 'react', '**/core/**', '**/main/**', '**/server/**', '**/renderer/**', '**/schemas'],
    'The sandboxed preload imports only electron and the contract\'s names and types.'),
  layer(['renderer/**'], ['electron', 'node:*', 'better-sqlite3', '**/electron/**'],
    'The renderer reaches the backend only through renderer/src/api.'),
);
