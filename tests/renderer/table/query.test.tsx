// Sorting, filtering, searching and grouping: what the table sends to table.query, and how it
// shows what comes back (aria-sort, facet counts, group headers with counts).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { THEME_MENU_LIMIT } from '../../../shared/domain/table';
import { ok } from '../fake-bridge';
import { SUMMARY } from '../plan-fixture';
import { createFakeTable } from './fake-table';
import { dataRows, grid, header, headerLabels, lastQuery, renderTable, resetTable, rowsShown, shownIds, sortButton } from './render-table';

afterEach(resetTable);

describe('initiative table: loading and layout', () => {
  it('shows all 15 initiatives with their columns, and tells assistive technology the row count', async () => {
    const { fake } = renderTable();
    expect(screen.getByRole('status').textContent).toBe('正在加载举措…');
    await rowsShown(15);
    expect(grid().getAttribute('aria-rowcount')).toBe('16');
    expect(headerLabels()).toEqual(['编号', '举措', '主题', '状态', '优先级', '牵头单位', '完成时限', '进展', '标签', '划线', '笔记', '产业']);
    expect(shownIds().slice(0, 4)).toEqual(['T1·I1', 'T1·I2', 'T1·I3', 'T2·I1']);
    expect(screen.getByText('共 15 项举措')).toBeTruthy();
    // One first page of the plan's rows, no more.
    expect(fake.queries()).toHaveLength(1);
    // Facet counts are not part of it: a facet's menu asks for them when it opens.
    expect(fake.queries()[0]).toMatchObject({ planId: 'hz-2024', offset: 0, limit: 200, sort: [], search: '', groupBy: null, facets: false });
    expect(fake.calls.filter((c) => c.method === 'table.facets')).toHaveLength(0);
  });

  it('opens an initiative in the reading view from its headline', async () => {
    const { onOpenInitiative } = renderTable();
    await rowsShown(15);
    fireEvent.click(screen.getByRole('button', { name: /大力发展战略性新兴产业,布局未来产业/ }));
    expect(onOpenInitiative).toHaveBeenCalledWith('hz-2024/T3/I3');
  });

  it('shows an empty state with a way out when nothing matches', async () => {
    renderTable();
    await rowsShown(15);
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索举措' }), { target: { value: '没有这样的举措' } });
    await screen.findByText('暂无符合条件的举措。');
    expect(dataRows()).toHaveLength(0);
    fireEvent.click(within(screen.getByText('暂无符合条件的举措。').parentElement!).getByRole('button', { name: '清除全部筛选' }));
    await rowsShown(15);
  });
});

describe('initiative table: sorting', () => {
  it('sorts by a column on a header click, then descending, and shows it with aria-sort', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.click(sortButton('状态'));
    await waitFor(() => expect(lastQuery(fake).sort).toEqual([{ column: 'status', desc: false }]));
    expect(header('状态').getAttribute('aria-sort')).toBe('ascending');
    // The fake sorts like the core: statuses by pinyin of their keys' values, unset last.
    await waitFor(() => expect(shownIds()[0]).toBe('T1·I2'));
    fireEvent.click(sortButton('状态'));
    await waitFor(() => expect(lastQuery(fake).sort).toEqual([{ column: 'status', desc: true }]));
    expect(header('状态').getAttribute('aria-sort')).toBe('descending');
    expect(header('主题').getAttribute('aria-sort')).toBeNull();
  });

  it('adds a second sort column on Shift+click and numbers both', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.click(sortButton('状态'));
    fireEvent.click(sortButton('优先级'), { shiftKey: true });
    await waitFor(() =>
      expect(lastQuery(fake).sort).toEqual([
        { column: 'status', desc: false },
        { column: 'priority', desc: false },
      ]),
    );
    expect(within(header('状态')).getByText('第1排序，升序')).toBeTruthy();
    expect(within(header('优先级')).getByText('第2排序，升序')).toBeTruthy();
    // A plain click replaces the multi-sort with one column.
    fireEvent.click(sortButton('牵头单位'));
    await waitFor(() => expect(lastQuery(fake).sort).toEqual([{ column: 'leadUnit', desc: false }]));
  });

  it('sends the collation chosen in the toolbar', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.change(screen.getByRole('combobox', { name: '中文排序' }), { target: { value: 'stroke' } });
    await waitFor(() => expect(lastQuery(fake).collation).toBe('stroke'));
  });
});

