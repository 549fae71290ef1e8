// The app bar keeps one line at any width and in either language: English words are longer
// than Chinese ones and fonts differ, so no fixed breakpoint fits both. On every change of the
// window's width, of the language or of the fonts this tries the fits in order, roomiest first, and
// keeps the first whose items share one line. Each fit is a word in the row's data-fit, and the
// CSS gives it its meaning (app.css). The measuring happens before paint, so no step shows.
import { useLayoutEffect, type RefObject } from 'react';

/** Cumulative: each fit keeps the steps of the ones before it. */
export const APP_BAR_FITS = [
  '',
  'compact',
  'compact narrow',
  'compact narrow short',
  'compact narrow short tiny',
  'compact narrow short tiny tight',
  'compact narrow short tiny tight lean',
  'compact narrow short tiny tight lean least',
] as const;

/** True when every item of the row (and of its controls group) overlaps one band of height. */
export function onOneLine(row: HTMLElement): boolean {
  const items: Element[] = [];
  for (const child of Array.from(row.children)) {
    if (child.classList.contains('top-bar-controls')) items.push(...Array.from(child.children));
    else items.push(child);
  }
  let maxTop = -Infinity;
  let minBottom = Infinity;
  for (const item of items) {
    const box = item.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue; // stepped aside (display: none)
    maxTop = Math.max(maxTop, box.top);
    minBottom = Math.min(minBottom, box.bottom);
  }
  return maxTop < minBottom;
}

export function fitAppBar(row: HTMLElement): void {
  for (const fit of APP_BAR_FITS) {
    row.dataset.fit = fit;
    if (onOneLine(row)) return;
  }
}

/** language: the labels' language; view: the view shown, whose controls the bar holds. A change
 *  of either fits the bar again.
 *
 *  The fit measures the page, so it lays out whatever is dirty. Run inside React's commit (a
 *  layout effect) or in a font's loadingdone task, it laid out the page on its own, and the next
 *  frame laid it out again: on a page opened on the table the bar mounts in the commit of the
 *  table's frame, whose first rows come right after, and a face that finished loading after the
 *  rows (the Latin face, fetched when its first text is laid out) restyled the whole page in a
 *  task between the rows' frame and the next. So those fits wait for the next frame's animation
 *  callbacks: they run before its style, layout and paint (no step of the bar is ever shown),
 *  and the layout they ask for is the one that frame does anyway. A resize already comes in
 *  the frame (its resize steps), so it fits at once. */
export function useAppBarFit(ref: RefObject<HTMLElement | null>, language: string, view = ''): void {
  useLayoutEffect(() => {
    const row = ref.current;
    if (!row) return;
    const refit = () => fitAppBar(row);
    let frame = 0;
    const refitInFrame = () => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          refit();
        });
      }
    };
    refitInFrame();
    // The window's width and the labels' fonts are what change the room the bar needs. (A
    // ResizeObserver on the row itself would see its own refit and report a loop.)
    window.addEventListener('resize', refit);
    document.fonts?.addEventListener('loadingdone', refitInFrame);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', refit);
      document.fonts?.removeEventListener('loadingdone', refitInFrame);
    };
  }, [ref, language, view]);
}
