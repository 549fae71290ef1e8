// Search everywhere, the view: results as the reader types (asked at once, one request in flight
// and only the newest text asked after it; an answer to an older text never shown for the new
// one, even from a slow client answering out of order), grouped by plan with their marks; ↑/↓ and
// Enter open a result (and remember the search); the core's message for a search of only
// exclusions; recent searches with an empty box; a saved search renamed on a stale revision
// goes to the conflict dialog, and overwriting names the revision now stored.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SavedSearch, SearchHit, SearchResult } from '../../../shared/api/search/methods';
import { StaleWriteError } from '../../../renderer/src/api/api-call-error';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';
import { base, fakeClient, show, type Call } from './harness';

beforeAll(installDialogPolyfill);
afterEach(cleanup);

function hit(planId: string, itemId: string, headline: string, snippet: [string, string, string]): SearchHit {
  return {
    planId,
    planTitle: planId === 'p1' ? '杭州规划' : '宁波规划',
    version: 1,
    themeId: null,
    themeHeadline: '主题',
    itemId,
    numeral: '第一',
    headline,
    matches: [{ field: 'body', source: 'plan', snippet: [{ text: snippet[0], mark: false }, { text: snippet[1], mark: true }, { text: snippet[2], mark: false }] }],
    score: 1,
  };
}

const RESULT: SearchResult = {
  hits: [hit('p1', 'p1/a', '甲条', ['优化', '营商环境', '。']), hit('p2', 'p2/b', '乙条', ['一流', '营商环境', '建设']), hit('p1', 'p1/c', '丙条', ['', '营商环境', '好'])],
  total: 3,
  totalExact: true,
  parsed: { terms: ['营商环境'], phrases: [], excluded: [] },
};

const queries = (calls: Call[]) => calls.filter((c) => c.method === 'search.query').map((c) => c.args.text);