describe('initiative table: filtering', () => {
  it('offers status values with counts and filters on a click', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.click(within(header('状态')).getByRole('button', { name: '筛选：状态' }));
    const panel = screen.getByRole('dialog', { name: '筛选：状态' });
    // Opening the menu asks for this one facet's counts under the query shown.
    await waitFor(() => expect(within(panel).queryByRole('status')).toBeNull());
    expect(fake.calls.filter((c) => c.method === 'table.facets').map((c) => c.args)).toEqual([
      { query: expect.objectContaining({ planId: 'hz-2024', filters: {} }), facet: 'status' },
    ]);
    const option = (name: string) => within(panel).getByRole('checkbox', { name: new RegExp(`^${name}`) });
    // Counts from table.facets: 3 in progress, 1 done, 1 watching, 1 not started, 9 unset.
    expect(option('进行中').closest('label')?.textContent).toBe('进行中3');
    expect(option('未设置').closest('label')?.textContent).toBe('未设置9');
    fireEvent.click(option('进行中'));
    await waitFor(() => expect(lastQuery(fake).filters).toEqual({ statuses: ['in_progress'] }));
    await rowsShown(3);
    expect(shownIds()).toEqual(['T1·I1', 'T2·I1', 'T5·I2']);
    // The active filter shows as a chip that removes it.
    fireEvent.keyDown(panel, { key: 'Escape' });
    const chips = screen.getByRole('group', { name: '当前筛选' });
    fireEvent.click(within(chips).getByRole('button', { name: '移除筛选 状态：进行中' }));
    // Back to the unfiltered query, whose rows are still cached from the first load.
    await rowsShown(15);
    expect(screen.queryByRole('group', { name: '当前筛选' })).toBeNull();
  });

  it('lists the themes with the most rows, says how many more, and asks the core for what is typed', async () => {
    const fake = createFakeTable({}, {}, { menuLimit: 2 });
    renderTable({ fake });
    await rowsShown(15);
    fireEvent.click(within(header('主题')).getByRole('button', { name: '筛选：主题' }));
    const panel = screen.getByRole('dialog', { name: '筛选：主题' });
    await within(panel).findAllByRole('checkbox');
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(2);
    expect(fake.calls.filter((c) => c.method === 'table.facets').map((c) => c.args)).toEqual([
      { query: expect.objectContaining({ planId: 'hz-2024' }), facet: 'theme', limit: THEME_MENU_LIMIT },
    ]);
    // The fixture's 5 themes have 3 initiatives each: the 2 listed are the first by id.
    expect(within(panel).getByText('下列为举措最多的主题，另有 3 个未列出 — 输入文字查找')).toBeTruthy();
    fireEvent.change(within(panel).getByRole('searchbox', { name: '输入文字查找主题或计划' }), { target: { value: '绿色' } });
    await waitFor(() => expect(within(panel).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent)).toEqual(['在深度推进绿色发展中打造中国式现代化范例城市“美丽样板”3']));
    expect(fake.calls.filter((c) => c.method === 'table.facets').at(-1)!.args).toMatchObject({ facet: 'theme', limit: THEME_MENU_LIMIT, match: '绿色' });
    expect(within(panel).queryByText(/未列出/)).toBeNull();
    fireEvent.change(within(panel).getByRole('searchbox', { name: '输入文字查找主题或计划' }), { target: { value: '没有这样的主题' } });
    await within(panel).findByText('暂无相符的主题');
  });

  it('filters by tag, by theme and by priority, combining facets', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.click(within(header('标签')).getByRole('button', { name: '筛选：标签' }));
    const tags = screen.getByRole('dialog', { name: '筛选：标签' });
    await within(tags).findByRole('checkbox', { name: /^营商环境/ });
    expect(within(tags).getByRole('checkbox', { name: /^营商环境/ }).closest('label')?.textContent).toBe('营商环境2');
    fireEvent.click(within(tags).getByRole('checkbox', { name: /^营商环境/ }));
    await rowsShown(2);
    fireEvent.keyDown(tags, { key: 'Escape' });
    fireEvent.click(within(header('优先级')).getByRole('button', { name: '筛选：优先级' }));
    const priority = screen.getByRole('dialog', { name: '筛选：优先级' });
    await within(priority).findByRole('checkbox', { name: /^高/ });
    // Counts under the other active filter (the tag): one high, one medium.
    expect(within(priority).getByRole('checkbox', { name: /^高/ }).closest('label')?.textContent).toBe('高1');
    fireEvent.click(within(priority).getByRole('checkbox', { name: /^高/ }));
    await rowsShown(1);
    expect(lastQuery(fake).filters).toEqual({ priorities: ['high'], tags: ['营商环境'] });
    fireEvent.keyDown(priority, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: '清除全部筛选' }));
    await rowsShown(15);
    fireEvent.click(within(header('主题')).getByRole('button', { name: '筛选：主题' }));
    const themes = screen.getByRole('dialog', { name: '筛选：主题' });
    fireEvent.click(await within(themes).findByRole('checkbox', { name: /^在顺应大势中/ }));
    await rowsShown(3);
    expect(lastQuery(fake).filters).toEqual({ themeIds: ['hz-2024/T3'] });
  });

  it('filters a text column by what is typed, after a pause', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.click(within(header('牵头单位')).getByRole('button', { name: '筛选：牵头单位' }));
    const input = screen.getByRole('searchbox', { name: '牵头单位包含' });
    fireEvent.change(input, { target: { value: '市' } });
    fireEvent.change(input, { target: { value: '市经' } });
    await waitFor(() => expect(lastQuery(fake).filters).toEqual({ text: { leadUnit: '市经' } }));
    await rowsShown(1);
    // Typing sent one query for the settled text, not one per keystroke.
    expect(fake.queries().filter((q) => q.filters.text?.leadUnit === '市')).toHaveLength(0);
  });

  it('debounces the global search box', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    const box = screen.getByRole('searchbox', { name: '搜索举措' });
    for (const value of ['绿', '绿色', '绿色生']) fireEvent.change(box, { target: { value } });
    await waitFor(() => expect(lastQuery(fake).search).toBe('绿色生'));
    await rowsShown(1);
    expect(fake.queries().map((q) => q.search)).toEqual(['', '绿色生']);
  });
});

