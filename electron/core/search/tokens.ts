// Text → FTS5 tokens. SQLite's tokenizers cannot index Chinese usefully (unicode61 makes a whole
// run of Hanzi one token; trigram finds nothing for the 2-character words Chinese is made of),
// so our code writes the tokens itself, as plain text the 'ascii' tokenizer keeps whole: every
// character but ASCII punctuation and space (those separate tokens there) is "indexable"; each
// indexable character gives itself (数) and, followed by another, their bigram (数字, 5g, g基).
// A one-character query is its own token and a two-character one the bigram, both exact.
// Anything longer is the AND of its tokens, which finds candidates that the caller checks
// against the text (match.ts). The index keeps no positions (detail=none) and each token once
// per text. (The one-character tokens replaced a prefix query c*: FTS5 merges the doclists of
// every token a prefix matches before it returns the first row, 150–250 ms for a character in a
// million texts, where reading one token's doclist backwards for a page takes under 1 ms.)

/** Not ASCII other than letters and digits (what the 'ascii' tokenizer splits on). */
function indexable(ch: string): boolean {
  return indexableUnit(ch.charCodeAt(0));
}

/** indexable() of a character by its first UTF-16 unit. */
function indexableUnit(code: number): boolean {
  return code >= 0x80 || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * The token column of a text's normalized values (space-separated, each token once, in order
 * of first appearance; no bigram spans two values).
 *
 * Written for speed: a plan import tokenizes every headline and body, and this was a sixth of
 * its CPU time when each text was split into an array of characters and every bigram became a
 * string before a Set of strings saw it. Characters are read as UTF-16 units (a surrogate pair
 * is one character, a lone surrogate one too, as Array.from splits them). A token of BMP
 * characters is looked up by number in a small open-addressing table (its unit, or the two
 * units as one 32-bit number: no unit an indexable character starts with is 0, so the two never
 * meet), and a repeated token costs no string; tokens with an astral character use a Set.
 */
export function tokenColumn(values: readonly string[]): string {
  let units = 0;
  for (const v of values) units += v.length;
  const seen = freshTable(2 * units);
  // The column's UTF-16 units, each token followed by a space: at most three per unit of text
  // (the unit alone, and as the first of a bigram).
  const out = unitBuffer(6 * units);
  let length = 0;
  let seenAstral: Set<string> | null = null;
  const addAstral = (token: string) => {
    seenAstral ??= new Set();
    if (seenAstral.has(token)) return;
    seenAstral.add(token);
    for (let k = 0; k < token.length; k++) out[length++] = token.charCodeAt(k);
    out[length++] = SPACE;
  };
  for (const text of values) {
    // The previous character if it was indexable: its unit (BMP), or ASTRAL with its text.
    let prev = NONE;
    let prevAstral = '';
    for (let i = 0; i < text.length; ) {
      const code = text.charCodeAt(i);
      let width = 1;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) width = 2;
      }
      if (!indexableUnit(code)) {
        prev = NONE;
      } else if (width === 1) {
        if (prev >= 0) {
          if (seen.firstTime(((prev << 16) | code) >>> 0)) {
            out[length++] = prev;
            out[length++] = code;
            out[length++] = SPACE;
          }
        } else if (prev === ASTRAL) {
          addAstral(prevAstral + String.fromCharCode(code));
        }
        if (seen.firstTime(code)) {
          out[length++] = code;
          out[length++] = SPACE;
        }
        prev = code;
      } else {
        const ch = text.slice(i, i + 2);
        if (prev >= 0) addAstral(String.fromCharCode(prev) + ch);
        else if (prev === ASTRAL) addAstral(prevAstral + ch);
        addAstral(ch);
        prev = ASTRAL;
        prevAstral = ch;
      }
      i += width;
    }
  }
  return unitsToString(out, Math.max(0, length - 1));
}

const SPACE = 0x20;
let buffer = new Uint16Array(4096);

function unitBuffer(size: number): Uint16Array {
  if (buffer.length < size) buffer = new Uint16Array(Math.max(size, 2 * buffer.length));
  return buffer;
}

/** The string of the first `length` units (lone surrogates kept as they are, which a
 *  TextDecoder would replace). */
function unitsToString(units: Uint16Array, length: number): string {
  const CHUNK = 4096;
  let text = '';
  for (let at = 0; at < length; at += CHUNK) {
    text += String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + CHUNK)) as unknown as number[]);
  }
  return text;
}

const NONE = -1;
const ASTRAL = -2;

/** A set of nonzero 32-bit numbers for one tokenColumn call: slots whose stamp is not the
 *  current generation are empty, so starting a new set clears nothing. */
interface NumberSet {
  /** Adds `key`; true when it was not in the set. */
  firstTime(key: number): boolean;
}

let slots = new Uint32Array(1024);
let stamps = new Uint32Array(1024);
let generation = 0;

const table: NumberSet = {
  firstTime(key: number): boolean {
    const mask = slots.length - 1;
    let at = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (stamps[at] === generation) {
      if (slots[at] === key) return false;
      at = (at + 1) & mask;
    }
    stamps[at] = generation;
    slots[at] = key;
    return true;
  },
};

/** The set, emptied, with room for `count` keys at most half full. */
function freshTable(count: number): NumberSet {
  let size = slots.length;
  while (size < 2 * count) size *= 2;
  if (size !== slots.length) {
    slots = new Uint32Array(size);
    stamps = new Uint32Array(size);
    generation = 0;
  }
  generation++;
  if (generation === 0x1_0000_0000) {
    stamps.fill(0);
    generation = 1;
  }
  return table;
}

/** The FTS5 MATCH expression for a normalized needle, and whether the index answers it exactly
 *  (one or two indexable characters and nothing else). Null when the needle has no indexable
 *  character (only ASCII punctuation): the index cannot narrow it and every text is a candidate. */
export function matchExpression(needle: string): { match: string; exact: boolean } | null {
  const chars = Array.from(needle);
  const parts = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!indexable(c)) continue;
    const next = chars[i + 1];
    const prev = chars[i - 1];
    if (next !== undefined && indexable(next)) parts.add(`"${c}${next}"`);
    else if (prev === undefined || !indexable(prev)) parts.add(`"${c}"`); // a run of one character
  }
  if (parts.size === 0) return null;
  const exact = chars.every(indexable) && chars.length <= 2;
  return { match: [...parts].join(' '), exact };
}
