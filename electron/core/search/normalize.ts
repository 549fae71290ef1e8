// What "contains" means for search and the table's text filters, for any script: the query and
// the text are compared after Unicode compatibility folding (NFKC: full-width digits, letters
// and punctuation read as their half-width forms, ５Ｇ as 5G, ，as ,), lower-cased, with every
// run of whitespace (ideographic space included) read as one space and the ends trimmed, and
// with the full-width punctuation NFKC leaves alone read as its half-width form, because Chinese
// sources type either (建章立制,该出台 / 建章立制，该出台). The index and the final check both use
// this form.
import { foldPunctuationWidth } from '../../../shared/text/cjk-punctuation';

export function normalizeForSearch(text: string): string {
  return foldPunctuationWidth(text.normalize('NFKC').toLowerCase()).replace(/\s+/gu, ' ').trim();
}

/**
 * The normalized text together with, for each of its UTF-16 units, the offset in `text` of the
 * code point it came from (and one more entry: text.length), so a match found in the normalized
 * text can be marked in the text as stored. Folds code point by code point; the result equals
 * normalizeForSearch(text) except where NFKC would compose across code points (a base letter
 * with a separate combining mark), which only moves a mark's edge, never a hit.
 */
export function normalizeWithOffsets(text: string): { text: string; from: number[] } {
  let out = '';
  const from: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  for (const ch of text) {
    // Common CJK ideographs and ASCII letters and digits fold to themselves or their lower
    // case: no Unicode normalization needed for most of a Chinese text.
    const code = ch.charCodeAt(0);
    const plain = (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
    const n = plain ? ch : code >= 0x41 && code <= 0x5a ? ch.toLowerCase() : foldPunctuationWidth(ch.normalize('NFKC').toLowerCase());
    // (A search result's snippets fold every character of their texts: the plain ones skip the
    // whitespace test too.)
    if (!plain && /^\s+$/u.test(n)) {
      if (out !== '' && pendingSpace < 0) pendingSpace = i;
    } else if (n !== '') {
      if (pendingSpace >= 0) {
        out += ' ';
        from.push(pendingSpace);
        pendingSpace = -1;
      }
      for (let k = 0; k < n.length; k++) from.push(i);
      out += n;
    }
    i += ch.length;
  }
  from.push(text.length);
  return { text: out, from };
}

/** What the index checks candidates against: the stored text normalized, its values (joined by
 *  U+0000 in source-text.ts) kept apart by a newline, which no normalized query contains. */
export function normalizeStored(text: string): string {
  return text.split('\u0000').map(normalizeForSearch).join('\n');
}

/** Whether a needle is made of common CJK ideographs only (U+4E00–9FFF). Such a needle is in a
 *  text's normalized form exactly when it is in the text as stored, unless the text holds a
 *  character that folds into one of the needle's (ideographSources): NFKC keeps these
 *  ideographs as they are and composes nothing with them, lower case and the punctuation fold
 *  leave them alone, and no character folds to nothing (whitespace folds to a space), so
 *  otherwise neither side can gain or lose an occurrence. */
export function ideographsOnly(needle: string): boolean {
  return /^[\u4e00-\u9fff]+$/u.test(needle);
}

/** The blocks whose characters NFKC turns into (something holding) a common ideograph: the
 *  radicals (⼝ → 口), CJK symbols (〸 → 十), kanbun, enclosed and squared CJK (㈠, ㍻), the
 *  compatibility ideographs, squared ideographs (🈳 → 空). A test checks that no character
 *  outside them does. */
const IDEOGRAPH_SOURCE_BLOCKS: readonly (readonly [number, number])[] = [
  [0x2e80, 0x2fff],
  [0x3000, 0x33ff],
  [0xf900, 0xfaff],
  [0x1f200, 0x1f2ff],
  [0x2f800, 0x2fa1f],
];

let ideographSourceMap: Map<string, string[]> | null = null;

/** The characters, other than the ideograph `ch` itself, whose normalized form holds it. */
export function ideographSources(ch: string): readonly string[] {
  if (!ideographSourceMap) {
    const map = new Map<string, string[]>();
    for (const [from, to] of IDEOGRAPH_SOURCE_BLOCKS) {
      for (let cp = from; cp <= to; cp++) {
        const source = String.fromCodePoint(cp);
        for (const c of new Set(normalizeForSearch(source))) {
          if (c !== source && ideographsOnly(c)) map.set(c, [...(map.get(c) ?? []), source]);
        }
      }
    }
    ideographSourceMap = map;
  }
  return ideographSourceMap.get(ch) ?? [];
}

/** Whether a needle is made of ASCII letters and digits only (lower case, as normalized). */
export function latinOnly(needle: string): boolean {
  return /^[a-z0-9]+$/.test(needle);
}

/** The characters a text may hold for a needle of ASCII letters and digits (latinOnly) to be in
 *  its normalized form exactly where it is in the text as stored lower-cased (storedHas): ASCII,
 *  the common CJK ideographs, and the punctuation Chinese
 *  text writes (CJK symbols and punctuation but the ideographic tone marks, the general
 *  punctuation, the full-width forms but letters and digits, the middle dot). None of them folds
 *  into (or from) an ASCII letter or digit, folds to nothing, or composes with a neighbour under
 *  NFKC, so the folded text has the same runs of letters and digits as the text lower-cased:
 *  a test checks every one. A text holding any other character (ｂ, ﬁ, ², an accent) is
 *  checked by the normalization itself. */
export const LATIN_INERT: readonly (readonly [number, number])[] = [
  [0x01, 0x7f],
  [0xb7, 0xb7],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x3000, 0x3029],
  [0x3030, 0x303f],
  [0x4e00, 0x9fff],
  [0xff01, 0xff0f],
  [0xff1a, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xff65],
];

/** Whether a code point is one of LATIN_INERT's. */
export function latinInert(cp: number): boolean {
  return LATIN_INERT.some(([from, to]) => cp >= from && cp <= to);
}

/** A text holding only LATIN_INERT characters (and U+0000, search_norm's value separator). */
const LATIN_INERT_TEXT = new RegExp(`^[\\u0000${LATIN_INERT.map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join('')}]*$`, 'u');

/** Whether normalizeStored(text) contains `needle` (normalized, not empty). For a needle of
 *  ASCII letters and digits in a text of LATIN_INERT characters only, the text lower-cased
 *  answers as its normalized form does, at a fraction of the cost (NFKC, the folds and the
 *  whitespace pass): most of a search for an English word goes to checking notes that mix it
 *  with Chinese. */
export function storedHas(text: string, needle: string): boolean {
  if (latinOnly(needle) && LATIN_INERT_TEXT.test(text)) return text.toLowerCase().includes(needle);
  return normalizeStored(text).includes(needle);
}

/** Which of `needles` normalizeStored(text) contains ('1' or '0' for each, in order), the text
 *  normalized once when a needle needs it (storedHas). */
export function storedMask(text: string, needles: readonly unknown[]): string {
  let lower: string | null = null;
  let norm: string | null = null;
  let inert: boolean | null = null;
  let mask = '';
  for (const n of needles) {
    if (typeof n !== 'string') {
      mask += '0';
      continue;
    }
    if (latinOnly(n) && (inert ??= LATIN_INERT_TEXT.test(text))) {
      lower ??= text.toLowerCase();
      mask += lower.includes(n) ? '1' : '0';
    } else {
      norm ??= normalizeStored(text);
      mask += norm.includes(n) ? '1' : '0';
    }
  }
  return mask;
}
