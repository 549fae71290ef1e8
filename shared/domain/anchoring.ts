// Anchoring a highlight to a block's canonical text with W3C Web Annotation selectors, and
// finding it again when the text changes. The renderer describes a selection with these
// functions; the core re-anchors stored highlights with them when a new version arrives.
//
// Offsets count Unicode code points (the W3C TextPositionSelector unit), not UTF-16 units, so an
// emoji or a CJK Extension B character is one position on every side.
//
// The rule is "never on the wrong words": a highlight is put back
//   1. where its position says, if the exact quote is still there;
//   2. else at the one place the exact quote occurs, or the one place whose surrounding text
//      (prefix/suffix) agrees best; two places that agree equally are `ambiguous`, not guessed;
//   3. else at the closest approximate match of the quote (edit distance) if it is at least
//      RELOCATE_THRESHOLD alike and unique: `relocated`, the old quote kept for comparison;
//   4. else `orphaned`, listed for the reader with its quote.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Code points from the start of the block's text. */
  start: number;
  end: number;
}

export interface TextSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export type AnchorStatus = 'anchored' | 'relocated' | 'ambiguous' | 'orphaned';

export type Anchoring =
  | { status: 'anchored'; start: number; end: number }
  | { status: 'relocated'; start: number; end: number; similarity: number }
  | { status: 'ambiguous'; candidates: { start: number; end: number }[] }
  | { status: 'orphaned' };

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;
/** How alike (1 − edit distance / quote length) an edited passage must be to be relocated. */
export const RELOCATE_THRESHOLD = 0.75;

const codePoints = (text: string): string[] => Array.from(text);

/** The code-point length of a text. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Code-point offset of a UTF-16 offset (a DOM selection's offsets are UTF-16). */
export function codePointOffset(text: string, utf16Offset: number): number {
  return codePointLength(text.slice(0, utf16Offset));
}

/** UTF-16 offset of a code-point offset (to put a highlight back into the DOM). */
export function utf16Offset(text: string, codePointOffset: number): number {
  return codePoints(text).slice(0, codePointOffset).join('').length;
}

/** Selectors for the passage [start, end) (code points) of a block's text. */
export function describePassage(text: string, start: number, end: number, context = CONTEXT_LENGTH): TextSelectors {
  const chars = codePoints(text);
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= chars.length)) {
    throw new RangeError(`passage ${start}–${end} is not inside a text of ${chars.length} characters`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: chars.slice(start, end).join(''),
      prefix: chars.slice(Math.max(0, start - context), start).join(''),
      suffix: chars.slice(end, end + context).join(''),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Where the selectors point in `text` now (see the rule at the top). */
export function anchorPassage(text: string, selectors: TextSelectors): Anchoring {
  const chars = codePoints(text);
  const exact = codePoints(selectors.quote.exact);
  if (exact.length === 0) return { status: 'orphaned' };
  const { start, end } = selectors.position;
  if (end - start === exact.length && sameAt(chars, exact, start)) return { status: 'anchored', start, end };

  const places = occurrences(chars, exact);
  if (places.length === 1) return { status: 'anchored', start: places[0]!, end: places[0]! + exact.length };
  if (places.length > 1) {
    const prefix = codePoints(selectors.quote.prefix);
    const suffix = codePoints(selectors.quote.suffix);
    const scored = places
      .map((at) => ({ at, score: contextAgreement(chars, prefix, suffix, at, at + exact.length) }))
      .sort((a, b) => b.score - a.score);
    if (scored[0]!.score > scored[1]!.score) {
      return { status: 'anchored', start: scored[0]!.at, end: scored[0]!.at + exact.length };
    }
    const best = scored.filter((s) => s.score === scored[0]!.score);
    return { status: 'ambiguous', candidates: best.map((s) => ({ start: s.at, end: s.at + exact.length })).sort((a, b) => a.start - b.start) };
  }
  return relocate(chars, exact);
}

function sameAt(chars: string[], exact: string[], at: number): boolean {
  if (at < 0 || at + exact.length > chars.length) return false;
  for (let i = 0; i < exact.length; i++) if (chars[at + i] !== exact[i]) return false;
  return true;
}

function occurrences(chars: string[], exact: string[]): number[] {
  const found: number[] = [];
  for (let at = 0; at + exact.length <= chars.length; at++) if (sameAt(chars, exact, at)) found.push(at);
  return found;
}

/** Characters of the stored prefix (read backwards) and suffix that the text around a place
 *  repeats. */
function contextAgreement(chars: string[], prefix: string[], suffix: string[], start: number, end: number): number {
  let score = 0;
  for (let i = 1; i <= prefix.length && chars[start - i] === prefix[prefix.length - i]; i++) score++;
  for (let i = 0; i < suffix.length && chars[end + i] === suffix[i]; i++) score++;
  return score;
}

/**
 * The passage of `chars` closest to `exact` by edit distance (Sellers' approximate substring
 * search: the quote may start anywhere), if alike enough and unique. O(text × quote), fine for
 * a block (a paragraph or an item) and never run on a whole plan at once.
 */
function relocate(chars: string[], exact: string[]): Anchoring {
  const maxDistance = Math.floor(exact.length * (1 - RELOCATE_THRESHOLD));
  const ends = bestEnds(chars, exact, false);
  if (ends.distance > maxDistance) return { status: 'orphaned' };
  const similarity = Math.round((1 - ends.distance / exact.length) * 1000) / 1000;
  // Each best end has its start: the same distance computed backwards from that end, anchored
  // there; of equally good starts the earliest, so no edited character at the edge is lost.
  const reversed = [...exact].reverse();
  const spans = ends.at
    .map((end) => {
      const back = bestEnds(chars.slice(0, end).reverse(), reversed, true);
      return { start: end - Math.max(...back.at), end };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping spans are one passage with loose edges (keep the longest); separate ones are
  // two places the quote could have gone, which is not for us to choose.
  const passages: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = passages[passages.length - 1];
    if (last && span.start < last.end) {
      if (span.end - span.start > last.end - last.start) passages[passages.length - 1] = span;
    } else {
      passages.push(span);
    }
  }
  if (passages.length > 1) return { status: 'ambiguous', candidates: passages };
  const only = passages[0]!;
  if (only.end <= only.start) return { status: 'orphaned' };
  return { status: 'relocated', start: only.start, end: only.end, similarity };
}

/** Smallest edit distance of `pattern` to a substring of `text` — any substring, or with
 *  `anchored` one starting at the text's start — and the text positions where such substrings
 *  end. */
function bestEnds(text: string[], pattern: string[], anchored: boolean): { distance: number; at: number[] } {
  const m = pattern.length;
  let column = Array.from({ length: m + 1 }, (_, i) => i);
  let best = column[m]!;
  let at: number[] = [0];
  for (let j = 1; j <= text.length; j++) {
    const next = new Array<number>(m + 1);
    next[0] = anchored ? j : 0;
    for (let i = 1; i <= m; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      next[i] = Math.min(column[i - 1]! + cost, column[i]! + 1, next[i - 1]! + 1);
    }
    column = next;
    if (column[m]! < best) {
      best = column[m]!;
      at = [j];
    } else if (column[m] === best) {
      at.push(j);
    }
  }
  return { distance: best, at };
}
