// Every print the renderer starts goes through printWhenReady (renderer/src/shell/print.ts),
// which waits for the bundled faces paper is set in: a direct print() in the first second after
// start puts the system's CJK faces on paper, which a PDF holds as unnamed Type 3 drawings
// (e2e print-fonts.test.ts shows the difference). This reads every renderer source file and
// fails on a print() called anywhere else.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, REPO_ROOT } from '../helpers/paths';

const RENDERER = join(REPO_ROOT, 'renderer', 'src');
const HOME = join('renderer', 'src', 'shell', 'print.ts');

/** The lines of `source` that call a print() method (comments removed). */
export function printCalls(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return code.split('\n').filter((line) => /\.print\s*\(/.test(line) || /(^|[^.\w])print\s*\(\s*\)/.test(line));
}

describe('print paths', () => {
  it('finds a direct print call, on a window or a frame', () => {
    expect(printCalls('onClick={() => window.print()}')).toHaveLength(1);
    expect(printCalls('frame.current?.contentWindow?.print();')).toHaveLength(1);
    expect(printCalls('// window.print() in a comment\nvoid printWhenReady();')).toEqual([]);
  });

  it('has the renderer print only through printWhenReady', () => {
    const offenders = filesUnder(RENDERER, (name) => /\.tsx?$/.test(name))
      .filter((file) => relative(REPO_ROOT, file) !== HOME)
      .flatMap((file) => printCalls(readFileSync(file, 'utf8')).map((line) => `${relative(REPO_ROOT, file)}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });
});
