// Where each rendered piece of an item's text sits in its part's canonical text, and the way
// between a DOM selection and a passage of that text.
//
// Every element that shows a piece of an item's headline or body carries data-anchor-part,
// data-anchor-lang and data-anchor-start (the code-point offset of its first character in the
// canonical text; see AnnotationTarget). Its text content is that piece exactly — the Chinese
// display may turn half-width punctuation full-width, but one code point for one, so offsets
// hold — split over any number of text nodes (glossary terms are spans of their own). The
// whitespace between pieces (paragraph breaks, the space joining English sentences) is in the
// canonical text but not on screen, so a passage across pieces still has the right offsets.
import { codePointLength, codePointOffset, utf16Offset } from '../../../../../shared/domain/anchoring';
import type { AnnotatedLanguage, AnnotatedPart } from '../../../../../shared/api/annotations/methods';

export const ITEM_ATTRIBUTE = 'data-anchor-item';

/** A passage of one part of an item in one language: [start, end) in code points. */
export interface Passage {
  part: AnnotatedPart;
  language: AnnotatedLanguage;
  start: number;
  end: number;
}

/** The attributes of an element showing the piece of (part, language) text that starts at `start`. */
export function anchorAttributes(part: AnnotatedPart, language: AnnotatedLanguage, start: number) {
  return { 'data-anchor-part': part, 'data-anchor-lang': language, 'data-anchor-start': start };
}

/**
 * The code-point offset at which each piece starts in `text`, looked for in order (each after
 * the previous one); null for a piece that is not there (then it is shown but not annotatable).
 */
export function pieceStarts(text: string, pieces: readonly string[]): (number | null)[] {
  let from = 0;
  return pieces.map((piece) => {
    const at = piece === '' ? -1 : text.indexOf(piece, from);
    if (at < 0) return null;
    from = at + piece.length;
    return codePointOffset(text, at);
  });
}

/** The canonical text of a part (AnnotationTarget): zh as stored; en body sentences joined by one space. */
export function canonicalText(
  zh: { headline: string; body: string },
  en: { headline: string; body: readonly string[] } | undefined,
  part: AnnotatedPart,
  language: AnnotatedLanguage,
): string | null {
  if (language === 'zh') return part === 'headline' ? zh.headline : zh.body;
  if (!en) return null;
  return part === 'headline' ? en.headline : en.body.join(' ');
}

export interface Piece {
  element: HTMLElement;
  part: AnnotatedPart;
  language: AnnotatedLanguage;
  start: number;
}

/** Every piece of item text shown in `root`, in document order. */
export function piecesIn(root: Element): Piece[] {
  const out: Piece[] = [];
  for (const element of root.querySelectorAll<HTMLElement>('[data-anchor-part]')) {
    const { anchorPart: part, anchorLang: language, anchorStart } = element.dataset;
    const start = Number(anchorStart);
    if ((part !== 'headline' && part !== 'body') || (language !== 'zh' && language !== 'en') || !Number.isInteger(start)) continue;
    out.push({ element, part, language, start });
  }
  return out;
}

function textNodes(element: Node): Text[] {
  const walker = element.ownerDocument!.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * The passage a DOM range selects inside `root` (an item). A range over both languages (the
 * side-by-side view) or from the headline into the body keeps to the language and part where it
 * starts: from its start to the furthest point it reaches in that same text. Leading and
 * trailing white space is left out. null: nothing of the item's text is selected.
 */
export function passageOfRange(root: Element, range: Range): Passage | null {
  let found: Passage | null = null;
  for (const piece of piecesIn(root)) {
    if (found && (piece.part !== found.part || piece.language !== found.language)) continue;
    let at = piece.start;
    for (const node of textNodes(piece.element)) {
      const length = codePointLength(node.data);
      if (range.intersectsNode(node)) {
        const from = node === range.startContainer ? codePointOffset(node.data, range.startOffset) : 0;
        const to = node === range.endContainer ? codePointOffset(node.data, range.endOffset) : length;
        const chars = Array.from(node.data).slice(from, to);
        // White space at either end of the selection is not part of the passage.
        let lead = 0;
        while (lead < chars.length && /\s/u.test(chars[lead]!)) lead++;
        let trail = chars.length;
        while (trail > lead && /\s/u.test(chars[trail - 1]!)) trail--;
        if (trail > lead) {
          if (!found) found = { part: piece.part, language: piece.language, start: at + from + lead, end: at + from + trail };
          else found.end = Math.max(found.end, at + from + trail);
        }
      }
      at += length;
    }
  }
  return found;
}

/** The DOM point at code-point offset `offset` of a piece, or null past its end. */
function pointIn(element: HTMLElement, offset: number, preferEnd: boolean): { node: Text; offset: number } | null {
  let at = 0;
  for (const node of textNodes(element)) {
    const length = codePointLength(node.data);
    // At a boundary between two nodes, a start goes into the next node and an end stays in this one.
    if (offset < at + length || (preferEnd && offset === at + length)) return { node, offset: utf16Offset(node.data, offset - at) };
    at += length;
  }
  return null;
}

/** The DOM ranges showing a passage: one per piece it covers (so a side-by-side view's other language is left out). */
export function rangesOfPassage(root: Element, passage: Passage): Range[] {
  const ranges: Range[] = [];
  const doc = root.ownerDocument;
  for (const piece of piecesIn(root)) {
    if (piece.part !== passage.part || piece.language !== passage.language) continue;
    const length = codePointLength(piece.element.textContent ?? '');
    const from = Math.max(passage.start, piece.start) - piece.start;
    const to = Math.min(passage.end, piece.start + length) - piece.start;
    if (to <= from) continue;
    const start = pointIn(piece.element, from, false);
    const end = pointIn(piece.element, to, true);
    if (!start || !end) continue;
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    ranges.push(range);
  }
  return ranges;
}

/** The (part, language, offset) of a DOM point inside an item's text, or null outside it. */
export function offsetOfPoint(root: Element, node: Node, offset: number): Omit<Passage, 'end'> | null {
  for (const piece of piecesIn(root)) {
    if (!piece.element.contains(node)) continue;
    let at = piece.start;
    for (const text of textNodes(piece.element)) {
      if (text === node) return { part: piece.part, language: piece.language, start: at + codePointOffset(text.data, offset) };
      at += codePointLength(text.data);
    }
    return null;
  }
  return null;
}
