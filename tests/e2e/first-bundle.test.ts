// What the built renderer loads before its first screen: index.html's entry script and every
// chunk it imports statically (what the browser must fetch and run before the app starts), and
// the stylesheets index.html links (parsed before the first paint). The
// chart library, the Markdown code, the note history (with its diff code) and the views other than reading are chunks of their
// own, loaded when first used; this reads the build's output (npm run build) and follows its
// static imports to check that none of them slipped back into the first load.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths';

const OUT = join(REPO_ROOT, 'out', 'renderer');
const ASSETS = join(OUT, 'assets');

/** Text only found in a library's own code (strings survive minification). */
const SIGNATURES = {
  recharts: 'recharts-surface',
  'markdown-it': 'Input data should be a String',
} as const;

/** The module scripts index.html runs, in document order (file names). */
function entryScripts(): string[] {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  if (entries.length === 0) throw new Error('out/renderer/index.html has no module entry script');
  return entries;
}

/** Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is on demand. */
const staticImports = (code: string) => [...code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);

/** The entries' chunks and the chunks they import statically, transitively (file names). */
function firstLoad(): string[] {
  const seen = new Set<string>();
  const queue = entryScripts();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(readFileSync(join(ASSETS, file), 'utf8')));
  }
  return [...seen].sort();
}

/** The stylesheets index.html links (the entry's CSS; chunks loaded on demand bring their own). */
function firstStylesheets(): string[] {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  return [...html.matchAll(/<link rel="stylesheet"[^>]*href="\.\/assets\/([^"]+\.css)"/g)].map((m) => m[1]!);
}

/** @font-face rules for a family in a stylesheet's text (minified or not). */
const faceRules = (css: string, family: string) =>
  (css.match(/@font-face\s*\{[^}]*\}/g) ?? []).filter((rule) => new RegExp(`font-family:\\s*["']?${family}["']?\\s*;`).test(rule));

const chunksWith = (files: readonly string[], text: string) => files.filter((f) => readFileSync(join(ASSETS, f), 'utf8').includes(text));

