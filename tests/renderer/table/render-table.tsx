// Renders the initiative table on its own (as App mounts it at #/table) against the fake table
// backend, inside i18next and a fresh selection store; plus small queries the tests share.
import { act, fireEvent, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { Suspense, type ReactNode } from 'react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { expect, vi } from 'vitest';
import type { TableQuery } from '../../../shared/domain/table';
import type { PlanTranslation } from '../../../shared/domain/translation';
import { createClientFromBridge } from '../../../renderer/src/api/client';
import { createQueryClient } from '../../../renderer/src/api/query-client';
import { settingQueryKey } from '../../../renderer/src/load-start';
import type { ReadingMode } from '../../../renderer/src/features/feature-props';
import { InitiativeTable } from '../../../renderer/src/features/table/InitiativeTable';
import {
  TableSelectionProvider,
  createTableSelectionStore,
  type TableSelectionStore,
} from '../../../renderer/src/features/table/selection-store';
import type { Language } from '../../../renderer/src/i18n/catalogue';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { PLAN_ID } from '../plan-fixture';
import { createFakeTable, type FakeTable } from './fake-table';

export interface RenderTableOptions {
  fake?: FakeTable;
  language?: Language;
  i18n?: I18n;
  readingMode?: ReadingMode;
  translation?: PlanTranslation | null;
  /** The table's stored state as the start data put it in the query cache (load-start.ts): the
   *  table then renders its grid in its first render, asking for nothing first. */
  startTableState?: string | null;
  /** Something rendered after the table in the Suspense boundary around it: a sibling that
   *  suspends sets the table's first render aside, and React renders it again from scratch. */
  after?: ReactNode;
}

export function renderTable(options: RenderTableOptions = {}) {
  const fake = options.fake ?? createFakeTable();
  const i18n = options.i18n ?? createI18n(options.language ?? 'zh');
  const selection: TableSelectionStore = createTableSelectionStore();
  const onOpenInitiative = vi.fn();
  const queryClient = createQueryClient();
  if (options.startTableState !== undefined) queryClient.setQueryData(settingQueryKey('ui.tableState'), options.startTableState);
  const result = render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider i18n={i18n}>
        <TableSelectionProvider store={selection}>
          <Suspense fallback={<p>suspended</p>}>
            <InitiativeTable
              client={createClientFromBridge(fake.bridge)}
              planId={PLAN_ID}
              readingMode={options.readingMode ?? 'zh'}
              translation={options.translation ?? null}
              onOpenInitiative={onOpenInitiative}
            />
            {options.after}
          </Suspense>
        </TableSelectionProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { fake, i18n, selection, onOpenInitiative, queryClient, ...result };
}

export function resetTable(): void {
  cleanup();
}

export const grid = () => screen.getByRole('grid');

/** Waits until the grid shows `count` data rows (placeholders and group headers excluded). */
export async function rowsShown(count: number): Promise<HTMLElement[]> {
  // The first render of a file also loads its modules: give a busy machine time.
  await waitFor(() => expect(dataRows()).toHaveLength(count));
  // Whole rows, as a reader first reaches them: the first rows' cells right of the window come
  // a frame after the rows (TableGrid's cellsShown), and the grid is busy until then.
  await waitFor(() => expect(grid().getAttribute('aria-busy')).toBeNull());
  return dataRows();
}

export function dataRows(): HTMLElement[] {
  return screen.queryAllByRole('row').filter((r) => r.classList.contains('itable-data-row'));
}

/** Short ids (T1·I1…) of the data rows in display order. */
export function shownIds(): string[] {
  return dataRows().map((r) => within(r).getByText(/^T\d·I\d$/).textContent ?? '');
}

export function headerLabels(): string[] {
  return within(grid())
    .getAllByRole('columnheader')
    .slice(1)
    .map((h) => h.querySelector('.itable-th-label')?.textContent ?? '');
}

export function header(name: string): HTMLElement {
  const found = within(grid())
    .getAllByRole('columnheader')
    .find((h) => h.querySelector('.itable-th-label')?.textContent === name);
  if (!found) throw new Error(`no column header ${name}; have ${headerLabels().join(', ')}`);
  return found;
}

export function lastQuery(fake: FakeTable): TableQuery {
  const all = fake.queries();
  const last = all[all.length - 1];
  if (!last) throw new Error('no table.query was sent');
  return last;
}

export function rowOf(shortId: string): HTMLElement {
  const row = dataRows().find((r) => within(r).queryByText(shortId));
  if (!row) throw new Error(`no row ${shortId}`);
  return row;
}

/** The sort button in a column header. */
export function sortButton(name: string): HTMLElement {
  const button = header(name).querySelector<HTMLElement>('.itable-sort');
  if (!button) throw new Error(`column ${name} has no sort button`);
  return button;
}

/**
 * The editor of one cell (column id) of a row. Editors are lazy: a light button stands in until
 * the edit starts (here: the cell focused, then Enter), then the real control mounts and takes
 * the focus.
 */
export function editor<T extends HTMLElement = HTMLInputElement>(shortId: string, column: string): T {
  const control = () => rowOf(shortId).querySelector<T>(`[data-col="${column}"] input:not([type="checkbox"]), [data-col="${column}"] select`);
  const mounted = control();
  if (mounted) return mounted;
  const button = rowOf(shortId).querySelector<HTMLButtonElement>(`[data-col="${column}"] .itable-display`);
  if (!button) throw new Error(`no editor in column ${column} of ${shortId}`);
  act(() => button.focus());
  fireEvent.keyDown(button, { key: 'Enter' });
  const found = control();
  if (!found) throw new Error(`the editor in column ${column} of ${shortId} did not open`);
  return found;
}
