// The virtual list of display lines (rows and group headers) at a fixed line height, and the
// page requests it drives: after the visible range settles, the rows it shows (plus overscan)
// are requested from the cache, and nothing else.
//
// Every line is ROW_HEIGHT tall (set here, on each line's style; nothing is measured), so the
// range in view is arithmetic on the scroll offset and the box's height. A general virtualizer
// (TanStack's, as before) lays out every line's offset whenever the count changes: 100,000
// entries of work before the first rows at 100k initiatives, ten times that at a million.
//
// The first rows are only those in the box: the overscan (lines above and below it, drawn so
// that scrolling finds them ready) comes once those rows have been painted, and so do the cells
// of the columns past the window's right edge (TableGrid). A row is some fifty elements; in a
// 1280×800 window the overscan was 11 of the 28 rows of the first paint and 7 of the 16 columns
// lay past the edge: their render, style, layout and paint came before any row was shown.
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore, type RefObject } from 'react';
import type { DisplayRows } from './display-rows';
import type { PageCache } from './page-cache';

export const ROW_HEIGHT = 34;
const OVERSCAN = 10;
/** Scrolling fast past pages requests none of them: the range must rest this long first. */
const REQUEST_DELAY_MS = 40;
/** Before the first measurement (and where there is no layout, as in tests): a laptop-sized box. */
const INITIAL_HEIGHT = 640;

/** One line in the range: its index among the display lines and its top in the body. */
export interface GridLine {
  index: number;
  start: number;
}

export interface GridRange {
  /** The lines to render: those in view and OVERSCAN more on each side. */
  lines: readonly GridLine[];
  /** The body's height: every line's. */
  totalSize: number;
  /** Scrolls the box to its top (a new query). */
  scrollToTop(): void;
  /** The first rows are being drawn: only what the box shows (no overscan yet; the grid leaves
   *  the cells past the window's right edge empty until then, see TableGrid's cellsShown). */
  firstPaint: boolean;
}

/**
 * The first and last line to render for a box scrolled to `offset` and `height` tall, as the
 * virtualizer before reckoned them: from the line at the offset to the first line reaching the
 * box's bottom, then `overscan` lines on each side. [0, -1] when there is nothing to show.
 */
export function lineRange(count: number, offset: number, height: number, overscan = OVERSCAN): [number, number] {
  if (count === 0 || height <= 0) return [0, -1];
  const top = Math.max(0, Math.min(offset, count * ROW_HEIGHT - height));
  const start = Math.min(count - 1, Math.floor(top / ROW_HEIGHT));
  const end = Math.min(count - 1, Math.max(start, Math.ceil((top + height) / ROW_HEIGHT) - 1));
  return [Math.max(0, start - overscan), Math.min(count - 1, end + overscan)];
}

/** The scroll box's offset and height, as its scroll events and resize observer tell them (read
 *  there, where the layout is done, not during a render, which would force one). */
class Viewport {
  offset = 0;
  height = INITIAL_HEIGHT;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(offset: number, height: number): void {
    if (offset === this.offset && height === this.height) return;
    this.offset = offset;
    this.height = height;
    for (const listener of this.listeners) listener();
  }
}

export function useGridVirtualizer(scrollRef: RefObject<HTMLDivElement | null>, display: DisplayRows, cache: PageCache): GridRange {
  const [viewport] = useState(() => new Viewport());
  const count = display.count;
  const overscan = useOverscanAfterFirstRows(cache.loaded);
  // The range as a string: a scroll within the same lines renders nothing. A store's change
  // renders synchronously, so lines coming into view are drawn in the frame that scrolled them.
  const key = useSyncExternalStore(
    viewport.subscribe,
    useCallback(() => lineRange(count, viewport.offset, viewport.height, overscan).join(':'), [count, viewport, overscan]),
  );

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => viewport.set(el.scrollTop, viewport.height);
    el.addEventListener('scroll', onScroll, { passive: true });
    // The content box's height, as the browser lays it out (no layout forced here); an element
    // with no size yet (hidden) keeps the last one.
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver((entries) => {
            const height = entries[entries.length - 1]?.contentRect.height ?? 0;
            if (height > 0) viewport.set(viewport.offset, Math.round(height));
          })
        : null;
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scrollRef, viewport]);

  const [first, last] = key.split(':').map(Number) as [number, number];
  const lines = useMemo(() => {
    const out: GridLine[] = [];
    for (let i = first; i <= last; i++) out.push({ index: i, start: i * ROW_HEIGHT });
    return out;
  }, [first, last]);

  useEffect(() => {
    const spans = display.rowSpans(first, last);
    if (spans.length === 0) return;
    const request = () => {
      for (const [a, b] of spans) cache.request(a, b);
    };
    // The first page goes at once; later ones wait for the scroll to rest.
    if (!cache.loaded) {
      request();
      return;
    }
    const timer = setTimeout(request, REQUEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [display, cache, first, last]);

  const scrollToTop = useCallback(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = 0;
    viewport.set(0, viewport.height);
  }, [scrollRef, viewport]);

  return { lines, totalSize: count * ROW_HEIGHT, scrollToTop, firstPaint: overscan === 0 };
}

/**
 * No overscan until the table's first rows are in and painted, then OVERSCAN for good (later
 * queries and scrolling keep it). Asked for in a task after the frame that shows them
 * (requestAnimationFrame runs before that frame; a task queued from it runs after), as a
 * transition: React renders the extra lines in slices between frames instead of one long task.
 */
function useOverscanAfterFirstRows(loaded: boolean): number {
  const [overscan, setOverscan] = useState(0);
  const due = loaded && overscan === 0;
  useEffect(() => {
    if (!due) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grow = () => startTransition(() => setOverscan(OVERSCAN));
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (timer = setTimeout(grow, 0))) : undefined;
    if (frame === undefined) timer = setTimeout(grow, 0);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [due]);
  return overscan;
}