describe('initiative table: scope', () => {
  it('lists every loaded plan on request (only offered when there are several), and keeps the choice', async () => {
    const single = renderTable();
    await rowsShown(15);
    expect(screen.queryByRole('combobox', { name: '范围' })).toBeNull();
    single.unmount();

    const fake = createFakeTable({
      'plan.list': async () => ok([SUMMARY, { ...SUMMARY, id: 'other-2025', title: '另一份计划' }]),
    });
    renderTable({ fake });
    await rowsShown(15);
    const scope = await screen.findByRole('combobox', { name: '范围' });
    expect(fake.queries()[0]!.planId).toBe('hz-2024');
    fireEvent.change(scope, { target: { value: 'all' } });
    await waitFor(() => expect(lastQuery(fake)).not.toHaveProperty('planId'));
    await waitFor(() => expect(JSON.parse(fake.settings.get('ui.tableState') ?? '{}')).toMatchObject({ scope: 'all' }));
  });
});

describe('initiative table: grouping', () => {
  it('groups by theme with a header and count per group', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.change(screen.getByRole('combobox', { name: '分组' }), { target: { value: 'theme' } });
    await waitFor(() => expect(lastQuery(fake).groupBy).toBe('theme'));
    const groups = await waitFor(() => {
      const found = within(grid()).getAllByRole('button', { expanded: true });
      expect(found).toHaveLength(5);
      return found;
    });
    expect(groups[0]!.textContent).toBe('在深化改革中破除制约高质量发展的体制机制障碍3 项');
    // Rows arrive ordered by group and sit under their header.
    const lines = within(grid()).getAllByRole('row').slice(1).map((r) => r.textContent ?? '');
    expect(lines[0]).toContain('3 项');
    expect(lines[1]).toContain('T1·I1');
    expect(grid().getAttribute('aria-rowcount')).toBe(String(15 + 5 + 1));
    // Folding a group leaves its header.
    fireEvent.click(groups[0]!);
    await rowsShown(12);
    expect(groups[0]!.getAttribute('aria-expanded')).toBe('false');
  });

  it('asks a new query to name the groups the reader folded, so they stay folded wherever their rows are', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.change(screen.getByRole('combobox', { name: '分组' }), { target: { value: 'theme' } });
    const groups = await waitFor(() => {
      const found = within(grid()).getAllByRole('button', { expanded: true });
      expect(found).toHaveLength(5);
      return found;
    });
    fireEvent.click(groups[1]!);
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe(String(15 + 5 + 1 - 3)));
    // A new query (another collation): its pages name the folded theme.
    fireEvent.change(screen.getByRole('combobox', { name: '中文排序' }), { target: { value: 'stroke' } });
    await waitFor(() => expect(lastQuery(fake).collation).toBe('stroke'));
    expect(lastQuery(fake).groupKeys).toEqual(['hz-2024/T2']);
    await waitFor(() => expect(grid().querySelectorAll('.itable-group-row button[aria-expanded="false"]')).toHaveLength(1));
    expect(grid().getAttribute('aria-rowcount')).toBe(String(15 + 5 + 1 - 3));
  });

  it('groups by status, labelling groups with the configured status names', async () => {
    renderTable();
    await rowsShown(15);
    fireEvent.change(screen.getByRole('combobox', { name: '分组' }), { target: { value: 'status' } });
    await waitFor(() => expect(within(grid()).getAllByRole('button', { expanded: true })).toHaveLength(5));
    const names = within(grid())
      .getAllByRole('button', { expanded: true })
      .map((b) => b.textContent);
    expect(names).toEqual(['已完成1 项', '进行中3 项', '未开始1 项', '关注中1 项', '未设置9 项']);
    await act(async () => undefined);
  });
});
