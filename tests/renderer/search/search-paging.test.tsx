// Search everywhere's result list, paged and virtual: the view asks for the next page only as
// the reader scrolls near the end of what is loaded, keeps only the rows near the viewport in
// the DOM, says "约 N 条" for an estimated total and the exact count once the end is reached
// (a short or empty page ends the list), and Ctrl+End / ↑ / ↓ move through the loaded hits
// with the chosen one in the DOM as the box's active descendant.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../../shared/api/search/methods';
import { base, fakeClient, show, type Call } from './harness';

// jsdom lays nothing out and has no element scrollTo: scrolling sets scrollTop and says so, and
// the list's scroll height is the height the virtual list gives its rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const list = this.querySelector<HTMLElement>(':scope > .search-list');
      return list ? Number.parseFloat(list.style.height) || 0 : 0;
    },
  });
  Element.prototype.scrollTo = function (this: Element, arg?: ScrollToOptions | number) {
    if (typeof arg === 'object' && arg.top !== undefined) this.scrollTop = arg.top;
    this.dispatchEvent(new Event('scroll'));
  } as typeof Element.prototype.scrollTo;
});
afterEach(cleanup);

function hitAt(i: number): SearchHit {
  return {
    planId: 'p1',
    planTitle: '杭州规划',
    version: 1,
    themeId: null,
    themeHeadline: null,
    itemId: `p1/i${i}`,
    numeral: null,
    headline: `第${i + 1}条`,
    matches: [{ field: 'body', source: 'plan', snippet: [{ text: '人才', mark: true }] }],
    score: 1,
  };
}

/** A corpus of `count` hits, the total reported as `total` (exact or not). */
function corpus(count: number, total: number, totalExact: boolean) {
  return (method: string, args: Record<string, unknown>): unknown => {
    if (method !== 'search.query') return base(method);
    const offset = args.offset as number;
    const limit = args.limit as number;
    const hits = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, k) => hitAt(offset + k));
    return { hits, total, totalExact, parsed: { terms: ['人才'], phrases: [], excluded: [] } } satisfies SearchResult;
  };
}

const offsets = (calls: Call[]) => calls.filter((c) => c.method === 'search.query').map((c) => c.args.offset);
const scroller = () => document.querySelector<HTMLElement>('.search-scroll')!;
const options = () => within(screen.getByRole('listbox', { name: '搜索结果' })).getAllByRole('option');

async function scrollToEnd() {
  const el = scroller();
  el.scrollTop = Number.parseFloat(el.querySelector<HTMLElement>('.search-list')!.style.height);
  fireEvent.scroll(el);
}

describe('search results as a virtual, paged list', () => {
  it('asks for the next page only near the end, keeps the DOM small, and ends at a short page', async () => {
    const { client, calls } = fakeClient(corpus(120, 120, true));
    const { box } = show(client);
    fireEvent.change(box, { target: { value: '人才' } });
    await screen.findByText('共 120 条结果');
    expect(offsets(calls)).toEqual([0]);
    // 50 hits loaded; only those near the top are rendered.
    expect(options().length).toBeLessThan(25);
    expect(options()[0]!.textContent).toContain('第1条');
    await scrollToEnd();
    await waitFor(() => expect(offsets(calls)).toEqual([0, 50]));
    await waitFor(() => expect(options().some((o) => o.textContent?.includes('第100条'))).toBe(false));
    await scrollToEnd();
    await waitFor(() => expect(offsets(calls)).toEqual([0, 50, 100]));
    await scrollToEnd();
    await waitFor(() => expect(options().some((o) => o.textContent?.includes('第120条'))).toBe(true));
    // The last hit is in and the total was exact: nothing more is asked for, no "loading more" row.
    // Rows far above are gone from the DOM (the first hit stays: it is the chosen one, the box's active descendant).
    expect(options().some((o) => o.textContent?.includes('第2条'))).toBe(false);
    expect(options()[0]!.textContent).toContain('第1条');
    expect(options().length).toBeLessThan(25);
    await scrollToEnd();
    expect(offsets(calls)).toEqual([0, 50, 100]);
    expect(document.querySelector('.search-loading-more')).toBeNull();
    expect(options().at(-1)!.getAttribute('aria-posinset')).toBe('120');
    expect(options().at(-1)!.getAttribute('aria-setsize')).toBe('120');
  });

  it('shows an estimated total as "约 N 条" and pages past it until a page comes back empty', async () => {
    // The estimate (90) is short of the hits (100, two full pages): the third page is empty.
    const { client, calls } = fakeClient(corpus(100, 90, false));
    const { box } = show(client);
    fireEvent.change(box, { target: { value: '人才' } });
    await screen.findByText('约 90 条结果');
    // While the count is an estimate a screen reader is told the size is unknown.
    expect(options()[0]!.getAttribute('aria-setsize')).toBe('-1');
    await scrollToEnd();
    await waitFor(() => expect(offsets(calls)).toEqual([0, 50]));
    await scrollToEnd();
    await waitFor(() => expect(offsets(calls)).toEqual([0, 50, 100]));
    // The end is reached: the count is now known exactly.
    await screen.findByText('共 100 条结果');
    await scrollToEnd();
    await waitFor(() => expect(options().some((o) => o.textContent?.includes('第100条'))).toBe(true));
    expect(offsets(calls)).toEqual([0, 50, 100]);
  });

  it('says "about N results" in English', async () => {
    const { client } = fakeClient(corpus(60, 5000, false));
    const { box } = show(client, undefined, 'en');
    fireEvent.change(box, { target: { value: 'talent' } });
    await screen.findByText('about 5,000 results');
  });

  it('Ctrl+End goes to the last hit loaded (which asks for more), ↑ and Ctrl+Home move back, the chosen one always in the DOM', async () => {
    const { client, calls } = fakeClient(corpus(70, 70, true));
    const { box } = show(client);
    fireEvent.change(box, { target: { value: '人才' } });
    await screen.findByText('共 70 条结果');
    const active = () => document.getElementById(box.getAttribute('aria-activedescendant') ?? '');
    expect(active()?.textContent).toContain('第1条');
    fireEvent.keyDown(box, { key: 'End', ctrlKey: true });
    await waitFor(() => expect(active()?.textContent).toContain('第50条'));
    expect(active()!.getAttribute('aria-selected')).toBe('true');
    // Scrolled to it, not just kept: the rows near the top are gone from the DOM.
    await waitFor(() => expect(scroller().scrollTop).toBeGreaterThan(1000));
    expect(options().some((o) => o.textContent?.includes('第1条'))).toBe(false);
    // At the end of the first page: the second is asked for; Ctrl+End again reaches the last hit.
    await waitFor(() => expect(offsets(calls)).toEqual([0, 50]));
    await waitFor(() => expect(options().some((o) => o.textContent?.includes('第51条'))).toBe(true));
    fireEvent.keyDown(box, { key: 'End', ctrlKey: true });
    await waitFor(() => expect(active()?.textContent).toContain('第70条'));
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    await waitFor(() => expect(active()?.textContent).toContain('第69条'));
    // Plain End stays with the box's caret.
    fireEvent.keyDown(box, { key: 'End' });
    expect(active()?.textContent).toContain('第69条');
    fireEvent.keyDown(box, { key: 'Home', ctrlKey: true });
    await waitFor(() => expect(active()?.textContent).toContain('第1条'));
  });
});
