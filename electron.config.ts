// electron-vite build of the three Electron targets. The main build's entries: the Electron
// app (index), browser mode's loopback server (server) and the plan import's command line and
// worker (import, import-worker), which share the core.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          server: resolve('electron/server/cli.ts'),
          // Plan import: its command line and the worker thread every file is parsed in.
          import: resolve('electron/server/import-cli.ts'),
          'import-worker': resolve('electron/core/import/worker.ts'),
        },
        // Browser mode's PDF renderer drives the machine's Chromium with playwright-core, which
        // reads its own package.json at run time: it cannot be bundled, it is loaded from
        // node_modules.
        external: ['playwright-core'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // Fonts stay files: the CSP's font-src 'self' refuses data: URIs, which Vite would
      // otherwise make of the smallest woff/woff2 subsets.
      assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