describe('the first screen’s bundle', () => {
  let all: string[];
  let first: string[];
  beforeAll(() => {
    if (!existsSync(join(OUT, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
    all = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
    first = firstLoad();
  });

  it('loads the entry and its static imports, a part of all the scripts', () => {
    expect(first.some((f) => f.startsWith('index-'))).toBe(true);
    expect(first.length).toBeLessThan(all.length);
  });

  it('runs the first calls first: a script of their own, before the app’s, that sends app.start and storage.status and holds none of the app', () => {
    const [first, ...rest] = entryScripts();
    expect(first).toMatch(/^first-calls-/);
    expect(rest.some((f) => f.startsWith('index-'))).toBe(true);
    // Nothing to wait for: no import of its own, so it runs as soon as it is fetched, while the
    // app's graph is still being fetched, compiled and evaluated.
    const code = readFileSync(join(ASSETS, first!), 'utf8');
    expect(staticImports(code)).toEqual([]);
    expect(code).toMatch(/\.call\(\s*[`'"]app\.start[`'"]/);
    expect(code).toMatch(/\.call\(\s*[`'"]storage\.status[`'"]/);
    // React and i18next are the app's, not this script's ('react.transitional.element' is React's own).
    expect(code).not.toContain('react.transitional.element');
    expect(Buffer.byteLength(code)).toBeLessThan(8_000);
    // Async: run when fetched, not deferred until the document is parsed and its stylesheet in.
    const html = readFileSync(join(OUT, 'index.html'), 'utf8');
    const tag = html.match(new RegExp(`<script[^>]*src="\\./assets/${first!.replace(/[.]/g, '\\.')}"[^>]*>`))?.[0];
    expect(tag).toMatch(/\basync\b/);
  });

  it.each(Object.entries(SIGNATURES))('does not contain %s, which is in a chunk loaded on demand', (_library, signature) => {
    // The signature is real: some chunk of the build has it (else this test could not fail).
    expect(chunksWith(all, signature).length).toBeGreaterThan(0);
    expect(chunksWith(first, signature)).toEqual([]);
  });

  it('links no @font-face rule of the bundled Chinese faces: they are a stylesheet of their own, loaded only without the installed faces', () => {
    const sheets = firstStylesheets();
    expect(sheets.length).toBeGreaterThan(0);
    const css = sheets.map((f) => readFileSync(join(ASSETS, f), 'utf8')).join('\n');
    for (const family of ['Noto Sans SC', 'Noto Serif SC']) expect(faceRules(css, family)).toEqual([]);
    // The Latin faces stay (few rules), and the Chinese ones are in the stylesheet fonts.ts loads.
    expect(faceRules(css, 'Noto Sans').length).toBeGreaterThan(0);
    const own = readdirSync(ASSETS).filter((f) => f.startsWith('bundled-cjk-faces-') && f.endsWith('.css'));
    expect(own).toHaveLength(1);
    const faces = readFileSync(join(ASSETS, own[0]!), 'utf8');
    expect(faceRules(faces, 'Noto Sans SC').length).toBeGreaterThan(100);
    expect(faceRules(faces, 'Noto Serif SC').length).toBeGreaterThan(100);
    // Under 100 KB of CSS before the first paint (it was 495 KB with the Chinese faces' rules).
    expect(Buffer.byteLength(css)).toBeLessThan(110_000);
  });

  it('links none of the table’s stylesheet: an item’s reader fields (the table’s cells) come with their own chunk', () => {
    const css = firstStylesheets().map((f) => readFileSync(join(ASSETS, f), 'utf8')).join('\n');
    const all = readdirSync(ASSETS).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(ASSETS, f), 'utf8'));
    expect(all.some((sheet) => sheet.includes('.itable-data-row'))).toBe(true);
    expect(css).not.toContain('.itable-data-row');
    expect(css).not.toContain('.itable-edit');
  });

  it('links the rules of the views and dialogs the first screen does not show in their own chunks’ stylesheets, and the app bar’s and the reading view’s in its own', () => {
    const css = firstStylesheets().map((f) => readFileSync(join(ASSETS, f), 'utf8')).join('\n');
    const all = readdirSync(ASSETS).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(ASSETS, f), 'utf8'));
    // Search everywhere's page, the library's list, the import dialog, the annotation files' dialogs.
    for (const rule of ['.search-results', '.library-row-title', '.import-preview', '.exchange-dialog']) {
      expect(all.some((sheet) => sheet.includes(rule)), rule).toBe(true);
      expect(css.includes(rule), rule).toBe(false);
    }
    // What the first screen (or the reading view it opens into) can show at once stays.
    for (const rule of ['.search-button', '.find-bar', '.plan-picker-menu', '.drop-overlay', '.library-empty']) expect(css.includes(rule), rule).toBe(true);
  });

  it('loads the annotation files’ dialogs on demand', () => {
    const dialogs = all.filter((f) => /^(ExportDialog|ImportResultDialog)-/.test(f));
    expect(dialogs).toHaveLength(2);
    for (const f of dialogs) expect(first).not.toContain(f);
  });

  it('loads four scripts before the first screen: the first calls, the entry, one chunk of the app and the bundler’s runtime', () => {
    // Each script is a request, a preload and a module record before the first screen; the
    // build puts the entry's whole static graph in one chunk (electron.config.ts), where it was
    // eleven scripts (React, i18next, the catalogue, the query cache… each split out because a
    // view loaded on demand uses it too).
    expect(first).toHaveLength(4);
    expect(first.filter((f) => f.startsWith('first-calls-'))).toHaveLength(1);
    expect(first.filter((f) => f.startsWith('index-'))).toHaveLength(1);
    expect(first.filter((f) => f.startsWith('app-'))).toHaveLength(1);
    // A view loaded on demand imports what it shares with the first screen (React, i18next, the
    // query cache) from that chunk, already loaded by then.
    const app = first.find((f) => f.startsWith('app-'))!;
    const table = all.find((f) => f.startsWith('InitiativeTable-'))!;
    expect(staticImports(readFileSync(join(ASSETS, table), 'utf8'))).toContain(app);
    // index.html preloads them all, so none waits for another to be parsed before it is asked for.
    const html = readFileSync(join(OUT, 'index.html'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect([...preloaded].sort()).toEqual(first);
  });

  it('keeps the first load’s scripts under 560 KB (the entry, React, i18n and the query cache)', () => {
    const bytes = first.reduce((sum, f) => sum + readFileSync(join(ASSETS, f)).length, 0);
    expect(bytes).toBeLessThan(560_000);
  });

  it('leaves out every view but reading (dashboard, table, library, annotations) and the dialogs opened on demand', () => {
    for (const view of ['Dashboard-', 'InitiativeTable-', 'LibraryView-', 'AnnotationsView-', 'ImportDialog-', 'PreferencesDialog-', 'HistoryDialog-', 'ReaderFields-']) {
      expect(all.some((f) => f.startsWith(view)), `${view} is a chunk of its own`).toBe(true);
      expect(first.filter((f) => f.startsWith(view))).toEqual([]);
    }
  });
});
