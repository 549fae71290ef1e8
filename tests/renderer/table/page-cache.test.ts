// The page cache behind the virtual rows: fetches only the windows asked for, once each, keeps
// old rows on screen while revalidating, and ignores answers that arrive too late.
import { describe, expect, it } from 'vitest';
import type { InitiativeRow, TableGroup } from '../../../shared/domain/table';
import { PAGE_SIZE, PageCache, type PageAnswer, type PageMeta } from '../../../renderer/src/features/table/page-cache';
import { displayRows, groupKey } from '../../../renderer/src/features/table/display-rows';

const TOTAL = 100_000;

/** A fetcher over TOTAL synthetic rows that records each call and lets the test answer it. */
function manualFetcher(rowName = (i: number) => `r${i}`) {
  const calls: Array<{ offset: number; limit: number; answer(): void; fail(err: Error): void }> = [];
  const fetch = (offset: number, limit: number) =>
    new Promise<PageAnswer>((resolve, reject) => {
      const rows = Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, k) => ({ id: rowName(offset + k) }) as InitiativeRow);
      calls.push({ offset, limit, answer: () => resolve({ rows, total: TOTAL, totalExact: true, groups: [], groupCounts: [], groupsAcrossPlans: false }), fail: reject });
    });
  return { calls, fetch };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PageCache', () => {
  it('requests only the pages covering the asked range, each once', async () => {
    const { calls, fetch } = manualFetcher();
    const cache = new PageCache(fetch);
    cache.request(0, 40);
    cache.request(10, 50);
    expect(calls.map((c) => [c.offset, c.limit])).toEqual([[0, PAGE_SIZE]]);
    calls[0]!.answer();
    await settle();
    expect(cache.meta?.total).toBe(TOTAL);
    expect(cache.rowAt(39)?.id).toBe('r39');
    // Jump deep into the 100k rows: one page there, none between.
    cache.request(73_990, 74_030);
    expect(calls.map((c) => c.offset)).toEqual([0, 73_800, 74_000]);
    expect(cache.rowAt(73_995)).toBeUndefined();
    calls[1]!.answer();
    calls[2]!.answer();
    await settle();
    expect(cache.rowAt(73_995)?.id).toBe('r73995');
    expect(cache.rowAt(74_030)?.id).toBe('r74030');
  });

  it('keeps showing old rows while revalidating, and a late answer never overwrites a newer one', async () => {
    let generation = 'old';
    const { calls, fetch } = manualFetcher((i) => `${generation}${i}`);
    const cache = new PageCache(fetch);
    cache.request(0, 10);
    calls[0]!.answer();
    await settle();
    generation = 'new';
    cache.revalidate();
    expect(calls).toHaveLength(2);
    expect(cache.rowAt(5)?.id).toBe('old5');
    // A second revalidate before the first answer: the first answer arrives last.
    cache.revalidate();
    calls[2]!.answer();
    await settle();
    expect(cache.rowAt(5)?.id).toBe('new5');
    generation = 'stale';
    calls[1]!.answer();
    await settle();
    expect(cache.rowAt(5)?.id).toBe('new5');
  });

  it('replaces a saved row wherever it is cached, and reports a failed fetch with a retry', async () => {
    const { calls, fetch } = manualFetcher();
    const cache = new PageCache(fetch);
    let notified = 0;
    cache.subscribe(() => notified++);
    cache.request(0, 0);
    calls[0]!.answer();
    await settle();
    cache.replaceRow({ id: 'r7', headline: 'changed' } as InitiativeRow);
    expect(cache.rowAt(7)?.headline).toBe('changed');
    cache.request(400, 401);
    calls[1]!.fail(new Error('database busy'));
    await settle();
    expect((cache.error as Error).message).toBe('database busy');
    cache.retry();
    expect(calls).toHaveLength(3);
    expect(calls[2]!.offset).toBe(400);
    expect(notified).toBeGreaterThanOrEqual(3);
  });
});

describe('PageCache facets', () => {
  it('fetches a facet only when asked (its menu opened), not with the pages', async () => {
    const asked: string[] = [];
    const cache = new PageCache(
      () => Promise.resolve({ rows: [], total: 0, totalExact: true, groups: [], groupCounts: [], groupsAcrossPlans: false }),
      (facet) => {
        asked.push(facet);
        return Promise.resolve({ entries: [{ value: 'x', label: 'x', count: asked.length }], more: 0 });
      },
    );
    cache.request(0, 10);
    await settle();
    expect(asked).toEqual([]);
    expect(await cache.facet('status')).toEqual({ entries: [{ value: 'x', label: 'x', count: 1 }], more: 0 });
    await cache.facet('tags');
    expect(asked).toEqual(['status', 'tags']);
  });
});

