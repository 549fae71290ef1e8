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
