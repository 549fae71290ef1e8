// Painting the item's highlights with the CSS Custom Highlight API: one Highlight per colour
// (and one for the passage in focus) registered on CSS.highlights, styled by ::highlight() in
// reading.css. The text DOM React renders is never touched, so painting cannot disturb a
// selection, React's reconciliation or the glossary marks. Where the API is missing (jsdom, an
// old engine) nothing is painted and nothing fails.
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../../../shared/api/annotations/methods';
import { rangesOfPassage, type Passage } from './offsets';

/** A highlight as the text shows it: its colour and where it sits now. */
export interface PaintedHighlight {
  id: string;
  color: HighlightColor;
  passage: Passage;
}

export const highlightName = (color: HighlightColor) => `bb-highlight-${color}`;
export const FOCUS_HIGHLIGHT = 'bb-highlight-focus';

interface Registry {
  set(name: string, highlight: unknown): unknown;
  delete(name: string): boolean;
}

function registry(): { highlights: Registry; make: (ranges: Range[], priority?: number) => unknown } | null {
  const css = (globalThis as { CSS?: { highlights?: Registry } }).CSS;
  const Ctor = (globalThis as { Highlight?: new (...ranges: Range[]) => { priority: number } }).Highlight;
  if (!css?.highlights || !Ctor) return null;
  return {
    highlights: css.highlights,
    make: (ranges, priority = 0) => {
      const h = new Ctor(...ranges);
      h.priority = priority;
      return h;
    },
  };
}

/** The DOM ranges of each highlight shown in `root` (the languages not shown have none). */
export function highlightRanges(root: Element, highlights: readonly PaintedHighlight[]): Map<string, Range[]> {
  const out = new Map<string, Range[]>();
  for (const h of highlights) out.set(h.id, rangesOfPassage(root, h.passage));
  return out;
}

/** Paints the highlights by colour; returns what unpaints them. */
export function paintHighlights(root: Element, highlights: readonly PaintedHighlight[]): () => void {
  const api = registry();
  if (!api) return () => undefined;
  const ranges = highlightRanges(root, highlights);
  for (const color of HIGHLIGHT_COLORS) {
    const mine = highlights.filter((h) => h.color === color).flatMap((h) => ranges.get(h.id) ?? []);
    if (mine.length > 0) api.highlights.set(highlightName(color), api.make(mine));
    else api.highlights.delete(highlightName(color));
  }
  return () => {
    for (const color of HIGHLIGHT_COLORS) api.highlights.delete(highlightName(color));
  };
}

/** Marks the passage in focus (the flash); returns what unmarks it. */
export function paintFocus(ranges: Range[]): () => void {
  return paintRanges(FOCUS_HIGHLIGHT, ranges);
}

/**
 * Paints ranges under a highlight name of their own (find in the item uses this); a higher
 * priority paints above the reader's colours. Returns what unpaints them.
 */
export function paintRanges(name: string, ranges: Range[], priority = 0): () => void {
  const api = registry();
  if (!api || ranges.length === 0) return () => undefined;
  api.highlights.set(name, api.make(ranges, priority));
  return () => api.highlights.delete(name);
}

/**
 * The highlight at a point of the text: of those covering it, the shortest (a highlight inside
 * another is reached by clicking it; the outer one by clicking the rest of it).
 */
export function highlightAt(highlights: readonly PaintedHighlight[], at: Omit<Passage, 'end'>): PaintedHighlight | null {
  let best: PaintedHighlight | null = null;
  for (const h of highlights) {
    const p = h.passage;
    if (p.part !== at.part || p.language !== at.language || at.start < p.start || at.start >= p.end) continue;
    if (!best || p.end - p.start < best.passage.end - best.passage.start) best = h;
  }
  return best;
}

/** The DOM point under the pointer (the standard call, or Chromium's older one). */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}