describe('displayRows', () => {
  const all: TableGroup[] = [
    { key: 'a', label: 'A', count: 2, index: 0, firstRow: 0 },
    { key: null, label: '', count: 3, index: 1, firstRow: 2 },
  ];
  const groups = { counts: [2, 3], named: new Map(all.map((g) => [g.index, g])) };

  it('maps lines to rows one to one without grouping', () => {
    const d = displayRows(5, null, new Set());
    expect(d.count).toBe(5);
    expect(d.at(3)).toEqual({ kind: 'row', rowIndex: 3 });
    expect(d.rowSpans(2, 10)).toEqual([[2, 4]]);
  });

  it('puts a header line before each group, and folds collapsed groups', () => {
    const d = displayRows(5, groups, new Set());
    expect(d.count).toBe(7);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => d.at(i)).map((x) => (x.kind === 'group' ? `g${x.group?.key}` : x.rowIndex))).toEqual([
      'ga', 0, 1, 'gnull', 2, 3, 4,
    ]);
    expect(d.lineOf(2)).toBe(4);
    const folded = displayRows(5, groups, new Set([groupKey('a')]));
    expect(folded.count).toBe(5);
    expect(folded.at(1)).toMatchObject({ kind: 'group', firstRow: 2 });
    expect(folded.lineOf(0)).toBe(-1);
    expect(folded.rowSpans(0, 4)).toEqual([[2, 4]]);
  });

  it('places a header no answer has named yet by the counts, and asks for its first row, whose page names it', () => {
    // Three groups of 300 rows; only the first is named (the first page's).
    const counts = [300, 300, 300];
    const d = displayRows(900, { counts, named: new Map([[0, { key: 'a', label: 'A', count: 300, index: 0, firstRow: 0 }]]) }, new Set());
    expect(d.count).toBe(903);
    expect(d.at(301)).toEqual({ kind: 'group', group: undefined, groupIndex: 1, firstRow: 300, count: 300, collapsed: false });
    // The header at the bottom of the view brings the page of its first row.
    expect(d.rowSpans(290, 301)).toEqual([[289, 300]]);
    expect(d.rowSpans(301, 301)).toEqual([[300, 300]]);
    // A folded group is one the reader folded from its named header.
    const folded = displayRows(900, { counts, named: new Map([[1, { key: 'b', label: 'B', count: 300, index: 1, firstRow: 300 }]]) }, new Set([groupKey('b')]));
    expect(folded.count).toBe(603);
    expect(folded.at(301)).toMatchObject({ kind: 'group', groupIndex: 1, collapsed: true });
    expect(folded.at(303)).toEqual({ kind: 'row', rowIndex: 600 });
  });

  it('keeps the groups named by each page while the layout stays, and forgets them when it changes', async () => {
    const group = (index: number, firstRow: number): TableGroup => ({ key: `t${index}`, label: `T${index}`, count: 300, index, firstRow });
    let counts = [300, 300, 300];
    const cache = new PageCache((offset) =>
      Promise.resolve({
        rows: [],
        total: 900,
        totalExact: true,
        groups: [group(Math.floor(offset / 300), Math.floor(offset / 300) * 300)],
        groupCounts: counts,
        groupsAcrossPlans: false,
      }),
    );
    cache.request(0, 10);
    await settle();
    cache.request(400, 410);
    await settle();
    expect([...cache.meta!.groups.keys()].sort()).toEqual([0, 1]);
    // An edit moved rows between groups: what was named under the old counts goes.
    counts = [200, 400, 300];
    cache.revalidate();
    await settle();
    expect([...cache.meta!.groups.keys()].sort()).toEqual([1]);
  });

  it('asks each page naming the group layout it holds, uses the held counts when the core leaves them out, and takes a changed layout’s', async () => {
    // As the core answers: the counts left out when the query names the layout's stamp.
    let layout = { stamp: 's1', counts: [300, 300, 300] };
    const sent: (string | undefined)[] = [];
    const group = (index: number, firstRow: number): TableGroup => ({ key: `t${index}`, label: `T${index}`, count: layout.counts[index]!, index, firstRow });
    const cache = new PageCache((offset, _limit, _exact, groupLayout) => {
      sent.push(groupLayout);
      const g = layout.counts.findIndex((_, i) => layout.counts.slice(0, i + 1).reduce((a, b) => a + b, 0) > offset);
      const firstRow = layout.counts.slice(0, g).reduce((a, b) => a + b, 0);
      return Promise.resolve({
        rows: [],
        total: 900,
        totalExact: true,
        groups: [group(g, firstRow)],
        groupCounts: groupLayout === layout.stamp ? null : [...layout.counts],
        groupLayout: layout.stamp,
        groupsAcrossPlans: false,
      });
    });
    cache.request(0, 10);
    await settle();
    const held = cache.meta!.groupCounts;
    expect(held).toEqual([300, 300, 300]);
    cache.request(400, 410);
    await settle();
    cache.request(650, 660);
    await settle();
    // The first page asked without a stamp, the next ones naming the layout's: answered without
    // the counts, the held ones stay, with every group named so far.
    expect(sent).toEqual([undefined, 's1', 's1']);
    expect(cache.meta!.groupCounts).toBe(held);
    expect(cache.meta!.groupLayout).toBe('s1');
    expect([...cache.meta!.groups.keys()].sort()).toEqual([0, 1, 2]);
    const lines = (meta: PageMeta) => displayRows(meta.total, { counts: meta.groupCounts, named: meta.groups }, new Set());
    expect(lines(cache.meta!).count).toBe(903);
    expect(lines(cache.meta!).at(301)).toMatchObject({ kind: 'group', groupIndex: 1, firstRow: 300, count: 300 });
    // An edit moved rows between groups: the page asked naming the old stamp gets the new
    // layout's counts, which replace the held ones (and the groups named under the old go).
    layout = { stamp: 's2', counts: [200, 400, 300] };
    cache.revalidate();
    await settle();
    expect(sent.at(-1)).toBe('s1');
    expect(cache.meta!.groupCounts).toEqual([200, 400, 300]);
    expect(cache.meta!.groupLayout).toBe('s2');
    expect([...cache.meta!.groups.keys()]).toEqual([2]);
    expect(lines(cache.meta!).at(201)).toMatchObject({ kind: 'group', groupIndex: 1, firstRow: 200, count: 400 });
    cache.request(0, 10);
    await settle();
    expect(sent.at(-1)).toBe('s2');
    expect(cache.meta!.groupCounts).toEqual([200, 400, 300]);
  });

  it('fails a page whose answer leaves out the counts of a layout it did not name', async () => {
    const cache = new PageCache(() =>
      Promise.resolve({ rows: [], total: 900, totalExact: true, groups: [], groupCounts: null, groupLayout: 'never-held', groupsAcrossPlans: false }),
    );
    cache.request(0, 10);
    await settle();
    expect(cache.meta).toBeNull();
    expect(String(cache.error)).toMatch(/not held/);
  });

  it('counts exactly when asked: the first page again with exactTotal, later pages too; an estimate never replaces the exact total', async () => {
    const asked: Array<{ offset: number; exact: boolean | undefined }> = [];
    const TRUE_TOTAL = 1_234;
    const cache = new PageCache((offset, limit, exactTotal) => {
      asked.push({ offset, exact: exactTotal });
      const rows = Array.from({ length: Math.max(0, Math.min(limit, TRUE_TOTAL - offset)) }, (_, k) => ({ id: `r${offset + k}` }) as InitiativeRow);
      // The core's answer: an estimate unless asked for the exact count or the rows end here.
      const exact = exactTotal === true || rows.length < limit;
      return Promise.resolve({ rows, total: exact ? TRUE_TOTAL : 1_300, totalExact: exact, groups: [], groupCounts: [], groupsAcrossPlans: false });
    });
    cache.request(0, 10);
    await settle();
    expect(cache.meta).toEqual({ total: 1_300, totalExact: false, groups: new Map(), groupCounts: [], groupsAcrossPlans: false });
    await cache.countExactly();
    expect(cache.meta).toEqual({ total: TRUE_TOTAL, totalExact: true, groups: new Map(), groupCounts: [], groupsAcrossPlans: false });
    cache.request(400, 410);
    await settle();
    expect(asked).toEqual([
      { offset: 0, exact: undefined },
      { offset: 0, exact: true },
      { offset: 400, exact: true },
    ]);

    // Without asking: the last page's exact total stays when an earlier page's estimate comes after it.
    const late: Array<() => void> = [];
    const other = new PageCache((offset, limit) => {
      const rows = Array.from({ length: Math.max(0, Math.min(limit, TRUE_TOTAL - offset)) }, (_, k) => ({ id: `r${offset + k}` }) as InitiativeRow);
      const exact = rows.length < limit;
      return new Promise((resolve) => late.push(() => resolve({ rows, total: exact ? TRUE_TOTAL : 1_300, totalExact: exact, groups: [], groupCounts: [], groupsAcrossPlans: false })));
    });
    other.request(1_200, 1_210);
    other.request(0, 10);
    late[0]!();
    await settle();
    late[1]!();
    await settle();
    expect(other.meta).toEqual({ total: TRUE_TOTAL, totalExact: true, groups: new Map(), groupCounts: [], groupsAcrossPlans: false });
  });
});
