// electron-vite build of the three Electron targets. The main build's entries: the Electron
// app (index), browser mode's loopback server (server), the plan import's command line and
// worker (import, import-worker) and the migrations' worker (open-worker), which share the core.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * index.html's first script: the renderer's first-calls entry (renderer/src/first-calls.ts),
 * put before the app's own script, so it sends the first screen's calls as soon as it is
 * fetched, while the app's graph is still being fetched, compiled and evaluated (a module
 * script runs once its whole graph is). It imports nothing of the app's, so it never waits for
 * the app; and it is async: a module script without it is deferred, run only once the document
 * is parsed and no stylesheet is pending, which held the calls back until after the page's
 * stylesheet (its script needs neither the document nor the styles). The app imports it too:
 * it runs once, whichever comes first.
 */
function firstCallsScript(): Plugin {
  return {
    name: 'briefbook-first-calls-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'first-calls');
        if (!chunk) throw new Error('the first-calls entry is missing from the renderer bundle');
        const entry = html.indexOf('<script type="module"');
        if (entry < 0) throw new Error('index.html has no module script to put the first calls before');
        const tag = `<script type="module" async crossorigin src="./${chunk.fileName}"></script>\n    `;
        return html.slice(0, entry) + tag + html.slice(entry);
      },
    },
  };
}

const RENDERER_ENTRY = resolve('renderer/src/main.tsx');
const FIRST_CALLS_ENTRY = resolve('renderer/src/first-calls.ts');

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/** A module and every module it imports statically, transitively (module ids). */
function staticGraph(from: string, graph: ModuleGraph): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    for (const id of graph.getModuleInfo(queue.pop()!)?.importedIds ?? []) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}

/**
 * The renderer's first load in one chunk ("app"): every module main.tsx imports statically but
 * the first calls' (their own entry, which must import nothing of the app's). Left to itself,
 * the bundler cut the first load into eleven scripts (React, i18next, the catalogue, the query
 * cache… each also used by a view loaded on demand), every one a request, a module record and
 * a preload the page handles before its first screen; now it is the first calls, main.tsx, this
 * chunk and the bundler's runtime. The views loaded on demand import what they share with the
 * first screen from it (it is loaded by then). Only the static graph is taken, so nothing of a
 * view loaded on demand joins the first load; includeDependenciesRecursively is off so the
 * first calls' own modules (used by the app too) stay in their script.
 */
function firstLoadChunk(): (id: string, graph: ModuleGraph) => string | null {
  // Worked out once per chunking pass: the entry's module info is one object within a pass and
  // a new one in the next (a rebuild in watch mode sees its changed imports).
  const passes = new WeakMap<object, Set<string>>();
  return (id, graph) => {
    const pass = graph.getModuleInfo(RENDERER_ENTRY);
    if (!pass) return null;
    let firstLoad = passes.get(pass);
    if (!firstLoad) {
      const calls = staticGraph(FIRST_CALLS_ENTRY, graph);
      firstLoad = new Set([...staticGraph(RENDERER_ENTRY, graph)].filter((m) => m !== RENDERER_ENTRY && !calls.has(m)));
      passes.set(pass, firstLoad);
    }
    return firstLoad.has(id) ? 'app' : null;
  };
}

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
          // A library's migrations at its first open by this version (services/storage/opening.ts).
          'open-worker': resolve('electron/core/services/storage/open-worker.ts'),
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
    plugins: [react(), firstCallsScript()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // Fonts stay files: the CSP's font-src 'self' refuses data: URIs, which Vite would
      // otherwise make of the smallest woff/woff2 subsets.
      assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
      // The first calls are an entry of their own (firstCallsScript above).
      rollupOptions: {
        input: { index: resolve('renderer/index.html'), 'first-calls': FIRST_CALLS_ENTRY },
        output: { codeSplitting: { groups: [{ name: firstLoadChunk(), includeDependenciesRecursively: false }] } },
      },
    },
  },
});
