// The sandboxed preload must bundle to one CommonJS file that requires nothing but
// 'electron'. Checked at the source: every preload file imports only 'electron', the
// contract, the command list, or another preload file (the lead's build-output test checks
// the bundle).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths';

const PRELOAD_DIR = join(REPO_ROOT, 'electron', 'preload');
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const source = readFileSync(join(PRELOAD_DIR, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
}

const preloadFiles = readdirSync(PRELOAD_DIR).filter((f) => f.endsWith('.ts'));
const localModules = new Set(preloadFiles.map((f) => `./${f.replace(/\.ts$/, '')}`));

describe('preload imports', () => {
  it('has the entry and the bridge module', () => {
    expect(preloadFiles).toEqual(expect.arrayContaining(['index.ts', 'bridge.ts', 'shell.ts']));
  });

  it.each(preloadFiles)('%s imports only electron, the contract, the command list and preload files', (file) => {
    const imports = importsOf(file);
    expect(imports.length).toBeGreaterThan(0);
    const allowed = ['electron', '../../shared/api/contract', '../../shared/api/commands'];
    for (const spec of imports) {
      expect(allowed.includes(spec) || localModules.has(spec), `${file}: ${spec}`).toBe(true);
    }
  });

  it('the entry exposes the bridge and the shell through contextBridge and nothing else', () => {
    const source = readFileSync(join(PRELOAD_DIR, 'index.ts'), 'utf8');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(2);
    expect(source).not.toMatch(/exposeInIsolatedWorld|require\(/);
    // process.platform is the one thing read from process (a string for the renderer).
    expect(source.match(/process\.\w+/g)).toEqual(['process.platform']);
  });

  it('the command list the preload bundles is plain data: it imports nothing', () => {
    const source = readFileSync(join(REPO_ROOT, 'shared', 'api', 'commands.ts'), 'utf8');
    // Import statements, re-exports and dynamic imports; the command named 'import' is data.
    expect(source).not.toMatch(/^\s*import[\s{*]|^\s*export\s[^;]*\sfrom\s|\bimport\s*\(|require\(/m);
    expect('import { x } from "y";').toMatch(/^\s*import[\s{*]/m);
  });
});
