// Search everywhere's filters of several values: each a button opening a panel of checkboxes
// (disclosure semantics; Escape closes it and gives focus back); two plans, their themes, two
// statuses (one of them "no status", sent as null), two tags, the sources; every change runs the
// search again with the arrays the contract takes; "clear filters" runs it without any; a saved
// search keeps its filters and runs again with them.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SavedSearch, SearchResult } from '../../../shared/api/search/methods';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';
import { base, fakeClient, show, type Call } from './harness';

beforeAll(installDialogPolyfill);
afterEach(cleanup);

const EMPTY: SearchResult = { hits: [], total: 0, totalExact: true, parsed: { terms: ['人才'], phrases: [], excluded: [] } };

const answer = (saved: SavedSearch[] = []) => (method: string, args: Record<string, unknown>): unknown => {
  if (method === 'search.query') return EMPTY;
  if (method === 'library.list') return [{ id: 'p-1', title: '杭州规划' }, { id: 'p-2', title: '宁波规划' }, { id: 'p-3', title: '温州规划' }];
  if (method === 'plan.get') {
    const planId = args.planId as string;
    return { themes: [{ id: `${planId}/t1`, headline: `${planId} 主题一` }, { id: `${planId}/t2`, headline: `${planId} 主题二` }] };
  }
  if (method === 'status.options') return { options: [{ key: 'done', label: { zh: '已完成', en: 'Done' } }, { key: 'doing', label: { zh: '进行中', en: 'In progress' } }], revision: 1 };
  if (method === 'tags.list') return [{ tag: '重点', count: 3 }, { tag: '人才', count: 1 }];
  if (method === 'search.saved.list') return saved;
  if (method === 'search.saved.save') return { id: 9, name: args.name, query: args.query, revision: 1, createdAt: '', updatedAt: '' };
  return base(method);
};

const lastFilters = (calls: Call[]) => calls.filter((c) => c.method === 'search.query').at(-1)?.args.filters;
const filterBar = () => screen.getByRole('group', { name: '筛选' });

/** Opens the menu whose button's name starts with `caption`, ticks `labels`, closes it with Escape. */
async function tick(caption: string, labels: string[]) {
  const button = within(filterBar()).getByRole('button', { name: new RegExp(`^${caption}:`) });
  fireEvent.click(button);
  expect(button.getAttribute('aria-expanded')).toBe('true');
  const panel = await screen.findByRole('group', { name: caption });
  for (const label of labels) fireEvent.click(await within(panel).findByRole('checkbox', { name: label }));
  fireEvent.keyDown(panel, { key: 'Escape' });
  expect(button.getAttribute('aria-expanded')).toBe('false');
  expect(document.activeElement).toBe(button);
  return button;
}

