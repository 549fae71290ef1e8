// Find in the item on screen: the matches of a query in the item's text as shown (its headline
// and body in whichever languages are on screen, both columns side by side), as DOM ranges in
// reading order. The text is read from the pieces the annotations mark with their offsets, so
// a match maps to a passage and back to ranges with the same helpers that paint highlights.
import { codePointLength } from '../../../../../shared/domain/anchoring';
import { piecesIn, rangesOfPassage, type Passage } from '../../annotations/reading/offsets';
import { findSpans } from './find-text';

export interface FindMatch {
  passage: Passage;
  ranges: Range[];
}

/**
 * The shown text of each (part, language) in `root`: every piece at its offset, the white space
 * between pieces (not on screen) as spaces, so a phrase across two sentences is still found.
 */
function shownTexts(root: Element): Map<string, { part: Passage['part']; language: Passage['language']; text: string }> {
  const texts = new Map<string, { part: Passage['part']; language: Passage['language']; chars: string[] }>();
  for (const piece of piecesIn(root)) {
    const key = `${piece.part}:${piece.language}`;
    let entry = texts.get(key);
    if (!entry) texts.set(key, (entry = { part: piece.part, language: piece.language, chars: [] }));
    const chars = Array.from(piece.element.textContent ?? '');
    while (entry.chars.length < piece.start) entry.chars.push(' ');
    chars.forEach((ch, i) => (entry.chars[piece.start + i] = ch));
  }
  return new Map([...texts].map(([key, e]) => [key, { part: e.part, language: e.language, text: e.chars.join('') }]));
}

/** Every match of the needles (find-text.ts) in the item's shown text, in reading order. */
export function findInItem(root: Element, needles: readonly string[]): FindMatch[] {
  if (needles.length === 0) return [];
  const out: FindMatch[] = [];
  for (const { part, language, text } of shownTexts(root).values()) {
    if (codePointLength(text) === 0) continue;
    for (const span of findSpans(text, needles)) {
      const passage: Passage = { part, language, start: span.start, end: span.end };
      const ranges = rangesOfPassage(root, passage);
      if (ranges.length > 0) out.push({ passage, ranges });
    }
  }
  // Reading order: side by side, the Chinese and English sentences of a row alternate.
  return out.sort((a, b) => a.ranges[0]!.compareBoundaryPoints(Range.START_TO_START, b.ranges[0]!));
}
