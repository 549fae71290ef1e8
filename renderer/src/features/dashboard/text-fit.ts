// Fitting headlines into an SVG axis label without measuring the DOM (SVG text does not wrap,
// and measuring would differ between jsdom, screen and print): an estimate of each
// character's width that errs wide, wrapping Chinese anywhere and Latin text at spaces.

// CJK, full-width forms, and the quotes and ellipsis that CJK fonts (first in our stack) draw full width.
const WIDE = /[\u2018\u2019\u201c\u201d\u2026\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Estimated advance of one character in ems. */
function charEms(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (ch === ' ') return 0.3;
  if (/[A-Z]/.test(ch)) return 0.68;
  return 0.56;
}

export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += charEms(ch);
  return ems;
}

export interface Wrapped {
  lines: string[];
  /** The text did not fit: the last line is cut short, leaving room for an ellipsis. */
  truncated: boolean;
}

/** Room kept on a cut line for the ellipsis the caller appends (a CJK font draws it 1em wide). */
const ELLIPSIS_EMS = 1;

/**
 * Splits `text` into at most `maxLines` lines no wider than `maxEms`. When it does not fit,
 * the last line is cut short with room for an ellipsis (which the caller adds from the
 * catalogue: its form depends on the language).
 */
export function wrapText(text: string, maxEms: number, maxLines: number): Wrapped {
  // When the text fits in a few lines, make them about equally long (no lone last character);
  // if word breaks defeat that, fill each line instead.
  const total = textEms(text.trim());
  const needed = Math.ceil(total / maxEms);
  if (needed > 1 && needed <= maxLines) {
    const balanced = fill(text, Math.min(maxEms, total / needed + 1), needed);
    if (!balanced.truncated) return balanced;
  }
  return fill(text, maxEms, maxLines);
}

function fill(text: string, maxEms: number, maxLines: number): Wrapped {
  const lines: string[] = [];
  let truncated = false;
  let rest = text.trim();
  while (rest && lines.length < maxLines) {
    if (textEms(rest) <= maxEms) {
      lines.push(rest);
      break;
    }
    const isLast = lines.length === maxLines - 1;
    const cut = breakIndex(rest, isLast ? maxEms - ELLIPSIS_EMS : maxEms);
    lines.push(rest.slice(0, cut).trimEnd());
    if (isLast) truncated = true;
    rest = rest.slice(cut).trimStart();
  }
  return { lines, truncated };
}

/** Where to break: the last space that fits when the fitting part is Latin, else as much as fits. */
function breakIndex(text: string, budget: number): number {
  const chars = Array.from(text);
  let ems = 0;
  let fit = 0; // code units that fit
  let lastSpace = -1;
  for (const ch of chars) {
    ems += charEms(ch);
    if (ems > budget) break;
    if (ch === ' ') lastSpace = fit;
    fit += ch.length;
  }
  const next = text.slice(fit, fit + 1);
  const midWord = next !== '' && next !== ' ' && !WIDE.test(next) && !WIDE.test(text.slice(fit - 1, fit));
  if (midWord && lastSpace > 0) return lastSpace;
  return Math.max(fit, 1);
}
