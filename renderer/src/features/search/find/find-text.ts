// Find in the text on screen: what a query looks for and where it occurs, after the same
// normalization the search index uses (NFKC, so full-width and half-width letters, digits and
// punctuation read alike; Latin case-folded; any run of white space one space). Pure: the DOM
// side (item-find.ts) hands it the text and gets back code-point offsets into that text.

/** The text normalized, with where each of its UTF-16 units came from (a code point index). */
export interface Folded {
  text: string;
  /** origin[i]: the code point of the original text that unit i of `text` came from. */
  origin: number[];
}

/** One code point as search reads it (NFKC, lower case; white space is a space). */
function foldChar(ch: string): string {
  if (/\s/u.test(ch)) return ' ';
  return ch.normalize('NFKC').toLowerCase();
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
 * What a query looks for, read the way search reads it: "quoted phrases" as written, other
 * words one by one, -words left out (they exclude, and an excluded word is not in a found
 * item's text); an unclosed quote or a lone '-' is read literally. Folded, longest first,
 * without repeats.
 */
export function findNeedles(query: string): string[] {
  const needles: string[] = [];
  const re = /"([^"]*)"|(\S+)/gu;
  for (const m of query.matchAll(re)) {
    if (m[1] !== undefined) needles.push(m[1]);
    else {
      const word = m[2]!;
      if (word.length > 1 && word.startsWith('-')) continue;
      // An unclosed quote: the quote mark is only punctuation then.
      needles.push(word.replace(/^"/u, ''));
    }
  }
  const folded = needles.map(foldQuery).filter((n) => n !== '');
  return [...new Set(folded)].sort((a, b) => b.length - a.length);
}

/** [start, end) in code points of the original text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where any of the needles occurs in the text, in text order, without overlaps (where two
 * overlap, the one that starts first, else the longer, wins).
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
  const spans: Span[] = [];
  let reached = 0;
  for (const f of found) {
    if (f.at < reached) continue;
    reached = f.to;
    spans.push({ start: folded.origin[f.at]!, end: folded.origin[f.to - 1]! + 1 });
  }
  return spans;
}
