// One vitest run, three projects: unit (Node: core, server, main wiring with a mocked
// electron, architecture), component (jsdom: React components), e2e (real Chromium against
// the built app in browser mode; needs `npm run build` first, which `npm test` does).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/renderer/**', '**/node_modules/**'],
          // Real databases, worker threads and child processes: a loaded 2-core machine runs
          // some of these past vitest's default 5 s (a limit on a hang, not a speed check).
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          // jsdom renders of the whole table or dashboard take seconds on a loaded machine.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // No browser on this machine: one sentence saying what to install, before any test runs.
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
