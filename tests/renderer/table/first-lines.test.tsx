// The table's first rows are only the lines in its box (use-grid-virtualizer.ts): the overscan
// above and below comes once those rows have been drawn, so the first paint does not wait for
// rows nobody sees yet; from then on the overscan stays.
import { renderHook, waitFor } from '@testing-library/react';
import { useRef, useSyncExternalStore } from 'react';
import { describe, expect, it } from 'vitest';
import type { InitiativeRow } from '../../../shared/domain/table';
import { displayRows } from '../../../renderer/src/features/table/display-rows';
import { PageCache } from '../../../renderer/src/features/table/page-cache';
import { lineRange, ROW_HEIGHT, useGridVirtualizer } from '../../../renderer/src/features/table/use-grid-virtualizer';

const TOTAL = 1000;
// The box's height before it is measured (jsdom lays nothing out): 640 px.
const IN_VIEW = Math.ceil(640 / ROW_HEIGHT);

function rowsOf(offset: number, limit: number): InitiativeRow[] {
  return Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => ({ id: `i${offset + i}` }) as InitiativeRow);
}

describe('the table\'s first lines', () => {
  it('are those in the box until the first rows are drawn; the overscan comes after them', async () => {
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const cache = new PageCache(async (offset, limit) => {
      await answered;
      return { rows: rowsOf(offset, limit), total: TOTAL, totalExact: true, groups: [] };
    });
    const display = displayRows(TOTAL, null, new Set());
    const renders: { loaded: boolean; lines: number }[] = [];
    const { result } = renderHook(() => {
      useSyncExternalStore(cache.subscribe, cache.getVersion);
      const range = useGridVirtualizer(useRef<HTMLDivElement>(null), display, cache);
      renders.push({ loaded: cache.loaded, lines: range.lines.length });
      return range;
    });
    // Placeholders while the page is on its way: the box's lines only.
    expect(result.current.lines.map((l) => l.index)).toEqual(Array.from({ length: IN_VIEW }, (_, i) => i));
    answer();
    await waitFor(() => expect(cache.loaded).toBe(true));
    // The render that draws the first rows still has the box's lines only …
    expect(renders.find((r) => r.loaded)).toEqual({ loaded: true, lines: IN_VIEW });
    // … and the overscan below comes after (at the top there is none above).
    const [first, last] = lineRange(TOTAL, 0, 640);
    expect([first, last]).toEqual([0, IN_VIEW - 1 + 10]);
    await waitFor(() => expect(result.current.lines).toHaveLength(last - first + 1));
    expect(result.current.lines.at(-1)).toEqual({ index: last, start: last * ROW_HEIGHT });
  });
});
