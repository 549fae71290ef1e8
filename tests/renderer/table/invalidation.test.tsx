// The table and the dashboard answer the query cache like every other view: another feature's
// write that invalidates ['table'] (the annotations' save, a library change) refetches the rows
// in view and an open filter's counts, without blanking them; ['dashboard'] refetches the
// dashboard. A save in the table invalidates exactly what it changes: that initiative, the
// table, the dashboard, the tags in use.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDashboard } from '../dashboard/render-dashboard';
import { ok } from '../fake-bridge';
import { createFakeTable, type FakeTable } from './fake-table';
import { dataRows, editor, header, renderTable, resetTable, rowsShown, shownIds } from './render-table';

afterEach(() => {
  resetTable();
  vi.restoreAllMocks();
});

const callsOf = (fake: { calls: { method: string }[] }, method: string) => fake.calls.filter((c) => c.method === method).length;

describe('the table and the query cache', () => {
  it('refetches the rows in view when ["table"] is invalidated, keeping them on screen meanwhile', async () => {
    const fake = createFakeTable();
    const { queryClient } = renderTable({ fake });
    await rowsShown(15);
    const before = callsOf(fake, 'table.query');
    // Another window's write changed a value the table shows.
    const at = fake.rows.findIndex((r) => r.shortId === 'T1·I1');
    fake.rows[at] = { ...fake.rows[at]!, tags: ['别处加的标签'] };
    let invalidated!: Promise<void>;
    act(() => {
      invalidated = queryClient.invalidateQueries({ queryKey: ['table'] });
    });
    // No blink to placeholders while the refetch runs.
    expect(dataRows()).toHaveLength(15);
    await act(() => invalidated);
    await waitFor(() => expect(callsOf(fake, 'table.query')).toBeGreaterThan(before));
    await screen.findByText('别处加的标签');
    expect(shownIds()).toHaveLength(15);
  });

  it('refetches an open filter’s counts when ["table"] is invalidated', async () => {
    const fake = createFakeTable();
    const { queryClient } = renderTable({ fake });
    await rowsShown(15);
    fireEvent.click(within(header('状态')).getByRole('button', { name: '筛选：状态' }));
    const panel = screen.getByRole('dialog', { name: '筛选：状态' });
    await within(panel).findAllByRole('checkbox');
    expect(callsOf(fake, 'table.facets')).toBe(1);
    await act(() => queryClient.invalidateQueries({ queryKey: ['table'] }));
    await waitFor(() => expect(callsOf(fake, 'table.facets')).toBe(2));
    expect(within(panel).getAllByRole('checkbox').length).toBeGreaterThan(0);
  });

  it('a save in the table invalidates that initiative, the table, the dashboard and the tags', async () => {
    const fake: FakeTable = createFakeTable({
      'initiative.update': async ({ initiativeId, patch }) => {
        const row = fake.rows.find((r) => r.id === initiativeId)!;
        Object.assign(row, patch);
        return ok({ ...row });
      },
    });
    const { queryClient } = renderTable({ fake });
    await rowsShown(15);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const before = callsOf(fake, 'table.query');
    const select = editor<HTMLSelectElement>('T4·I2', 'status');
    fireEvent.change(select, { target: { value: 'done' } });
    fireEvent.keyDown(select, { key: 'Enter' });
    await waitFor(() => expect(invalidate).toHaveBeenCalled());
    const keys = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys).toEqual([['initiative', 'hz-2024/T4/I2'], ['table'], ['dashboard'], ['tags']]);
    // The rows in view were asked again (the row may sort or filter differently now)…
    await waitFor(() => expect(callsOf(fake, 'table.query')).toBeGreaterThan(before));
    // …and so were the tags in use (the tag editors' suggestions).
    await waitFor(() => expect(callsOf(fake, 'tags.list')).toBeGreaterThanOrEqual(2));
  });
});

describe('the dashboard and the query cache', () => {
  it('refetches when ["dashboard"] is invalidated, with the figures still drawn meanwhile', async () => {
    const { fake, queryClient } = renderDashboard();
    await screen.findByRole('heading', { level: 2, name: '计划仪表盘' });
    expect(callsOf(fake, 'dashboard.get')).toBe(1);
    let invalidated!: Promise<void>;
    act(() => {
      invalidated = queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    });
    expect(screen.getByRole('heading', { level: 2, name: '计划仪表盘' })).toBeTruthy();
    await act(() => invalidated);
    await waitFor(() => expect(callsOf(fake, 'dashboard.get')).toBe(2));
    // Another feature's prefix leaves it alone.
    await act(() => queryClient.invalidateQueries({ queryKey: ['annotations'] }));
    expect(callsOf(fake, 'dashboard.get')).toBe(2);
  });
});
