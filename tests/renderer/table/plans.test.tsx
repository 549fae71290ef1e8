// The initiative table across plans (the fake table with a second plan): the Plan column shows
// each row's plan title and only while all plans are listed; its filter chooses plans and sends
// planIds; the theme filter lists themes under their plans; sorting, saved views, copy and
// export carry the plan column and filter; listing one plan again drops them from the query.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PLAN_MENU_LIMIT, type TableViewState } from '../../../shared/domain/table';
import { META } from '../plan-fixture';
import { createFakeTable, SECOND_PLAN_ID, SECOND_PLAN_TITLE } from './fake-table';
import { header, headerLabels, lastQuery, renderTable, resetTable, rowOf, rowsShown, sortButton } from './render-table';

const ALL_PLANS = { 'ui.tableState': JSON.stringify({ scope: 'all' }) };
const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(() => {
  resetTable();
  vi.restoreAllMocks();
});

const openFilter = async (column: string) => {
  fireEvent.click(within(header(column)).getByRole('button', { name: `筛选：${column}` }));
  const panel = screen.getByRole('dialog', { name: `筛选：${column}` });
  // The counts are fetched when the menu opens (table.facets): wait for them.
  await within(panel).findAllByRole('checkbox');
  return panel;
};

describe('initiative table across plans', () => {
  it('shows the Plan column beside the id only while all plans are listed', async () => {
    const fake = createFakeTable({}, ALL_PLANS, { secondPlan: true });
    renderTable({ fake });
    await rowsShown(18);
    expect(headerLabels().slice(0, 3)).toEqual(['编号', '举措', '计划']);
    expect(within(rowOf('T2·I1')).getAllByText(/./).some((el) => el.textContent === META.title)).toBe(true);
    expect(screen.getAllByText(SECOND_PLAN_TITLE, { selector: '.itable-plan' })).toHaveLength(3);
    // One plan listed: no Plan column, and the column menu does not offer it.
    fireEvent.change(screen.getByRole('combobox', { name: '范围' }), { target: { value: 'plan' } });
    await rowsShown(15);
    expect(headerLabels()).not.toContain('计划');
    fireEvent.click(screen.getByRole('button', { name: '列' }));
    expect(within(screen.getByRole('dialog', { name: '显示与排列列' })).queryByRole('checkbox', { name: '计划' })).toBeNull();
   }, 15_000); // the file's first render also loads its modules

  it('filters by plan: the plans with counts, planIds sent, a chip; one plan listed drops the filter', async () => {
    const fake = createFakeTable({}, ALL_PLANS, { secondPlan: true });
    renderTable({ fake });
    await rowsShown(18);
    const panel = await openFilter('计划');
    const options = within(panel).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent);
    expect(options).toEqual([`${SECOND_PLAN_TITLE}3`, `${META.title}15`]);
    fireEvent.click(within(panel).getByRole('checkbox', { name: new RegExp(`^${SECOND_PLAN_TITLE}`) }));
    await rowsShown(3);
    expect(lastQuery(fake).filters).toEqual({ planIds: [SECOND_PLAN_ID] });
    expect(lastQuery(fake)).not.toHaveProperty('planId');
    expect(screen.getByText(`计划：${SECOND_PLAN_TITLE}`)).toBeTruthy();
    fireEvent.keyDown(panel, { key: 'Escape' });
    fireEvent.change(screen.getByRole('combobox', { name: '范围' }), { target: { value: 'plan' } });
    await rowsShown(15);
    expect(lastQuery(fake)).toMatchObject({ planId: 'hz-2024', filters: {} });
  });

  it('lists the plans with the most rows, says how many more, and asks the core for a typed title', async () => {
    const fake = createFakeTable({}, ALL_PLANS, { secondPlan: true, menuLimit: 1 });
    renderTable({ fake });
    await rowsShown(18);
    const panel = await openFilter('计划');
    expect(fake.calls.filter((c) => c.method === 'table.facets').map((c) => c.args)).toEqual([
      { query: expect.not.objectContaining({ planId: expect.anything() }), facet: 'plan', limit: PLAN_MENU_LIMIT },
    ]);
    const options = () => within(panel).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent);
    // The plan with the most rows (15 against 3), and a note before the list of the one left out.
    expect(options()).toEqual([`${META.title}15`]);
    expect(within(panel).getByText('下列为举措最多的计划，另有 1 个未列出 — 输入文字查找')).toBeTruthy();
    const find = within(panel).getByRole('searchbox', { name: '输入文字查找计划' });
    fireEvent.change(find, { target: { value: '安吉' } });
    await waitFor(() => expect(options()).toEqual([`${SECOND_PLAN_TITLE}3`]));
    expect(fake.calls.filter((c) => c.method === 'table.facets').at(-1)!.args).toMatchObject({ facet: 'plan', limit: PLAN_MENU_LIMIT, match: '安吉' });
    expect(within(panel).queryByText(/未列出/)).toBeNull();
    // Chosen, it stays listed (to be unchecked) when another text is typed.
    fireEvent.click(within(panel).getByRole('checkbox', { name: new RegExp(`^${SECOND_PLAN_TITLE}`) }));
    await rowsShown(3);
    expect(lastQuery(fake).filters).toEqual({ planIds: [SECOND_PLAN_ID] });
    fireEvent.change(find, { target: { value: '没有这样的计划' } });
    await waitFor(() => expect(fake.calls.filter((c) => c.method === 'table.facets').at(-1)!.args).toMatchObject({ match: '没有这样的计划' }));
    await waitFor(() => expect(options()).toEqual([`${SECOND_PLAN_TITLE}3`]));
    fireEvent.click(within(panel).getByRole('checkbox', { name: new RegExp(`^${SECOND_PLAN_TITLE}`) }));
    await within(panel).findByText('暂无相符的计划');
  });

  it('lists themes under their plans in the theme filter when several plans are in scope', async () => {
    const fake = createFakeTable({}, ALL_PLANS, { secondPlan: true });
    renderTable({ fake });
    await rowsShown(18);
    const panel = await openFilter('主题');
    const groups = within(panel).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)!.textContent)).toEqual([
      SECOND_PLAN_TITLE,
      META.title,
    ]);
    expect(within(groups[0]!).getAllByRole('checkbox')).toHaveLength(2);
    expect(within(groups[1]!).getAllByRole('checkbox')).toHaveLength(5);
    fireEvent.keyDown(panel, { key: 'Escape' });
    // Plans chosen: only their themes, no plan headings for a single plan.
    const plans = await openFilter('计划');
    fireEvent.click(within(plans).getByRole('checkbox', { name: new RegExp(`^${SECOND_PLAN_TITLE}`) }));
    await rowsShown(3);
    fireEvent.keyDown(plans, { key: 'Escape' });
    const themes = await openFilter('主题');
    expect(within(themes).queryAllByRole('group')).toHaveLength(0);
    expect(within(themes).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent)).toEqual(['生态保护2', '绿色交通1']);
  });

  it('sorts by plan, and a saved view keeps the plan filter and sort', async () => {
    const fake = createFakeTable({}, ALL_PLANS, { secondPlan: true });
    renderTable({ fake });
    await rowsShown(18);
    fireEvent.click(sortButton('计划'));
    await waitFor(() => expect(lastQuery(fake).sort).toEqual([{ column: 'plan', desc: false }]));
    fireEvent.click(within(await openFilter('计划')).getByRole('checkbox', { name: new RegExp(`^${SECOND_PLAN_TITLE}`) }));
    await rowsShown(3);
    fireEvent.keyDown(screen.getByRole('dialog', { name: '筛选：计划' }), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: /^视图/ }));
    const views = screen.getByRole('dialog', { name: /视图/ });
    fireEvent.change(within(views).getByRole('textbox', { name: '视图名称' }), { target: { value: '安吉' } });
    fireEvent.click(within(views).getByRole('button', { name: '保存当前视图' }));
    await waitFor(() => expect(fake.views).toHaveLength(1));
    const saved = fake.views[0]!.state as TableViewState;
    expect(saved.filters).toEqual({ planIds: [SECOND_PLAN_ID] });
    expect(saved.sort).toEqual([{ column: 'plan', desc: false }]);
  });

  it('copies and exports the Plan column when it is shown, and not when one plan is listed', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:briefbook/1'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const fake = createFakeTable({}, ALL_PLANS, { secondPlan: true });
    renderTable({ fake });
    await rowsShown(18);
    const secondRow = screen.getAllByText(SECOND_PLAN_TITLE, { selector: '.itable-plan' })[0]!.closest('[role="row"]') as HTMLElement;
    fireEvent.click(within(secondRow).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: '复制所选' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const lines = writeText.mock.calls[0]![0].split('\n').map((l) => l.split('\t'));
    expect(lines[0]!.slice(0, 3)).toEqual(['编号', '举措', '计划']);
    expect(lines[1]!.slice(0, 3)).toEqual(['T1·I1', '建设美丽乡村', SECOND_PLAN_TITLE]);
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'table.exportCsv')).toBe(true));
    expect((fake.calls.find((c) => c.method === 'table.exportCsv')!.args as { columns: string[] }).columns).toContain('plan');

    fireEvent.change(screen.getByRole('combobox', { name: '范围' }), { target: { value: 'plan' } });
    await rowsShown(15);
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.method === 'table.exportCsv')).toHaveLength(2));
    expect((fake.calls.filter((c) => c.method === 'table.exportCsv')[1]!.args as { columns: string[] }).columns).not.toContain('plan');
  });
});
