// Every select of the app is drawn as the search's menu buttons are — no native arrow (Chromium's,
// which keeps its light colour in the dark theme), their chevron — through components/Select.tsx.
// This reads every renderer component and fails on a native <select> written outside it. The
// table's status and priority cells are apart: their select is a coloured pill (or a bare value)
// in a row, with no arrow by design.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, REPO_ROOT } from '../helpers/paths';

const RENDERER = join(REPO_ROOT, 'renderer', 'src');
const APART = new Set([
  join('renderer', 'src', 'components', 'Select.tsx'),
  join('renderer', 'src', 'features', 'table', 'cells', 'StatusCell.tsx'),
  join('renderer', 'src', 'features', 'table', 'cells', 'PriorityCell.tsx'),
]);

describe('selects', () => {
  it('are the shared Select (the menu buttons’ chevron, no native arrow) outside the table’s pill cells', () => {
    const files = filesUnder(RENDERER, (name) => name.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(20);
    const native: string[] = [];
    for (const file of files) {
      const name = relative(REPO_ROOT, file);
      if (APART.has(name)) continue;
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
      const count = code.match(/<select[\s>]/g)?.length ?? 0;
      if (count > 0) native.push(`${name.split(sep).join('/')}: ${count}`);
    }
    expect(native).toEqual([]);
  });
});
