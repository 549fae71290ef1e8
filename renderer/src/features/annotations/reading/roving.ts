// Arrow-key movement inside the toolbar and the menu (one tab stop each, arrows within).

/** The index a key moves focus to among `count` items from `at` (wrapping), or null for another key. */
export function movedFocus(key: string, at: number, count: number, axis: 'both' | 'vertical'): number | null {
  const forward = key === 'ArrowDown' || (axis === 'both' && key === 'ArrowRight');
  const back = key === 'ArrowUp' || (axis === 'both' && key === 'ArrowLeft');
  if (forward) return (at + 1) % count;
  if (back) return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
