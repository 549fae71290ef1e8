// The width a chart has to draw in. recharts needs numbers; in the browser a ResizeObserver
// measures the chart's box (so charts follow the window), while tests and any host without
// layout pass a fixed width instead.
import { useCallback, useState } from 'react';

/** Width when nothing can measure and no width was given (jsdom without a fixed width). */
const UNMEASURED_WIDTH = 640;

export function useElementWidth(fixed: number | undefined): [(el: HTMLElement | null) => void, number] {
  const [measured, setMeasured] = useState<number | null>(null);
  const ref = useCallback(
    (el: HTMLElement | null) => {
      if (!el || fixed !== undefined || typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver((entries) => {
        const width = entries[0]?.contentRect.width ?? 0;
        // Whole pixels only: sub-pixel jitter would redraw the chart for nothing.
        if (width > 0) setMeasured(Math.floor(width));
      });
      observer.observe(el);
      return () => observer.disconnect();
    },
    [fixed],
  );
  const width = fixed ?? measured ?? (typeof ResizeObserver === 'undefined' ? UNMEASURED_WIDTH : 0);
  return [ref, width];
}