describe('search filters of several values', () => {
  it('sends two plans, their themes, two statuses (null for none), two tags and the sources, then clears them all', async () => {
    const { client, calls } = fakeClient(answer());
    const { box } = show(client);
    fireEvent.change(box, { target: { value: '人才' } });
    await waitFor(() => expect(lastFilters(calls)).toEqual({}));
    // Themes need a plan first.
    expect((within(filterBar()).getByRole('button', { name: /^主题:/ }) as HTMLButtonElement).disabled).toBe(true);

    const plans = await tick('计划', ['杭州规划', '宁波规划']);
    await waitFor(() => expect(lastFilters(calls)).toEqual({ planIds: ['p-1', 'p-2'] }));
    expect(plans.textContent).toBe('2 个计划');
    // Each theme named with its plan when two plans are chosen.
    await tick('主题', ['杭州规划 · p-1 主题二', '宁波规划 · p-2 主题一']);
    await waitFor(() => expect(lastFilters(calls)).toEqual({ planIds: ['p-1', 'p-2'], themeIds: ['p-1/t2', 'p-2/t1'] }));
    await tick('状态', ['已完成', '无状态']);
    await waitFor(() => expect(lastFilters(calls)).toMatchObject({ statuses: ['done', null] }));
    await tick('标签', ['重点', '人才']);
    await waitFor(() => expect(lastFilters(calls)).toMatchObject({ tags: ['重点', '人才'] }));
    fireEvent.click(within(filterBar()).getByRole('checkbox', { name: '我的笔记' }));
    await waitFor(() =>
      expect(lastFilters(calls)).toEqual({
        planIds: ['p-1', 'p-2'],
        themeIds: ['p-1/t2', 'p-2/t1'],
        statuses: ['done', null],
        tags: ['重点', '人才'],
        sources: ['plan', 'translation'],
      }),
    );

    // A plan taken off takes its themes with it.
    await tick('计划', ['宁波规划']);
    await waitFor(() => expect(lastFilters(calls)).toMatchObject({ planIds: ['p-1'], themeIds: ['p-1/t2'] }));
    expect(plans.textContent).toBe('杭州规划');

    fireEvent.click(within(filterBar()).getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(lastFilters(calls)).toEqual({}));
    expect(within(filterBar()).getByRole('button', { name: /^计划:/ }).textContent).toBe('全部计划');
    expect(within(filterBar()).queryByRole('button', { name: '清除筛选' })).toBeNull();
  });

  it('↓ moves between the boxes of an open menu, round from the last, End and Home to the ends, Escape back on its button', async () => {
    const { client, calls } = fakeClient(answer());
    show(client);
    await waitFor(() => expect(calls.some((c) => c.method === 'status.options')).toBe(true));
    await act(async () => undefined);
    fireEvent.click(within(filterBar()).getByRole('button', { name: /^状态:/ }));
    const panel = await screen.findByRole('group', { name: '状态' });
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('checkbox', { name: '已完成' })));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(within(panel).getByRole('checkbox', { name: '进行中' }));
    // The same keys as the plan picker's menu (one popup behaviour for both).
    const boxes = within(panel).getAllByRole('checkbox');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(boxes.at(-1));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(boxes[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(boxes.at(-1));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(boxes[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: '状态' })).toBeNull();
    expect(document.activeElement).toBe(within(filterBar()).getByRole('button', { name: /^状态:/ }));
  });

  it('opened before the statuses come, gives focus to the first status once they do, not to "no status"', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const answers = answer();
    const { client, calls } = fakeClient((method, args) =>
      method === 'status.options' ? gate.then(() => answers(method, args)) : answers(method, args),
    );
    show(client);
    await waitFor(() => expect(calls.some((c) => c.method === 'status.options')).toBe(true));
    fireEvent.click(within(filterBar()).getByRole('button', { name: /^状态:/ }));
    const panel = await screen.findByRole('group', { name: '状态' });
    await act(async () => release());
    await waitFor(() => expect(within(panel).getAllByRole('checkbox')).toHaveLength(3));
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('checkbox', { name: '已完成' })));
  });

  it('saves a search with its filters and runs it again with them', async () => {
    const saved: SavedSearch = {
      id: 3,
      name: '杭甬人才',
      query: { text: '人才', filters: { planIds: ['p-1', 'p-2'], statuses: [null] } },
      revision: 1,
      createdAt: '',
      updatedAt: '',
    };
    const { client, calls } = fakeClient(answer([saved]));
    const { box } = show(client);
    const run = await screen.findByRole('button', { name: /^杭甬人才/ });
    expect(run.textContent).toContain('2 项筛选');
    fireEvent.click(run);
    expect((box as HTMLInputElement).value).toBe('人才');
    await waitFor(() => expect(lastFilters(calls)).toEqual({ planIds: ['p-1', 'p-2'], statuses: [null] }));
    expect(within(filterBar()).getByRole('button', { name: /^计划:/ }).textContent).toBe('2 个计划');
    expect(within(filterBar()).getByRole('button', { name: /^状态:/ }).textContent).toBe('无状态');

    // Saving now keeps the filters in use.
    fireEvent.click(within(filterBar()).getByRole('checkbox', { name: '译文' }));
    await waitFor(() => expect(lastFilters(calls)).toMatchObject({ sources: ['plan', 'notes'] }));
    fireEvent.click(screen.getByRole('button', { name: '保存搜索' }));
    fireEvent.click(await screen.findByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'search.saved.save')).toBe(true));
    expect(calls.find((c) => c.method === 'search.saved.save')!.args).toMatchObject({
      query: { text: '人才', filters: { planIds: ['p-1', 'p-2'], statuses: [null], sources: ['plan', 'notes'] } },
    });
  });
});
