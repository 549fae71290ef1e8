// The conflict dialog, in the real initiative table over a fake core that checks revisions as
// the real one does: another window stores a value first, the reader's save is refused as
// stale, and the dialog shows both values and lets the reader choose. Nothing is saved over
// theirs unless the reader says so.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';
import type { FakeTable } from '../table/fake-table';
import { editor, renderTable, resetTable, rowsShown } from '../table/render-table';

beforeAll(installDialogPolyfill);
afterEach(resetTable);

const ID = 'hz-2024/T2/I2';

/** Another window saves a lead unit on T2·I2 (revision 0 → 1) after this one loaded the row. */
function storedElsewhere(fake: FakeTable, patch: { leadUnit?: string | null } = {}): void {
  // A new object, as a real core's answer would be: the table's loaded copy stays as it was.
  const at = fake.rows.findIndex((r) => r.id === ID);
  fake.rows[at] = { ...fake.rows[at]!, ...patch, revision: fake.rows[at]!.revision + 1 };
}

async function typeAndSave(value: string): Promise<HTMLElement> {
  const input = editor('T2·I2', 'leadUnit');
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
  return screen.findByRole('alertdialog');
}

const updates = (fake: FakeTable) => fake.calls.filter((c) => c.method === 'initiative.update').map((c) => c.args);

describe('conflict dialog (table edits)', { timeout: 20_000 }, () => {
  it('shows theirs and mine when a save is refused as stale, and stores nothing', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    storedElsewhere(fake, { leadUnit: '市发改委' });
    const dialog = await typeAndSave('市科技局');
    expect(within(dialog).getByRole('heading', { name: '此内容已在别处修改' })).toBeTruthy();
    expect(dialog.textContent).toContain('T2·I2 牵头单位');
    expect(within(dialog).getByRole('region', { name: '已保存的版本' }).textContent).toContain('市发改委');
    expect(within(dialog).getByRole('region', { name: '您的版本' }).textContent).toContain('市科技局');
    expect(fake.rows.find((r) => r.id === ID)!.leadUnit).toBe('市发改委');
    expect(updates(fake)).toEqual([{ initiativeId: ID, baseRevision: 0, patch: { leadUnit: '市科技局' } }]);
    // The cell keeps what the reader typed, marked.
    const cell = editor('T2·I2', 'leadUnit').closest('[data-phase]')!;
    expect(cell.getAttribute('data-phase')).toBe('conflict');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
  });

  it('“Overwrite with mine” saves again on the revision it was shown', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    storedElsewhere(fake, { leadUnit: '市发改委' });
    const dialog = await typeAndSave('市科技局');
    fireEvent.click(within(dialog).getByRole('button', { name: '用我的版本覆盖' }));
    await waitFor(() => expect(fake.rows.find((r) => r.id === ID)!.leadUnit).toBe('市科技局'));
    expect(updates(fake).at(-1)).toEqual({ initiativeId: ID, baseRevision: 1, patch: { leadUnit: '市科技局' } });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('“Keep the saved version” drops my edit and shows theirs', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    storedElsewhere(fake, { leadUnit: '市发改委' });
    const dialog = await typeAndSave('市科技局');
    fireEvent.click(within(dialog).getByRole('button', { name: '保留已保存的版本' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(screen.getAllByText('市发改委').length).toBeGreaterThan(0));
    expect(updates(fake)).toHaveLength(1);
    expect(fake.rows.find((r) => r.id === ID)!.leadUnit).toBe('市发改委');
  });

  it('“Keep editing” (or Escape) keeps my text in the cell, now on top of theirs', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    storedElsewhere(fake, { leadUnit: '市发改委' });
    const dialog = await typeAndSave('市科技局');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const input = editor('T2·I2', 'leadUnit');
    expect(input.value).toBe('市科技局');
    fireEvent.change(input, { target: { value: '市科技局、市发改委' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(fake.rows.find((r) => r.id === ID)!.leadUnit).toBe('市科技局、市发改委'));
    expect(updates(fake).at(-1)).toMatchObject({ baseRevision: 1 });
  });

  it('speaks English in the English UI, and shows an empty value as such', async () => {
    const { fake } = renderTable({ language: 'en' });
    await rowsShown(15);
    storedElsewhere(fake); // changed elsewhere (another field), lead unit still empty
    const dialog = await typeAndSave('City S&T Bureau');
    expect(within(dialog).getByRole('heading', { name: 'This was changed elsewhere' })).toBeTruthy();
    expect(within(dialog).getByRole('region', { name: 'Saved version' }).textContent).toContain('(empty)');
    expect(within(dialog).getByRole('button', { name: 'Overwrite with mine' })).toBeTruthy();
  });
});
