// The library view in the whole app, over a fake core that checks revisions as the real one
// does: the list and its order, renaming, tags, trash (asked first when the reader has work on
// the plan), restore, delete for good, a stale write through the conflict dialog, and the
// empty states in both languages.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';
import { atAddress, renderApp, resetApp } from '../render-app';
import { PLAN_ID } from '../plan-fixture';
import { callsOf, createFakeLibrary, EMBEDDED, REGULATION, WORK_PLAN, type FakeLibrary } from './fake-library';

beforeAll(installDialogPolyfill);
// The view is loaded on demand (a chunk of its own); importing it first spares the test a cold
// compile while it waits for the view on a loaded machine.
beforeAll(() => Promise.all([import('../../../renderer/src/features/library/LibraryView'), import('../../../renderer/src/features/import/ImportDialog')]));
beforeEach(() => atAddress('#/library'));
afterEach(resetApp);

function renderLibrary(fake: FakeLibrary = createFakeLibrary([EMBEDDED, WORK_PLAN, REGULATION], { 'ui.currentPlan': PLAN_ID }), language: 'zh' | 'en' = 'zh') {
  renderApp({ fake, language });
  return fake;
}

const list = () => screen.findByRole('list', { name: /^(计划库|Library)$/ });
const rowOf = (title: string) => screen.getByRole('button', { name: title }).closest('li')!;
const titles = async () => within(await list()).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('the library view', { timeout: 20_000 }, () => {
  it('lists every plan newest first with its issuer, number, date, size and the reader’s progress; the current one marked', async () => {
    renderLibrary();
    expect(await titles()).toEqual([WORK_PLAN.title, REGULATION.title, EMBEDDED.title]);
    expect(screen.getByText('共 3 份计划')).toBeTruthy();
    const work = rowOf(WORK_PLAN.title);
    expect(work.textContent).toContain('浙江省人民政府办公厅');
    expect(work.textContent).toContain('浙政办发〔2024〕5号');
    expect(work.textContent).toContain('2024年3月5日');
    expect(work.textContent).toContain('12 项举措');
    expect(work.textContent).toContain('尚未标注');
    const embedded = rowOf(EMBEDDED.title);
    expect(embedded.textContent).toContain('已完成 2 / 15');
    expect(embedded.textContent).toContain('内置计划');
    expect(embedded.getAttribute('data-current')).toBe('true');
    expect(within(embedded).getByText('当前计划')).toBeTruthy();
    expect(work.hasAttribute('data-current')).toBe(false);
  });

  it('sorts by title in pinyin order and by date, and filters by issuer or tag', async () => {
    renderLibrary();
    await list();
    fireEvent.change(screen.getByRole('combobox', { name: '排序' }), { target: { value: 'title' } });
    // 安 (ān) < 聚 (jù) < 浙 (zhè)
    expect(await titles()).toEqual([REGULATION.title, EMBEDDED.title, WORK_PLAN.title]);
    fireEvent.change(screen.getByRole('combobox', { name: '排序' }), { target: { value: 'date' } });
    expect(await titles()).toEqual([EMBEDDED.title, WORK_PLAN.title, REGULATION.title]);
    fireEvent.change(screen.getByRole('searchbox', { name: '筛选计划' }), { target: { value: '人民政府' } });
    expect(await titles()).toEqual([WORK_PLAN.title]);
    fireEvent.change(screen.getByRole('searchbox', { name: '筛选计划' }), { target: { value: '无此计划' } });
    expect(await screen.findByText('暂无匹配“无此计划”的计划')).toBeTruthy();
  });

  it('renames in place on its revision; Escape cancels and an empty name goes back to the plan’s own title', async () => {
    const fake = renderLibrary();
    await list();
    fireEvent.click(screen.getByRole('button', { name: `重命名“${WORK_PLAN.title}”` }));
    let input = screen.getByRole('textbox', { name: `“${WORK_PLAN.title}”的新名称` });
    fireEvent.change(input, { target: { value: '数字经济方案' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(callsOf(fake, 'library.update')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: `重命名“${WORK_PLAN.title}”` }));
    input = screen.getByRole('textbox', { name: `“${WORK_PLAN.title}”的新名称` });
    fireEvent.change(input, { target: { value: '数字经济方案' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('button', { name: '数字经济方案' })).toBeTruthy();
    expect(screen.getByText(`原标题：${WORK_PLAN.title}`)).toBeTruthy();
    expect(callsOf(fake, 'library.update')).toEqual([{ planId: WORK_PLAN.id, baseRevision: 0, patch: { title: '数字经济方案' } }]);

    fireEvent.click(screen.getByRole('button', { name: '重命名“数字经济方案”' }));
    input = screen.getByRole('textbox', { name: '“数字经济方案”的新名称' });
    fireEvent.change(input, { target: { value: '  ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('button', { name: WORK_PLAN.title })).toBeTruthy();
    expect(callsOf(fake, 'library.update').at(-1)).toEqual({ planId: WORK_PLAN.id, baseRevision: 1, patch: { title: null } });
  });

  it('adds and removes tags, saving the whole list each time', async () => {
    const fake = renderLibrary();
    await list();
    fireEvent.click(screen.getByRole('button', { name: `为“${REGULATION.title}”添加标签` }));
    // A text field with suggestions (a datalist) is a combobox.
    const input = screen.getByRole('combobox', { name: `为“${REGULATION.title}”添加标签` });
    fireEvent.change(input, { target: { value: '安全' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(within(rowOf(REGULATION.title)).getByText('安全')).toBeTruthy());
    fireEvent.click(within(rowOf(REGULATION.title)).getByRole('button', { name: '移除标签“安全”' }));
    await waitFor(() => expect(within(rowOf(REGULATION.title)).queryByText('安全')).toBeNull());
    expect(callsOf(fake, 'library.update')).toEqual([
      { planId: REGULATION.id, baseRevision: 0, patch: { tags: ['安全'] } },
      { planId: REGULATION.id, baseRevision: 1, patch: { tags: [] } },
    ]);
  });

  it('asks before trashing a plan with the reader’s work on it, saying how much; Cancel keeps it', async () => {
    const fake = renderLibrary();
    await list();
    fireEvent.click(screen.getByRole('button', { name: `将“${EMBEDDED.title}”移到废纸篓` }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('您的 7 条记录');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(callsOf(fake, 'library.trash')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: `将“${EMBEDDED.title}”移到废纸篓` }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '移到废纸篓' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: EMBEDDED.title })).toBeNull());
    expect(callsOf(fake, 'library.trash')).toEqual([{ planId: PLAN_ID, baseRevision: 0, confirm: true }]);
  });

  it('trashes a plan without reader values at once; the trash restores it or deletes it for good after asking', async () => {
    const fake = renderLibrary();
    await list();
    expect(screen.getByText('废纸篓暂无计划')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `将“${REGULATION.title}”移到废纸篓` }));
    await waitFor(() => expect(screen.queryByRole('button', { name: REGULATION.title })).toBeNull());
    expect(callsOf(fake, 'library.trash')).toEqual([{ planId: REGULATION.id, baseRevision: 0 }]);

    fireEvent.click(await screen.findByRole('button', { name: '显示废纸篓（1）' }));
    fireEvent.click(screen.getByRole('button', { name: `恢复“${REGULATION.title}”` }));
    expect(await screen.findByRole('button', { name: REGULATION.title })).toBeTruthy();
    expect(callsOf(fake, 'library.restore')).toEqual([{ planId: REGULATION.id, baseRevision: 1 }]);

    fireEvent.click(screen.getByRole('button', { name: `将“${REGULATION.title}”移到废纸篓` }));
    fireEvent.click(await screen.findByRole('button', { name: `永久删除“${REGULATION.title}”` }));
    const ask = await screen.findByRole('alertdialog');
    expect(ask.textContent).toContain('无法撤销');
    fireEvent.click(within(ask).getByRole('button', { name: '永久删除' }));
    await waitFor(() => expect(fake.entries.some((e) => e.id === REGULATION.id)).toBe(false));
    expect(callsOf(fake, 'library.purge')).toEqual([{ planId: REGULATION.id, baseRevision: 3 }]);
    expect(await screen.findByText('废纸篓暂无计划')).toBeTruthy();
  });

  it('a rename made stale by another window shows both names; overwrite saves mine on the stored revision', async () => {
    const fake = renderLibrary();
    await list();
    fake.changeElsewhere(WORK_PLAN.id, { title: '另一个窗口的名称' });
    fireEvent.click(screen.getByRole('button', { name: `重命名“${WORK_PLAN.title}”` }));
    const input = screen.getByRole('textbox', { name: `“${WORK_PLAN.title}”的新名称` });
    fireEvent.change(input, { target: { value: '我的名称' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const dialog = await screen.findByRole('alertdialog');
    const value = (name: string) => within(dialog).getByRole('region', { name }).querySelector('.conflict-value')!.textContent;
    expect(value('已保存的版本')).toBe('另一个窗口的名称');
    expect(value('您的版本')).toBe('我的名称');
    expect(fake.entries.find((e) => e.id === WORK_PLAN.id)!.title).toBe('另一个窗口的名称');
    fireEvent.click(within(dialog).getByRole('button', { name: '用我的版本覆盖' }));
    expect(await screen.findByRole('button', { name: '我的名称' })).toBeTruthy();
    expect(callsOf(fake, 'library.update')).toEqual([
      { planId: WORK_PLAN.id, baseRevision: 0, patch: { title: '我的名称' } },
      { planId: WORK_PLAN.id, baseRevision: 1, patch: { title: '我的名称' } },
    ]);
  });

  it('“Keep editing” after a stale rename reopens the field with what the reader typed; keeping theirs shows theirs', async () => {
    const fake = renderLibrary();
    await list();
    fake.changeElsewhere(WORK_PLAN.id, { title: '另一个窗口的名称' });
    fireEvent.click(screen.getByRole('button', { name: `重命名“${WORK_PLAN.title}”` }));
    const input = screen.getByRole('textbox', { name: `“${WORK_PLAN.title}”的新名称` });
    fireEvent.change(input, { target: { value: '我的名称' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '继续编辑' }));
    const again = await screen.findByRole('textbox', { name: '“另一个窗口的名称”的新名称' });
    expect((again as HTMLInputElement).value).toBe('我的名称');
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(await screen.findByRole('button', { name: '另一个窗口的名称' })).toBeTruthy();
    expect(callsOf(fake, 'library.update')).toHaveLength(1);
  });

  it('says so when the library is empty, in Chinese and in English, with the way to import', async () => {
    renderLibrary(createFakeLibrary([]));
    expect(await screen.findByRole('heading', { name: '计划库暂无计划' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '导入计划…' }).length).toBeGreaterThan(0);
    resetApp();
    atAddress('#/library');
    renderLibrary(createFakeLibrary([]), 'en');
    expect(await screen.findByRole('heading', { name: 'Your library has no plans yet' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Import plan…' }).length).toBeGreaterThan(0);
    expect(screen.getByText('The Trash is empty')).toBeTruthy();
  });
});