describe('search everywhere', () => {
  it('asks at once, then only the newest text typed while it was out, and groups the results by plan, with their marks', async () => {
    const { client, calls } = fakeClient((method) => (method === 'search.query' ? RESULT : base(method)));
    const { box } = show(client);
    fireEvent.change(box, { target: { value: '营' } });
    fireEvent.change(box, { target: { value: '营商' } });
    fireEvent.change(box, { target: { value: '营商环境' } });
    await screen.findByText('共 3 条结果');
    await waitFor(() => expect(screen.getByRole('listbox', { name: '搜索结果' }).className).toBe('search-list'));
    // 营 went out at the first keystroke; 营商, typed while it was out and replaced before it
    // came back, was never asked.
    expect(queries(calls)).toEqual(['营', '营商环境']);
    const list = screen.getByRole('listbox', { name: '搜索结果' });
    expect([...list.querySelectorAll('.search-group-title')].map((h) => h.textContent)).toEqual(['杭州规划', '宁波规划']);
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.querySelector('.search-hit-title')!.textContent)).toEqual(['第一甲条', '第一丙条', '第一乙条']);
    // The first hit under each heading names its plan for a screen reader (the heading is hidden from it).
    expect(options.map((o) => o.querySelector('.search-sr')?.textContent ?? null)).toEqual(['杭州规划中的结果', null, '宁波规划中的结果']);
    expect(options.map((o) => [o.getAttribute('aria-posinset'), o.getAttribute('aria-setsize')])).toEqual([['1', '3'], ['2', '3'], ['3', '3']]);
    expect([...document.querySelectorAll('.search-hit mark')].map((m) => m.textContent)).toEqual(['营商环境', '营商环境', '营商环境']);
  });

  it('shows the headlines with the full-width punctuation the reader chose, the snippets as stored', async () => {
    const half = { ...hit('p1', 'p1/a', '培育新质生产力,掌握发展主动权', ['以科技创新为引擎,', '营商环境', '']), themeHeadline: '在顺应大势中,把握' };
    const { client } = fakeClient((method) => (method === 'search.query' ? { ...RESULT, hits: [half], total: 1 } : base(method)));
    const { box } = show(client, undefined, 'zh', true);
    fireEvent.change(box, { target: { value: '营商环境' } });
    await screen.findByText('共 1 条结果');
    const option = within(screen.getByRole('listbox', { name: '搜索结果' })).getByRole('option');
    expect(option.querySelector('.search-hit-title')!.textContent).toBe('第一培育新质生产力，掌握发展主动权');
    expect(option.querySelector('.search-hit-theme')!.textContent).toBe('在顺应大势中，把握');
    expect(option.querySelector('.search-snippet-text')!.textContent).toBe('以科技创新为引擎,营商环境');
  });

  it('with a slow client answering newest first, never sends a replaced text nor shows one text\'s answer for another', async () => {
    // A slow client: every search waits until the test answers, and the test answers whatever is
    // out newest first (out of order, were there ever two).
    const pending: { text: string; answer(r: SearchResult): void }[] = [];
    let most = 0;
    const { client, calls } = fakeClient((method, args) => {
      if (method !== 'search.query') return base(method);
      return new Promise<SearchResult>((answer) => {
        pending.push({ text: args.text as string, answer });
        most = Math.max(most, pending.length);
      });
    });
    const { box } = show(client);
    const resultFor = (text: string): SearchResult => ({ ...RESULT, hits: [hit('p1', `p1/${text}`, text, ['', text, ''])], total: 1 });
    const results = () => document.querySelector<HTMLElement>('.search-results')!;
    const marks = () => [...document.querySelectorAll('.search-hit mark')].map((m) => m.textContent);
    // What is on screen is either marked pending or is the answer to the text in the box.
    const honest = () => {
      if (results().dataset.state !== 'ready') return;
      expect(results().dataset.query).toBe((box as HTMLInputElement).value);
      expect(marks()).toEqual([(box as HTMLInputElement).value]);
    };
    const answerAll = async () => {
      while (pending.length > 0) {
        const next = pending.pop()!;
        await act(async () => next.answer(resultFor(next.text)));
        honest();
      }
    };
    fireEvent.change(box, { target: { value: '数' } });
    await waitFor(() => expect(pending.map((p) => p.text)).toEqual(['数']));
    fireEvent.change(box, { target: { value: '数字' } });
    honest();
    fireEvent.change(box, { target: { value: '数字经济' } });
    honest();
    // Still the one request out.
    expect(queries(calls)).toEqual(['数']);
    await answerAll();
    // 数's answer came in; then only the newest text went out: 数字 was replaced before it could.
    expect(queries(calls)).toEqual(['数', '数字经济']);
    // Meanwhile 数's hits are shown as what the last search found, marked stale, never as 数字经济's.
    expect(results().dataset).toMatchObject({ query: '数字经济', state: 'pending' });
    expect(screen.getByRole('listbox', { name: '搜索结果' }).className).toContain('search-list-stale');
    expect(marks()).toEqual(['数']);
    await answerAll();
    await waitFor(() => expect(results().dataset).toMatchObject({ query: '数字经济', state: 'ready' }));
    expect(marks()).toEqual(['数字经济']);
    expect(most).toBe(1);
  });

  it('back in the view while an older search is still out, the next text waits for it and is the one shown', async () => {
    // The reader searched 人才, left the view before it was answered, came back and typed
    // 营商环境: the new view sees the request out (the query cache's) and does not add a second.
    let release: (r: SearchResult) => void = () => undefined;
    const late = new Promise<SearchResult>((r) => (release = r));
    const { client, calls } = fakeClient((method, args) => {
      if (method !== 'search.query') return base(method);
      return args.text === '人才' ? late : { ...RESULT, hits: [RESULT.hits[1]!], total: 1 };
    });
    const { box, toggle } = show(client);
    fireEvent.change(box, { target: { value: '人才' } });
    await waitFor(() => expect(screen.getByText('正在搜索…')).toBeTruthy());
    toggle();
    toggle();
    const again = screen.getByRole('combobox', { name: '搜索全部计划、译文和笔记' }) as HTMLInputElement;
    // The text was kept; the reader types over it.
    expect(again.value).toBe('人才');
    fireEvent.change(again, { target: { value: '营商环境' } });
    expect(queries(calls)).toEqual(['人才']);
    await act(async () => release(RESULT));
    await screen.findByText('共 1 条结果');
    expect(queries(calls)).toEqual(['人才', '营商环境']);
    expect(document.querySelector<HTMLElement>('.search-results')!.dataset).toMatchObject({ query: '营商环境', state: 'ready' });
    expect(within(screen.getByRole('listbox', { name: '搜索结果' })).getAllByRole('option')).toHaveLength(1);
  });

  it('↓ and Enter open the chosen result with what was searched, and remember the search', async () => {
    const { client, calls } = fakeClient((method) => (method === 'search.query' ? RESULT : base(method)));
    const { box, onOpenResult } = show(client);
    fireEvent.change(box, { target: { value: '营商环境' } });
    await screen.findByText('共 3 条结果');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    // Grouped order: 甲 and 丙 (plan p1), then 乙.
    expect(box.getAttribute('aria-activedescendant')).toBe(within(screen.getByRole('listbox', { name: '搜索结果' })).getAllByRole('option')[1]!.id);
    expect(within(screen.getByRole('listbox', { name: '搜索结果' })).getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onOpenResult).toHaveBeenCalledWith('p1', 'p1/c', '营商环境', 'plan');
    await waitFor(() => expect(calls.some((c) => c.method === 'search.remember' && c.args.text === '营商环境')).toBe(true));
  });

  it('says why a search of only exclusions finds nothing', async () => {
    const { client } = fakeClient((method) =>
      method === 'search.query' ? { hits: [], total: 0, parsed: { terms: [], phrases: [], excluded: ['杭州'] }, message: 'only-exclusions' } : base(method),
    );
    const { box } = show(client);
    fireEvent.change(box, { target: { value: '-杭州' } });
    await screen.findByText('只有排除词（以 - 开头）时无法搜索：请再加一个要查找的词。');
    expect((screen.getByRole('button', { name: '保存搜索' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('with an empty box shows the recent searches, and one click runs one', async () => {
    const { client, calls } = fakeClient((method) => (method === 'search.query' ? RESULT : base(method)));
    const { box } = show(client);
    fireEvent.click(await screen.findByRole('button', { name: '人才' }));
    expect((box as HTMLInputElement).value).toBe('人才');
    await screen.findByText('共 3 条结果');
    expect(queries(calls)).toEqual(['人才']);
  });

  it('a rename on a stale revision opens the conflict dialog; overwrite saves on the revision stored now', async () => {
    const mine: SavedSearch = { id: 7, name: '营商', query: { text: '营商环境', filters: {} }, revision: 1, createdAt: '', updatedAt: '' };
    const theirs: SavedSearch = { ...mine, name: '营商（同事改的）', revision: 2 };
    let stale = true;
    const { client, calls } = fakeClient((method, args) => {
      if (method === 'search.saved.list') return [stale ? mine : theirs];
      if (method === 'search.saved.save') {
        if (args.baseRevision !== 2) throw new StaleWriteError('search.saved.save' as never, 'stale', theirs as never);
        stale = false;
        return { ...theirs, name: args.name, revision: 3 };
      }
      return base(method);
    });
    show(client);
    fireEvent.click(await screen.findByRole('button', { name: '重命名' }));
    const input = screen.getByRole('textbox', { name: '重命名' });
    fireEvent.change(input, { target: { value: '我的名字' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('营商（同事改的）')).toBeTruthy();
    expect(within(dialog).getByText('我的名字')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '用我的版本覆盖' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'search.saved.save').map((c) => c.args.baseRevision)).toEqual([1, 2]));
    expect(calls.filter((c) => c.method === 'search.saved.save').at(-1)!.args).toMatchObject({ id: 7, name: '我的名字', baseRevision: 2 });
  });
});
