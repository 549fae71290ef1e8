// Find in the text on screen: what a query looks for and where it occurs, after the same
// normalization the search index uses (NFKC, so full-width and half-width letters, digits and
// punctuation read alike; Latin case-folded; any run of white space one space). Pure: the DOM
// side (item-find.ts) hands it the text and gets back code-point offsets into that text.
import { readQuery } from '../../../../../shared/search/query';
import { foldPunctuationWidth } from '../../../../../shared/text/cjk-punctuation';

/** The text normalized, with where each of its UTF-16 units came from (a code point index). */
export interface Folded {
  text: string;
  /** origin[i]: the code point of the original text that unit i of `text` came from. */
  origin: number[];
}

/** One code point as search reads it (NFKC, lower case; white space is a space). */
function foldChar(ch: string): string {
  if (/\s/u.test(ch)) return ' ';
  return foldPunctuationWidth(ch.normalize('NFKC').toLowerCase());
}

/**
 * Folds a text one code point at a time, so every unit of the result traces back to the code
 * point it came from (㈠ becomes "(一)", three units from one code point). White space runs
 * become one space.
 */
export function foldText(text: string): Folded {
  let out = '';
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    if (!(folded === ' ' && out.endsWith(' '))) {
      out += folded;
      for (let k = 0; k < folded.length; k++) origin.push(index);
    }
    index++;
  }
  return { text: out, origin };
}

/** A query folded the same way, trimmed. */
export function foldQuery(query: string): string {
  return foldText(query).text.trim();
}

/**
 * What a query looks for, read the way search reads it (shared/search/query.ts, so a result
 * opened from search shows the same words marked): "quoted phrases" whole, other words one by
 * one (a Latin plural in the singular); -words and -"phrases" are left out (they exclude, and
 * an excluded word is not in a found item's text). Folded as the text on screen is, longest
 * first, without repeats.
 */
export function findNeedles(query: string): string[] {
  const { terms, phrases } = readQuery(query, foldQuery);
  return [...new Set([...terms, ...phrases])].sort((a, b) => b.length - a.length);
}

/** [start, end) in code points of the original text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where any of the needles occurs in the text, in text order, without overlaps (where two
 * overlap, the one that starts first, else the longer, wins); matches that touch, or are
 * apart by one space only, are one.
 */
export function findSpans(text: string, needles: readonly string[]): Span[] {
  if (needles.length === 0) return [];
  const folded = foldText(text);
  const found: { at: number; to: number }[] = [];
  for (const needle of needles) {
    for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + needle.length)) {
      found.push({ at, to: at + needle.length });
    }
  }
  found.sort((a, b) => a.at - b.at || b.to - a.to);
  const kept: { at: number; to: number }[] = [];
  for (const f of found) {
    const last = kept.at(-1);
    if (last && f.at < last.to) continue;
    // Words typed together and found side by side ("business environment") are one match.
    if (last && (f.at === last.to || (f.at === last.to + 1 && folded.text[last.to] === ' '))) last.to = f.to;
    else kept.push({ ...f });
  }
  return kept.map((f) => ({ start: folded.origin[f.at]!, end: folded.origin[f.to - 1]! + 1 }));
}
