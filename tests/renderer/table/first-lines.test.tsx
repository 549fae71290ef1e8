// The table's first rows are only the lines in its box (use-grid-virtualizer.ts): the overscan
// above and below comes once those rows have been drawn, so the first paint does not wait for
// rows nobody sees yet; from then on the overscan stays. Likewise the cells past the window's
// right edge (TableGrid's cellsShown), which are not in the first rows at all.
import { renderHook, waitFor } from '@testing-library/react';
import { useRef, useSyncExternalStore } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { InitiativeRow } from '../../../shared/domain/table';
import { displayRows } from '../../../renderer/src/features/table/display-rows';
import { PageCache } from '../../../renderer/src/features/table/page-cache';
import { lineRange, ROW_HEIGHT, useGridVirtualizer } from '../../../renderer/src/features/table/use-grid-virtualizer';
import { dataRows, grid, renderTable, resetTable, rowsShown } from './render-table';

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
      return { rows: rowsOf(offset, limit), total: TOTAL, totalExact: true, groups: [], groupCounts: [], groupsAcrossPlans: false };
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

describe('the table\'s first rows', () => {
  afterEach(resetTable);

  it('leave the cells past the window\'s right edge out until they are painted, then draw them', async () => {
    // The first data row as it is first put in the document (before any later render).
    let first: { filled: string[]; empty: string[] } | null = null;
    const observer = new MutationObserver(() => {
      const row = document.querySelector('.itable-data-row');
      if (!row || first) return;
      const cells = [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')];
      first = {
        filled: cells.filter((c) => c.childNodes.length > 0).map((c) => c.dataset.col!),
        empty: cells.filter((c) => c.childNodes.length === 0).map((c) => c.dataset.col!),
      };
    });
    observer.observe(document.body, { childList: true, subtree: true });
    renderTable();
    const rows = await rowsShown(15);
    observer.disconnect();
    // jsdom's window is 1024 px wide: the id, headline, theme, status and priority columns
    // (the plan's own column is not shown for one plan) start within it, the others past it.
    const columns = [...grid().querySelectorAll<HTMLElement>('[role="columnheader"]')].map((h) => h.dataset.col!);
    expect(first).not.toBeNull();
    expect(first!.filled[0]).toBe('select');
    // The first row holds the columns from the left up to the window's edge, each drawn, and no
    // empty gridcell for the others.
    expect(first!.empty).toEqual([]);
    expect(first!.filled.length).toBeLessThan(columns.length);
    expect(first!.filled).toEqual(columns.slice(0, first!.filled.length));
    // Every cell drawn once the first rows have been painted: only the two columns that show
    // nothing for a row without a value (touched, industries) may stay empty.
    const mayBeEmpty = ['touchedAt', 'industries'];
    const cellsOf = (row: Element) => [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')];
    const emptyNow = (row: Element) => cellsOf(row).filter((c) => c.childNodes.length === 0).map((c) => c.dataset.col!);
    await waitFor(() => expect(cellsOf(rows[0]!).map((c) => c.dataset.col)).toEqual(columns));
    for (const row of dataRows()) {
      expect(cellsOf(row).map((c) => c.dataset.col)).toEqual(columns);
      expect(emptyNow(row).filter((c) => !mayBeEmpty.includes(c))).toEqual([]);
    }
    expect(rows[0]!.querySelector('[data-col="tags"] .itable-tag-slot')).not.toBeNull();
  });
});
