// The virtual list of display lines (rows and group headers) at a fixed line height, and the
// page requests it drives: after the visible range settles, the rows it shows (plus overscan)
// are requested from the cache, and nothing else.
import { useEffect, type RefObject } from 'react';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { DisplayRows } from './display-rows';
import type { PageCache } from './page-cache';

export const ROW_HEIGHT = 34;
const OVERSCAN = 10;
/** Scrolling fast past pages requests none of them: the range must rest this long first. */
const REQUEST_DELAY_MS = 40;
/** Before the first measurement (and where there is no layout, as in tests): a laptop-sized box. */
const INITIAL_RECT = { width: 1200, height: 640 };

/** The browser's measurement, except that an element with no size yet keeps the last one. */
const observeRect: typeof observeElementRect = (instance, cb) =>
  observeElementRect(instance, (rect) => {
    if (rect.width > 0 || rect.height > 0) cb(rect);
  });

export function useGridVirtualizer(
  scrollRef: RefObject<HTMLDivElement | null>,
  display: DisplayRows,
  cache: PageCache,
): Virtualizer<HTMLDivElement, Element> {
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose
  const virtualizer = useVirtualizer({
    count: display.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: INITIAL_RECT,
    observeElementRect: observeRect,
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

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

  return virtualizer;
}
