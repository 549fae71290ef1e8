// The import rules of DESIGN.md as data, and a checker that resolves every import of a
// source file to the layer it lands in. Used by imports.test.ts against the real tree.
import { dirname, relative, resolve, sep } from 'node:path';

export type Layer = 'shared' | 'core' | 'server' | 'main' | 'preload' | 'renderer' | 'scripts';

export function layerOf(repoRelativePath: string): Layer | null {
  const p = repoRelativePath.split(sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('renderer/')) return 'renderer';
  const m = /^electron\/(core|server|main|preload|scripts)\//.exec(p);
  return m ? (m[1] as Layer) : null;
}

interface Rule {
  layers: Layer[];
  /** Packages allowed (exact names, or prefixes ending in ':' or '/'). */
  packages: (name: string) => boolean;
  /** Extra restriction on which files of an allowed layer may be imported. */
  file?: (target: string) => boolean;
}

const nodeBuiltin = (n: string) => n.startsWith('node:');
// The import readers' format libraries (pdfjs-dist also finds a packet PDF's pages), and the
// comparison's character diff.
const CORE_PACKAGES = ['better-sqlite3', 'pdfjs-dist', 'mammoth', 'htmlparser2', 'iconv-lite', 'chardet', 'diff'];
export const RULES: Record<Layer, Rule> = {
  // markdown-it: the one Markdown rendering of the reader's notes, for the renderer and the
  // packets the core composes (plain JavaScript, no DOM or Node needed; the preload never imports it).
  shared: { layers: ['shared'], packages: (n) => n === 'zod' || n === 'markdown-it' },
  core: { layers: ['shared', 'core'], packages: (n) => nodeBuiltin(n) || CORE_PACKAGES.includes(n) },
  // Browser mode renders packet PDFs with the machine's Chromium, driven by playwright-core.
  server: { layers: ['shared', 'core', 'server'], packages: (n) => nodeBuiltin(n) || n === 'playwright-core' },
  main: { layers: ['shared', 'core', 'main'], packages: (n) => nodeBuiltin(n) || n === 'electron' },
  // The sandboxed preload may take only the contract's and the command list's names and types from shared/.
  preload: {
    layers: ['shared', 'preload'],
    packages: (n) => n === 'electron',
    file: (t) =>
      !t.startsWith('shared/') || ['shared/api/contract.ts', 'shared/api/result.ts', 'shared/api/commands.ts'].includes(t),
  },
  renderer: {
    layers: ['shared', 'renderer'],
    packages: (n) => !nodeBuiltin(n) && !['electron', 'better-sqlite3'].includes(n),
  },
  // Dev launchers; ts-worker.mjs loads tsx inside a worker thread to run TypeScript sources.
  scripts: { layers: ['scripts'], packages: (n) => nodeBuiltin(n) || n === 'tsx' },
};

const IMPORT_RE =
  /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importsOf(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...withoutComments.matchAll(IMPORT_RE)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
}

const packageName = (spec: string) =>
  spec.startsWith('node:') ? spec : spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;

/** Returns one message per import that breaks the rules. Paths are relative to the repo root. */
export function checkFile(repoRoot: string, file: string, source: string): string[] {
  const from = layerOf(file);
  if (!from) return [];
  const rule = RULES[from];
  const problems: string[] = [];
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = relative(repoRoot, resolve(repoRoot, dirname(file), spec)).split(sep).join('/');
      const withExt = /\.[cm]?[jt]sx?$/.test(target) ? target : `${target}.ts`;
      const to = layerOf(target);
      if (!to || !rule.layers.includes(to) || (rule.file && !rule.file(withExt))) {
        problems.push(`${file}: ${from} may not import ${spec} (${to ?? 'outside the layers'})`);
      }
    } else if (!rule.packages(packageName(spec))) {
      problems.push(`${file}: ${from} may not import the package ${spec}`);
    }
  }
  return problems;
}
