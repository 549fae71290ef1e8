// The table's lines in view (use-grid-virtualizer.ts lineRange) are the ones TanStack's
// virtualizer, which it replaced, reckoned for the same box: the same rows are drawn (and the
// table-ui bench compares the same work with the plain list), only without laying out every
// line first.
import { Virtualizer } from '@tanstack/react-virtual';
import { describe, expect, it } from 'vitest';
import { lineRange, ROW_HEIGHT } from '../../../renderer/src/features/table/use-grid-virtualizer';

function tanstackRange(count: number, offset: number, height: number): [number, number] {
  const v = new Virtualizer<HTMLDivElement, Element>({
    count,
    getScrollElement: () => null,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1200, height },
    initialOffset: offset,
    scrollToFn: () => undefined,
    observeElementRect: () => undefined,
    observeElementOffset: () => undefined,
  });
  const items = v.getVirtualItems();
  return items.length === 0 ? [0, -1] : [items[0]!.index, items[items.length - 1]!.index];
}

describe('the table\'s lines in view', () => {
  it('are those the virtualizer reckoned, at every count, offset and height', () => {
    const counts = [0, 1, 2, 9, 17, 18, 19, 40, 1000, 100_000];
    const heights = [1, 33, 34, 35, 600, 611, 640, 900];
    let checked = 0;
    for (const count of counts) {
      for (const height of heights) {
        const end = count * ROW_HEIGHT;
        for (const offset of [0, 1, 33, 34, 35, 500, 3399, 3400, end - height - 1, end - height, end - height + 7, end]) {
          if (offset < 0) continue;
          expect(lineRange(count, offset, height), `count ${count}, offset ${offset}, height ${height}`).toEqual(tanstackRange(count, offset, height));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
