import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, importsOf, layerOf } from './layers';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

describe('layering (DESIGN.md import rules)', () => {
  const files = ['shared', 'electron', 'renderer'].flatMap(sourceFiles);

  it('finds the source files of every layer', () => {
    const layers = new Set(files.map(layerOf));
    for (const l of ['shared', 'core', 'server', 'main', 'preload', 'renderer'] as const) expect(layers).toContain(l);
  });

  it('every import stays within its layer rules', () => {
    const problems = files.flatMap((f) => checkFile(root, f, readFileSync(join(root, f), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the checker flags each kind of crossing', () => {
    const cases: [string, string][] = [
      ['electron/core/x.ts', "import { app } from 'electron';"],
      ['electron/core/x.ts', "import { a } from '../main/window';"],
      ['shared/x.ts', "import { readFileSync } from 'node:fs';"],
      ['shared/x.ts', "import type { Db } from '../electron/core/db/open';"],
      ['renderer/src/x.ts', "import { createCore } from '../../electron/core/core';"],
      ['renderer/src/x.ts', "const fs = require('node:fs');"],
      ['electron/preload/x.ts', "import { argSchemas } from '../../shared/api/schemas';"],
      ['electron/preload/x.ts', "import { z } from 'zod';"],
      ['electron/server/x.ts', "export { x } from '../main/ipc';"],
      ['electron/server/x.ts', "const m = await import('electron');"],
    ];
    for (const [file, text] of cases) expect(checkFile(root, file, text), `${file}: ${text}`).toHaveLength(1);
    expect(checkFile(root, 'electron/main/x.ts', "import { app } from 'electron';\nimport { createCore } from '../core/core';")).toEqual([]);
  });

  it('reads static, side-effect, dynamic and require imports but not comments', () => {
    expect(importsOf("import a from 'a';\nimport 'b.css';\nexport * from './c';\nconst d = await import('d');\nrequire('e');\n// import x from 'nope'\nspawn(node, ['--import', 'tsx'])"))
      .toEqual(['a', 'b.css', './c', 'd', 'e']);
  });
});
