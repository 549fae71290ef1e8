// Saved views (view.list / view.save / view.delete) and the unsaved state kept in settings
// 'ui.tableState' between launches.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TableViewState } from '../../../shared/domain/table';
import { fail } from '../fake-bridge';
import { createFakeTable } from './fake-table';
import { header, headerLabels, lastQuery, renderTable, resetTable, rowsShown, sortButton } from './render-table';

afterEach(resetTable);

const VIEW_STATE: TableViewState = {
  sort: [{ column: 'deadline', desc: true }],
  collation: 'stroke',
  search: '',
  filters: { statuses: ['in_progress'] },
  groupBy: 'theme',
  columns: {
    order: ['headline', 'shortId', 'plan', 'theme', 'status', 'priority', 'leadUnit', 'responsibleUnits', 'deadline', 'progressNote', 'tags', 'highlightCount', 'noteCount', 'touchedAt', 'industries'],
    hidden: ['theme', 'touchedAt', 'industries'],
    sizes: { headline: 400 },
  },
};

function openViews() {
  fireEvent.click(screen.getByRole('button', { name: '视图' }));
  return screen.getByRole('dialog', { name: '已保存的视图' });
}

describe('initiative table: saved views', () => {
  it('saves the whole current state under a name', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.click(sortButton('状态'));
    fireEvent.click(sortButton('完成时限'), { shiftKey: true });
    fireEvent.change(screen.getByRole('combobox', { name: '分组' }), { target: { value: 'status' } });
    fireEvent.change(screen.getByRole('combobox', { name: '中文排序' }), { target: { value: 'stroke' } });
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索举措' }), { target: { value: '杭州' } });
    // The search applies after a pause; the menu then counts under it.
    await waitFor(() => expect(fake.queries().at(-1)?.search).toBe('杭州'));
    fireEvent.click(screen.getByRole('button', { name: '筛选：优先级' }));
    fireEvent.click(await within(screen.getByRole('dialog', { name: '筛选：优先级' })).findByRole('checkbox', { name: /^高/ }));
    fireEvent.keyDown(screen.getByRole('dialog', { name: '筛选：优先级' }), { key: 'Escape' });
    const panel = openViews();
    expect(within(panel).getByText('暂无保存的视图。')).toBeTruthy();
    fireEvent.change(within(panel).getByRole('textbox', { name: '视图名称' }), { target: { value: '进行中的重点' } });
    fireEvent.click(within(panel).getByRole('button', { name: '保存当前视图' }));
    await waitFor(() => expect(fake.views).toHaveLength(1));
    const saved = fake.calls.find((c) => c.method === 'view.save')!.args as { name: string; state: TableViewState };
    expect(saved.name).toBe('进行中的重点');
    expect(saved.state).toEqual({
      sort: [
        { column: 'status', desc: false },
        { column: 'deadline', desc: false },
      ],
      collation: 'stroke',
      search: '杭州',
      filters: { priorities: ['high'] },
      groupBy: 'status',
      columns: {
        order: ['shortId', 'plan', 'theme', 'headline', 'status', 'priority', 'leadUnit', 'responsibleUnits', 'deadline', 'progressNote', 'tags', 'highlightCount', 'noteCount', 'touchedAt', 'industries'],
        hidden: ['responsibleUnits', 'touchedAt'],
        sizes: {},
      },
    });
    await waitFor(() => expect(within(panel).getByRole('button', { name: '应用 进行中的重点' })).toBeTruthy());
    expect(within(panel).getByRole('button', { name: '应用 进行中的重点' }).getAttribute('aria-current')).toBe('true');
  });

  it('applies a saved view: sort, filters, grouping, collation and columns come back', async () => {
    const fake = createFakeTable();
    fake.views.push({ id: 7, name: '截止日期', state: VIEW_STATE, createdAt: 'x', updatedAt: 'x', revision: 1 });
    renderTable({ fake });
    await rowsShown(15);
    const panel = openViews();
    await waitFor(() => expect(within(panel).getByRole('button', { name: '应用 截止日期' })).toBeTruthy());
    fireEvent.click(within(panel).getByRole('button', { name: '应用 截止日期' }));
    await waitFor(() =>
      expect(lastQuery(fake)).toMatchObject({
        sort: [{ column: 'deadline', desc: true }],
        collation: 'stroke',
        filters: { statuses: ['in_progress'] },
        groupBy: 'theme',
      }),
    );
    // The id and headline stay frozen at the left; the rest follow the view's order.
    expect(headerLabels()).toEqual(['编号', '举措', '状态', '优先级', '牵头单位', '责任单位', '完成时限', '进展', '标签', '划线', '笔记']);
    expect(header('完成时限').getAttribute('aria-sort')).toBe('descending');
    expect((screen.getByRole('combobox', { name: '中文排序' }) as HTMLSelectElement).value).toBe('stroke');
    expect((screen.getByRole('combobox', { name: '分组' }) as HTMLSelectElement).value).toBe('theme');
    expect(screen.getByRole('separator', { name: '调整 举措 列宽' }).getAttribute('aria-valuenow')).toBe('400');
    expect(screen.getByRole('status').textContent).toContain('已应用视图 截止日期');
  });

  it('renames, overwrites and deletes a view', async () => {
    const fake = createFakeTable();
    fake.views.push({ id: 3, name: '旧名', state: VIEW_STATE, createdAt: 'x', updatedAt: 'x', revision: 1 });
    renderTable({ fake });
    await rowsShown(15);
    const panel = openViews();
    await waitFor(() => expect(within(panel).getByRole('button', { name: '应用 旧名' })).toBeTruthy());
    fireEvent.click(within(panel).getByRole('button', { name: '重命名' }));
    const rename = within(panel).getByRole('textbox', { name: '旧名 的新名称' });
    fireEvent.change(rename, { target: { value: '新名' } });
    fireEvent.click(within(panel).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(within(panel).getByRole('button', { name: '应用 新名' })).toBeTruthy());
    // Renaming keeps the view's own state.
    expect(fake.views[0]).toMatchObject({ id: 3, name: '新名', state: VIEW_STATE });

    fireEvent.click(within(panel).getByRole('button', { name: '用当前状态覆盖 新名' }));
    await waitFor(() => expect(fake.views[0]!.state.groupBy).toBeNull());
    expect(fake.views[0]!.state.sort).toEqual([]);

    fireEvent.click(within(panel).getByRole('button', { name: '删除' }));
    fireEvent.click(within(panel).getByRole('button', { name: '确认删除 新名' }));
    await waitFor(() => expect(within(panel).getByText('暂无保存的视图。')).toBeTruthy());
    expect(fake.views).toEqual([]);
    expect(fake.calls.filter((c) => c.method === 'view.delete').map((c) => c.args)).toEqual([{ id: 3, baseRevision: 3 }]);
  });

  it('shows why a view could not be saved and keeps the name typed', async () => {
    const fake = createFakeTable({ 'view.save': async () => fail('BAD_REQUEST', 'name: too long') });
    renderTable({ fake });
    await rowsShown(15);
    const panel = openViews();
    fireEvent.change(within(panel).getByRole('textbox', { name: '视图名称' }), { target: { value: '某个视图' } });
    fireEvent.click(within(panel).getByRole('button', { name: '保存当前视图' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe('无法保存视图：name: too long');
    expect((within(panel).getByRole('textbox', { name: '视图名称' }) as HTMLInputElement).value).toBe('某个视图');
  });
});

describe('initiative table: state between launches', () => {
  it('opens with the state kept in ui.tableState: the first query is already the right one', async () => {
    // With the columns unfrozen there, so the stored order shows as it is.
    const fake = createFakeTable({}, { 'ui.tableState': JSON.stringify({ ...VIEW_STATE, unfrozen: true }) });
    renderTable({ fake });
    await rowsShown(3);
    expect(fake.queries()[0]).toMatchObject({ sort: VIEW_STATE.sort, filters: VIEW_STATE.filters, groupBy: 'theme', collation: 'stroke' });
    expect(headerLabels()[0]).toBe('举措');
  });

  it('keeps the current state in ui.tableState as it changes', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.click(sortButton('优先级'));
    await waitFor(() => {
      const stored = JSON.parse(fake.settings.get('ui.tableState') ?? 'null') as TableViewState | null;
      expect(stored?.sort).toEqual([{ column: 'priority', desc: false }]);
    });
  });

  it('keeps a change made just before the page goes away or the table closes (no delay undoes it)', async () => {
    const fake = createFakeTable({}, { 'ui.tableState': JSON.stringify(VIEW_STATE) });
    const { unmount } = renderTable({ fake });
    await rowsShown(3);
    const stored = () => JSON.parse(fake.settings.get('ui.tableState') ?? 'null') as TableViewState | null;
    // A reload or a closed window right after the click: the page gets 'pagehide' and no more time.
    fireEvent.click(screen.getByRole('button', { name: '清除全部筛选' }));
    window.dispatchEvent(new Event('pagehide'));
    expect(stored()?.filters).toEqual({});
    // Another view opened right after a click unmounts the table at once.
    fireEvent.click(sortButton('优先级'));
    unmount();
    expect(stored()?.sort).toEqual([{ column: 'priority', desc: false }]);
  });

  it('opens with defaults when the stored state is unreadable', async () => {
    const fake = createFakeTable({}, { 'ui.tableState': '{not json' });
    renderTable({ fake });
    await rowsShown(15);
    expect(fake.queries()[0]).toMatchObject({ sort: [], filters: {}, groupBy: null });
  });
});
