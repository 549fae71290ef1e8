// Editing the reader's fields in place: saved through initiative.update, marked saved only after
// the call resolves, and on failure the typed text stays with the error shown.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../fake-bridge';
import { createFakeTable, type FakeTable } from './fake-table';
import { editor, renderTable, resetTable, rowOf, rowsShown } from './render-table';

afterEach(resetTable);

function updates(fake: ReturnType<typeof createFakeTable>) {
  return fake.calls.filter((c) => c.method === 'initiative.update').map((c) => c.args);
}

/** A row's button named so (a cell at rest is its button, named by its label and value). */
function button(shortId: string, name: string): HTMLElement {
  return within(rowOf(shortId)).getByRole('button', { name });
}

/** A promise the test resolves by hand, to look at the table while a save is in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('initiative table: editing', () => {
  it('changes a status through initiative.update and shows the saved value', async () => {
    const gate = deferred<void>();
    const fake: FakeTable = createFakeTable({
      'initiative.update': async ({ initiativeId, patch }) => {
        await gate.promise;
        const row = fake.rows.find((r) => r.id === initiativeId)!;
        Object.assign(row, patch, { touchedAt: '2024-06-01T08:00:00.000Z' });
        return ok({ ...row });
      },
    });
    renderTable({ fake });
    await rowsShown(15);
    const select = editor<HTMLSelectElement>('T4·I2', 'status');
    expect(select.getAttribute('aria-label')).toBe('状态（T4·I2）');
    expect(document.activeElement).toBe(select);
    expect(select.value).toBe('');
    // From the keyboard the choice is a draft until Enter (Escape would drop it).
    fireEvent.change(select, { target: { value: 'done' } });
    expect(updates(fake)).toEqual([]);
    fireEvent.keyDown(select, { key: 'Enter' });
    expect(updates(fake)).toEqual([{ initiativeId: 'hz-2024/T4/I2', baseRevision: 0, patch: { status: 'done' } }]);
    // Enter ends the edit: the focus is back on the cell, which shows the choice as saving.
    const cell = rowOf('T4·I2').querySelector('[data-col="status"] .itable-edit')!;
    expect(cell.getAttribute('data-phase')).toBe('saving');
    expect(cell.getAttribute('aria-busy')).toBe('true');
    expect(document.activeElement).toBe(cell);
    expect(cell).toBe(button('T4·I2', '状态（T4·I2） 已完成'));
    expect(cell.textContent).toBe('已完成');
    gate.resolve();
    await waitFor(() => expect(cell.getAttribute('data-phase')).toBe('saved'));
    const saved = editor<HTMLSelectElement>('T4·I2', 'status');
    expect(saved.value).toBe('done');
    expect(saved.selectedOptions[0]!.textContent).toBe('已完成');
    expect(saved.getAttribute('data-tone')).toBe('done');
  });

  it('offers the configured statuses with their labels in the UI language', async () => {
    const fake = createFakeTable({
      'status.options': async () => ({
        ok: true,
        value: {
          options: [
            { key: 'todo', label: { zh: '待办', en: 'To do' } },
            { key: 'blocked', label: { zh: '受阻', en: 'Blocked' } },
          ],
          revision: 1,
        },
      }),
    });
    renderTable({ fake, language: 'en' });
    await rowsShown(15);
    const select = editor<HTMLSelectElement>('T4·I2', 'status');
    expect(select.getAttribute('aria-label')).toBe('Status (T4·I2)');
    await waitFor(() => expect([...select.options].map((o) => o.textContent)).toEqual(['Not set', 'To do', 'Blocked']));
    // A row whose status is no longer configured still shows its key rather than losing it.
    const other = editor<HTMLSelectElement>('T1·I1', 'status');
    expect(other.value).toBe('in_progress');
  });

  it('saves a text field on Enter, and Escape puts back the stored text', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    const input = editor('T2·I2', 'leadUnit');
    expect(input.getAttribute('aria-label')).toBe('牵头单位（T2·I2）');
    fireEvent.change(input, { target: { value: '市委组织部' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    // Escape leaves the editor, the focus back on the cell, with the stored (empty) text.
    const cell = () => rowOf('T2·I2').querySelector<HTMLElement>('[data-col="leadUnit"] .itable-edit')!;
    expect(cell().querySelector('input')).toBeNull();
    expect(document.activeElement).toBe(cell());
    expect(cell()).toBe(button('T2·I2', '牵头单位（T2·I2）'));
    expect(cell().textContent).toBe('');
    expect(updates(fake)).toEqual([]);
    const again = editor('T2·I2', 'leadUnit');
    expect(again.value).toBe('');
    fireEvent.change(again, { target: { value: '  市科技局 ' } });
    fireEvent.keyDown(again, { key: 'Enter' });
    // Leaving the field after Enter does not save it a second time.
    fireEvent.blur(again);
    await waitFor(() => expect(fake.rows.find((r) => r.id === 'hz-2024/T2/I2')?.leadUnit).toBe('市科技局'));
    expect(updates(fake)).toEqual([{ initiativeId: 'hz-2024/T2/I2', baseRevision: 0, patch: { leadUnit: '市科技局' } }]);
    await waitFor(() => expect(cell()).toBe(button('T2·I2', '牵头单位（T2·I2） 市科技局')));
  });

  it('saves when focus leaves a text field, and clearing it stores null', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    const input = editor('T3·I3', 'progressNote');
    expect(input.value).toBe('已列入年度重点');
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.blur(input);
    await waitFor(() => expect(updates(fake)).toEqual([{ initiativeId: 'hz-2024/T3/I3', baseRevision: 1, patch: { progressNote: null } }]));
  });

  it('keeps what the reader typed, marks the field and says why, when a save fails', async () => {
    const message = 'The database is locked; nothing was changed.';
    const fake = createFakeTable({ 'initiative.update': async () => fail('INTERNAL', message) });
    renderTable({ fake });
    await rowsShown(15);
    const input = editor('T2·I3', 'leadUnit');
    fireEvent.change(input, { target: { value: '市建委' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const alert = await screen.findByRole('alert');
    // The refused text comes back in its editor, which stays open until saved or cancelled.
    const refused = () => rowOf('T2·I3').querySelector<HTMLInputElement>('[data-col="leadUnit"] input')!;
    await waitFor(() => expect(refused()).toBeTruthy());
    expect(alert.textContent).toContain(`无法保存 T2·I3 的牵头单位：${message}`);
    expect(alert.textContent).toContain('您输入的内容仍保留在表格中。');
    expect(refused().value).toBe('市建委');
    const cell = refused().closest('.itable-edit')!;
    expect(cell.getAttribute('data-phase')).toBe('error');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(cell.getAttribute('title')).toBe(message);
    // Blurring does not resend the refused value; Enter tries again.
    fireEvent.blur(refused());
    expect(updates(fake)).toHaveLength(1);
    fireEvent.keyDown(refused(), { key: 'Enter' });
    await waitFor(() => expect(updates(fake)).toHaveLength(2));
    await waitFor(() => expect(refused().value).toBe('市建委'));
  });

  it('keeps a failed edit when every row re-renders from a new query (edits live above the rows)', async () => {
    const message = 'disk full';
    const fake = createFakeTable({ 'initiative.update': async () => fail('INTERNAL', message) });
    renderTable({ fake });
    await rowsShown(15);
    const input = editor('T1·I3', 'leadUnit');
    fireEvent.change(input, { target: { value: '市财政局' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findByRole('alert');
    // Sorting re-renders every row from new data; the failed edit is still shown.
    fireEvent.click(rowOf('T1·I1').ownerDocument.querySelector<HTMLElement>('[data-col="theme"] .itable-sort')!);
    await waitFor(() => expect(fake.queries().length).toBeGreaterThan(1));
    await rowsShown(15);
    // The failed edit keeps its control open, with the text.
    const again = rowOf('T1·I3').querySelector<HTMLInputElement>('[data-col="leadUnit"] input')!;
    expect(again.value).toBe('市财政局');
    expect(again.closest('.itable-edit')!.getAttribute('data-phase')).toBe('error');
  });

  it('sets a priority and a deadline', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    fireEvent.change(editor('T5·I3', 'priority'), { target: { value: 'medium' } });
    const date = editor('T5·I3', 'deadline');
    // Typed in the interface's format (年-月-日), not the browser's mm/dd/yyyy date input.
    expect(date.type).toBe('text');
    expect(date.placeholder).toBe('年-月-日');
    expect(date.getAttribute('aria-label')).toBe('完成时限（T5·I3）');
    fireEvent.change(date, { target: { value: '2025年3月31日' } });
    fireEvent.blur(date);
    await waitFor(() =>
      expect(updates(fake)).toEqual([
        // The second save waits for the first and names the revision it left.
        { initiativeId: 'hz-2024/T5/I3', baseRevision: 0, patch: { priority: 'medium' } },
        { initiativeId: 'hz-2024/T5/I3', baseRevision: 1, patch: { deadline: '2025-03-31' } },
      ]),
    );
  });

  it('adds and removes tags with the chip editor', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    const add = editor('T1·I1', 'tags');
    expect(add.getAttribute('aria-label')).toBe('添加标签（T1·I1）');
    fireEvent.change(add, { target: { value: '重点' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    await waitFor(() => expect(fake.rows.find((r) => r.id === 'hz-2024/T1/I1')?.tags).toEqual(['营商环境', '重点']));
    await waitFor(() => expect(within(rowOf('T1·I1')).getByText('重点')).toBeTruthy());
    fireEvent.click(within(rowOf('T1·I1')).getByRole('button', { name: '移除标签 营商环境（T1·I1）' }));
    await waitFor(() => expect(fake.rows.find((r) => r.id === 'hz-2024/T1/I1')?.tags).toEqual(['重点']));
    expect(updates(fake)).toEqual([
      { initiativeId: 'hz-2024/T1/I1', baseRevision: 1, patch: { tags: ['营商环境', '重点'] } },
      { initiativeId: 'hz-2024/T1/I1', baseRevision: 2, patch: { tags: ['重点'] } },
    ]);
  });

  it('refreshes facet counts after an edit (a new tag can be filtered on at once)', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    const add = editor('T4·I3', 'tags');
    fireEvent.change(add, { target: { value: '绿色' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    await waitFor(() => expect(fake.rows.find((r) => r.id === 'hz-2024/T4/I3')?.tags).toEqual(['绿色']));
    await waitFor(() => expect(fake.queries().length).toBeGreaterThan(1));
    fireEvent.click(screen.getByRole('button', { name: '筛选：标签' }));
    const panel = screen.getByRole('dialog', { name: '筛选：标签' });
    await waitFor(() => expect(within(panel).getByRole('checkbox', { name: /^绿色/ })).toBeTruthy());
    fireEvent.click(within(panel).getByRole('checkbox', { name: /^绿色/ }));
    await rowsShown(1);
  });

  it('mounts a control only when a cell is used (rows stay light to scroll), and keeps it while an edit is unsaved', async () => {
    const fake = createFakeTable({ 'initiative.update': async () => fail('INTERNAL', 'busy') });
    renderTable({ fake });
    await rowsShown(15);
    const row = rowOf('T2·I2');
    expect(row.querySelectorAll('select, input:not([type="checkbox"])')).toHaveLength(0);
    const lead = row.querySelector<HTMLButtonElement>('[data-col="leadUnit"] .itable-display')!;
    expect(lead).toBe(button('T2·I2', '牵头单位（T2·I2）'));
    // Focus (a click, Tab) selects the cell without editing it; a double-click starts the edit.
    act(() => lead.focus());
    expect(row.querySelector('[data-col="leadUnit"] input')).toBeNull();
    fireEvent.doubleClick(lead);
    const input = row.querySelector<HTMLInputElement>('[data-col="leadUnit"] input')!;
    expect(input.getAttribute('aria-label')).toBe('牵头单位（T2·I2）');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(row.querySelector('[data-col="leadUnit"] input')).toBeNull();
    // Typed but not saved: the control stays after focus leaves, and so does the text.
    const typed = editor('T2·I2', 'leadUnit');
    fireEvent.change(typed, { target: { value: '区政府' } });
    act(() => typed.blur());
    await screen.findByRole('alert');
    expect(rowOf('T2·I2').querySelector<HTMLInputElement>('[data-col="leadUnit"] input')?.value).toBe('区政府');
    // Another cell that was only looked at closes again.
    const status = editor('T2·I2', 'status');
    act(() => status.blur());
    expect(rowOf('T2·I2').querySelector('[data-col="status"] select')).toBeNull();
    expect(rowOf('T2·I2').querySelector('[data-col="status"] .itable-display')).toBe(button('T2·I2', '状态（T2·I2） 未设置'));
  });

  it('keeps each editable cell at rest to one button holding the value, and edits it from the keyboard', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    // A cell at rest is its button and the value's one element (it was a wrapper, the button, a
    // hidden label and the value): rows mount by the dozen on the first paint and every scroll.
    const rest = (col: string): HTMLButtonElement => {
      const cell = rowOf('T1·I1').querySelector<HTMLElement>(`[data-col="${col}"]`)!;
      // The tags' cell holds its chips and the add slot, the slot being the button.
      const button = col === 'tags' ? cell.querySelector<HTMLElement>('.itable-tag-slot')! : cell.firstElementChild!;
      if (col !== 'tags') expect(cell.children, col).toHaveLength(1);
      expect(button.tagName, col).toBe('BUTTON');
      expect(button.querySelectorAll('*'), col).toHaveLength(1);
      return button as HTMLButtonElement;
    };
    for (const col of ['status', 'priority', 'leadUnit', 'deadline', 'progressNote', 'tags']) rest(col);
    // From the keyboard: F2 on the selected cell mounts the editor; Enter saves and gives the
    // focus back to the cell, at rest again and named with the new value.
    const note = rest('progressNote');
    act(() => note.focus());
    fireEvent.keyDown(note, { key: 'F2' });
    const input = rowOf('T1·I1').querySelector<HTMLInputElement>('[data-col="progressNote"] input')!;
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: '已完成立项' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(document.activeElement).toBe(rest('progressNote'));
    await waitFor(() => expect(rest('progressNote').getAttribute('data-phase')).toBe('saved'));
    expect(updates(fake)).toEqual([expect.objectContaining({ initiativeId: 'hz-2024/T1/I1', patch: { progressNote: '已完成立项' } })]);
    expect(rest('progressNote')).toBe(button('T1·I1', '进展（T1·I1） 已完成立项'));
  });

  it('moves between rows of a text column with the arrow keys, like a spreadsheet', async () => {
    renderTable();
    await rowsShown(15);
    const first = editor('T1·I1', 'leadUnit');
    expect(first.value).toBe('市发改委');
    // From the editor and from a selected cell alike, to the same column's cell in the next row.
    const cellOf = (id: string) => rowOf(id).querySelector('[data-col="leadUnit"] .itable-display');
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(cellOf('T1·I2')));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(cellOf('T1·I3')));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(cellOf('T1·I2')));
  });

  it('never offers the plan text for editing', async () => {
    renderTable();
    await rowsShown(15);
    const row = rowOf('T3·I3');
    for (const col of ['shortId', 'theme', 'headline', 'industries', 'highlightCount', 'noteCount']) {
      expect(row.querySelector(`[data-col="${col}"] input, [data-col="${col}"] select, [data-col="${col}"] [contenteditable]`)).toBeNull();
    }
  });

  it('starts an edit by typing on the cell: the character begins the new text, Escape restores', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    const button = rowOf('T1·I1').querySelector<HTMLButtonElement>('[data-col="progressNote"] .itable-display')!;
    act(() => button.focus());
    fireEvent.keyDown(button, { key: '已' });
    const input = rowOf('T1·I1').querySelector<HTMLInputElement>('[data-col="progressNote"] input')!;
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('已');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(rowOf('T1·I1').querySelector('[data-col="progressNote"] input')).toBeNull();
    expect(updates(fake)).toEqual([]);
    // Shortcuts are not typing.
    const again = rowOf('T1·I1').querySelector<HTMLButtonElement>('[data-col="progressNote"] .itable-display')!;
    fireEvent.keyDown(again, { key: 'c', ctrlKey: true });
    expect(rowOf('T1·I1').querySelector('[data-col="progressNote"] input')).toBeNull();
  });

  it('takes a deadline in the interface format, and keeps an unreadable one in the field, marked', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    const date = editor('T2·I1', 'deadline');
    fireEvent.change(date, { target: { value: '05/06/2025' } });
    fireEvent.keyDown(date, { key: 'Enter' });
    const field = rowOf('T2·I1').querySelector<HTMLInputElement>('[data-col="deadline"] input')!;
    expect(field.value).toBe('05/06/2025');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.title).toBe('“05/06/2025”不是有效日期，请按 年-月-日 填写，例如 2024-05-11。');
    expect(updates(fake)).toEqual([]);
    fireEvent.change(field, { target: { value: '2025-6-5' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(updates(fake)).toEqual([{ initiativeId: 'hz-2024/T2/I1', baseRevision: 1, patch: { deadline: '2025-06-05' } }]));
    await waitFor(() => expect(rowOf('T2·I1').querySelector('[data-col="deadline"] .itable-display')).toBe(button('T2·I1', '完成时限（T2·I1） 2025-06-05')));
  });
});
