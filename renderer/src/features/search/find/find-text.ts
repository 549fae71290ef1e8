// Find in the text on screen: what a query looks for and where it occurs, after the same
// normalization the search index uses (NFKC, so full-width and half-width letters, digits and
// punctuation read alike; Latin case-folded; any run of white space one space). Pure: the DOM
// side (item-find.ts) hands it the text and gets back code-point offsets into that text.
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

const LATIN_WORD = /^[a-z]+$/;

/** A Latin word typed in the plural read in the singular (reforms → reform), as the index does. */
function singular(word: string): string {
  if (!LATIN_WORD.test(word) || word.length < 4) return word;
  if (word.endsWith('ies')) return word.slice(0, -3);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/**
 * What a query looks for, read the way search reads it (so a result opened from search shows
 * the same words marked): "quoted phrases" whole, other words one by one (a Latin plural in
 * the singular, so "reforms" finds "reform"), -words and -"phrases" left out (they exclude,
 * and an excluded word is not in a found item's text); an unclosed quote or a lone '-' is read
 * literally. Folded, longest first, without repeats.
 */
export function findNeedles(query: string): string[] {
  const text = query.normalize('NFKC');
  const needles: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/u.test(text[i]!)) {
      i++;
      continue;
    }
    const negated = text[i] === '-' && i + 1 < text.length && !/\s/u.test(text[i + 1]!);
    const start = negated ? i + 1 : i;
    if (text[start] === '"') {
      const close = text.indexOf('"', start + 1);
      if (close > start + 1) {
        if (!negated) needles.push(foldQuery(text.slice(start + 1, close)));
        i = close + 1;
        continue;
      }
    }
    let end = start;
    while (end < text.length && !/\s/u.test(text[end]!)) end++;
    if (!negated) needles.push(singular(foldQuery(text.slice(start, end))));
    i = end;
  }
  return [...new Set(needles.filter((n) => n !== ''))].sort((a, b) => b.length - a.length);
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
