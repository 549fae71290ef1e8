// The renderer's buttons have one look, written once in renderer/src/styles/dialog.css: the
// plain button (a card-coloured face with the strong border), the primary one (filled with
// the accent) and the icon button (a transparent square); so have the fields (a select, a
// one-line text input). A feature names its class in that file's lists, or uses .dialog-primary, and
// keeps in its own CSS only what differs (a smaller size). This reads every renderer style
// sheet and fails on a rule that writes either look out again.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, REPO_ROOT } from '../helpers/paths';

const RENDERER = join(REPO_ROOT, 'renderer', 'src');
const HOME = join('renderer', 'src', 'styles', 'dialog.css');

interface Rule {
  file: string;
  selector: string;
  body: string;
}

/** Every rule of a style sheet with its own declarations (a nested rule's apart from its
 *  parent's), comments removed; a nested selector is given as written (e.g. `&:hover`). */
export function rulesOf(file: string, css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  const open: Rule[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      const before = text.slice(start, i);
      // What precedes the selector in its parent's text is that parent's declarations.
      const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf('}')) + 1;
      if (open.length > 0) open[open.length - 1]!.body += before.slice(0, cut);
      open.push({ file, selector: before.slice(cut).trim().replace(/\s+/g, ' '), body: '' });
      start = i + 1;
    } else if (ch === '}') {
      const rule = open.pop();
      if (rule) {
        rule.body += text.slice(start, i);
        rules.push(rule);
      }
      start = i + 1;
    }
  }
  return rules;
}

const has = (body: string, pattern: RegExp) => pattern.test(body);

/** A button filled with the accent: accent background, text on the accent, accent border. */
export function isPrimaryLook({ body }: Rule): boolean {
  return (
    has(body, /(^|[;\s])background:\s*var\(--accent\)/) &&
    has(body, /(^|[;\s])color:\s*var\(--on-accent\)/) &&
    has(body, /border(-color)?:[^;]*var\(--accent\)/) &&
    has(body, /(^|[;\s])(padding|cursor):/)
  );
}

/** The plain button: the card's face, the strong border, the usual radius, padded (a small one,
 *  as in a stepper, too), and a button (clickable, or named one); a text field has the same face
 *  but no pointer. */
export function isPlainLook({ selector, body }: Rule): boolean {
  return (
    (has(body, /cursor:\s*pointer/) || /button|summary/.test(selector)) &&
    has(body, /(^|[;\s])background:\s*var\(--surface\)/) &&
    has(body, /border:\s*1px solid var\(--border-strong\)/) &&
    has(body, /border-radius:\s*6px/) &&
    has(body, /padding:\s*0\.\d+rem \d/)
  );
}

/** The icon button: a transparent square that centres its icon, clickable or bordered in
 *  transparent until hovered. */
export function isIconLook({ body }: Rule): boolean {
  return (
    has(body, /display:\s*inline-grid/) &&
    has(body, /place-items:\s*center/) &&
    has(body, /(^|[;\s])background:\s*(transparent|none)/) &&
    (has(body, /cursor:\s*pointer/) || has(body, /border:\s*1px solid transparent/))
  );
}

/** The field: a select or a text input with the card's face and the strong border. */
export function isFieldLook({ selector, body }: Rule): boolean {
  return (
    /(^|[\s>,(])(select|input)\b/.test(selector) &&
    has(body, /border:\s*1px solid var\(--border-strong\)/) &&
    has(body, /(^|[;\s])background:\s*var\(--surface\)/)
  );
}

const sheets = filesUnder(RENDERER, (name) => name.endsWith('.css')).map((path) => ({ file: relative(REPO_ROOT, path), css: readFileSync(path, 'utf8') }));
const rules = sheets.flatMap(({ file, css }) => rulesOf(file, css));

/** How many rules of styles/dialog.css write `look`, and which rules elsewhere write it again. */
function written(look: (rule: Rule) => boolean): { home: number; copies: string[] } {
  return {
    home: rules.filter((r) => r.file === HOME && look(r)).length,
    copies: rules.filter((r) => r.file !== HOME && look(r)).map((r) => `${r.file}: ${r.selector}`),
  };
}

describe('the renderer’s buttons', () => {
  it('recognises the two looks as a copy would write them', () => {
    const copy = rulesOf(
      'x.css',
      `/* a */ .x-primary { padding: 0.4rem 1rem; border: 1px solid var(--accent); background: var(--accent); color: var(--on-accent); }
       .x-actions button { padding: 0.45rem 1rem; border: 1px solid var(--border-strong); border-radius: 6px; background: var(--surface); }
       .x-chip { background: var(--accent); color: var(--on-accent); }
       .x-filter { padding: 0.4rem 0.65rem; border: 1px solid var(--border-strong); border-radius: 6px; background: var(--surface); }
       @media (width > 1px) { .x-b { cursor: pointer; padding: 0.4rem 1rem; border: 1px solid var(--border-strong); border-radius: 6px; &:hover { color: red; } background: var(--surface); } }
       .x-stepper button { padding: 0.25rem 0.7rem; border: 1px solid var(--border-strong); border-radius: 6px; background: var(--surface); cursor: pointer; }`,
    );
    expect(copy.map((r) => [isPrimaryLook(r), isPlainLook(r)])).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [false, false],
      [false, false],
      [false, true],
      [false, false],
      [false, true],
    ]);
  });

  it('recognises the icon look as a copy would write it', () => {
    const copy = rulesOf(
      'x.css',
      `.x-close { display: inline-grid; place-items: center; width: 24px; border: 1px solid transparent; background: none; }
       .x-step { display: inline-grid; place-items: center; border: 0; background: transparent; cursor: pointer; }
       .x-badge { display: inline-grid; place-items: center; background: var(--surface); cursor: pointer; }
       button.x-close { width: 24px; height: 24px; }`,
    );
    expect(copy.map(isIconLook)).toEqual([true, true, false, false]);
  });

  it('write the icon button once, in styles/dialog.css', () => {
    expect(written(isIconLook)).toEqual({ home: 1, copies: [] });
  });

  it('recognises the field look as a copy would write it', () => {
    const copy = rulesOf(
      'x.css',
      `.x-sort select { padding: 0.3rem; border: 1px solid var(--border-strong); border-radius: 6px; background: var(--surface); }
       .x-form input[type="text"] { border: 1px solid var(--border-strong); background: var(--surface); }
       .x-selection-menu { border: 1px solid var(--border-strong); background: var(--surface); }
       .x-sort select { padding: 0.3rem; font-size: 0.85rem; }`,
    );
    expect(copy.map(isFieldLook)).toEqual([true, true, false, false]);
  });

  it('write the field (a select, a one-line text input) once, in styles/dialog.css', () => {
    expect(written(isFieldLook)).toEqual({ home: 1, copies: [] });
  });

  it('are written once, in styles/dialog.css: no other sheet writes the primary or the plain look again', () => {
    expect(sheets.some((s) => s.file === HOME)).toBe(true);
    expect(written(isPrimaryLook)).toEqual({ home: 1, copies: [] });
    expect(written(isPlainLook)).toEqual({ home: 1, copies: [] });
  });
});
