// The table's first page asked for at the page's start (features/table/first-page.ts): the
// table adopts it instead of asking again, for the stored state it opens on (search, text
// filters, scope), and never for another query or a later open.
import { act, waitFor } from '@testing-library/react';
import { lazy } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TableViewState } from '../../../shared/domain/table';
import { createClientFromBridge } from '../../../renderer/src/api/client';
import { firstPageArgs, prefetchFirstPage } from '../../../renderer/src/features/table/first-page';
import { FIRST_QUERY_STORAGE_KEY, sendRememberedFirstPage } from '../../../renderer/src/features/table/first-query';
import { defaultViewState, queryOf, sentQuery } from '../../../renderer/src/features/table/view-state';
import { PLAN_ID } from '../plan-fixture';
import { createFakeTable, runQuery } from './fake-table';
import { renderTable, resetTable, rowsShown } from './render-table';

afterEach(() => {
  resetTable();
  localStorage.clear();
});

// A stored state whose query has every part the key is made of: a search, a text filter
// beside a facet filter, a sort, and every plan in scope.
const STATE: TableViewState = {
  ...defaultViewState(),
  sort: [{ column: 'deadline', desc: true }],
  search: '  产业 ',
  filters: { text: { headline: '产业' }, statuses: [null, 'in_progress', 'not_started'] },
};

describe('initiative table: the first page asked for at the start', () => {
  it('is adopted by the table for the stored state it opens on: one table.query in all', async () => {
    const stored = JSON.stringify({ ...STATE, scope: 'all' });
    const fake = createFakeTable({}, { 'ui.tableState': stored }, { secondPlan: true });
    prefetchFirstPage(createClientFromBridge(fake.bridge), stored, PLAN_ID);
    expect(fake.queries()).toHaveLength(1);
    // The stored state's query, every plan's rows.
    expect(fake.queries()[0]).toMatchObject({ search: '产业', filters: STATE.filters, sort: STATE.sort });
    expect(fake.queries()[0]).not.toHaveProperty('planId');
    const expected = runQuery(fake.rows, fake.queries()[0]!).rows.length;
    expect(expected).toBeGreaterThan(0);
    renderTable({ fake });
    await rowsShown(expected);
    expect(fake.queries()).toHaveLength(1);
  });

  it('is adopted even when React sets the table\'s first render aside and renders it again', async () => {
    const stored = JSON.stringify({ ...STATE, scope: 'all' });
    const fake = createFakeTable({}, { 'ui.tableState': stored }, { secondPlan: true });
    prefetchFirstPage(createClientFromBridge(fake.bridge), stored, PLAN_ID);
    const expected = runQuery(fake.rows, fake.queries()[0]!).rows.length;
    // A sibling after the table suspends in the first render (as a concurrent render is
    // interrupted and started again): that render of the table, its query caches included, is
    // thrown away, and the table mounts afresh once the sibling is ready.
    let release: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (release = resolve));
    const Sibling = lazy(() => ready.then(() => ({ default: () => null })));
    renderTable({ fake, startTableState: stored, after: <Sibling /> });
    await act(async () => release());
    await rowsShown(expected);
    expect(fake.queries()).toHaveLength(1);
  });

  it('is not taken for another query, nor by a later open of the table', async () => {
    const stored = JSON.stringify({ ...STATE, scope: 'all' });
    const fake = createFakeTable({}, { 'ui.tableState': stored }, { secondPlan: true });
    // Asked for the default state: not the stored one the table opens on.
    prefetchFirstPage(createClientFromBridge(fake.bridge), null, PLAN_ID);
    renderTable({ fake });
    await waitFor(() => expect(fake.queries()).toHaveLength(2));
    expect(fake.queries()[1]).toMatchObject({ search: '产业', filters: STATE.filters, sort: STATE.sort });
    expect(fake.queries()[1]).not.toHaveProperty('planId');
    const expected = runQuery(fake.rows, fake.queries()[1]!).rows.length;
    expect(expected).toBeGreaterThan(0);
    await rowsShown(expected);
    resetTable();
    // A prefetch of the right query, then a first open that takes nothing (another query), then
    // an open of the right one: it asks afresh rather than show rows from the start.
    const again = createFakeTable({}, { 'ui.tableState': stored }, { secondPlan: true });
    prefetchFirstPage(createClientFromBridge(again.bridge), stored, PLAN_ID);
    renderTable({ fake: createFakeTable() });
    await rowsShown(15);
    resetTable();
    renderTable({ fake: again });
    await rowsShown(runQuery(again.rows, again.queries()[0]!).rows.length);
    expect(again.queries()).toHaveLength(2);
  });
});

describe('initiative table: the first page sent by the first script, as the table showed it last', () => {
  const stored = JSON.stringify({ ...STATE, scope: 'all' });
  /** The first-page call of the stored state's query, as the table sends it. */
  const storedArgs = () => {
    const base = queryOf(STATE, PLAN_ID, 'all');
    return JSON.stringify(firstPageArgs(sentQuery(base, base.search, base.filters.text ?? null).query));
  };

  it('remembers the first-page call of the query it shows', async () => {
    const fake = createFakeTable({}, { 'ui.tableState': stored }, { secondPlan: true });
    renderTable({ fake, startTableState: stored });
    await rowsShown(runQuery(fake.rows, fake.queries()[0]!).rows.length);
    expect(localStorage.getItem(FIRST_QUERY_STORAGE_KEY)).toBe(storedArgs());
  });

  it('is sent before the start data, and taken when the stored state makes the same call: one table.query in all', async () => {
    localStorage.setItem(FIRST_QUERY_STORAGE_KEY, storedArgs());
    const fake = createFakeTable({}, { 'ui.tableState': stored }, { secondPlan: true });
    const client = createClientFromBridge(fake.bridge);
    // The first script: no start data yet.
    sendRememberedFirstPage(client);
    expect(fake.queries()).toHaveLength(1);
    expect(JSON.stringify(fake.queries()[0])).toBe(storedArgs());
    // The start data are in: the same call, so no second one.
    prefetchFirstPage(client, stored, PLAN_ID);
    expect(fake.queries()).toHaveLength(1);
    const expected = runQuery(fake.rows, fake.queries()[0]!).rows.length;
    expect(expected).toBeGreaterThan(0);
    renderTable({ fake, startTableState: stored });
    await rowsShown(expected);
    expect(fake.queries()).toHaveLength(1);
  });

  it('is dropped when the stored state makes another call: the table shows the stored state\'s rows', async () => {
    // The table showed the default query last; the stored state (saved since, say by another
    // window) is another.
    const base = queryOf(defaultViewState(), PLAN_ID, 'all');
    localStorage.setItem(FIRST_QUERY_STORAGE_KEY, JSON.stringify(firstPageArgs(base)));
    const fake = createFakeTable({}, { 'ui.tableState': stored }, { secondPlan: true });
    const client = createClientFromBridge(fake.bridge);
    sendRememberedFirstPage(client);
    prefetchFirstPage(client, stored, PLAN_ID);
    expect(fake.queries()).toHaveLength(2);
    expect(JSON.stringify(fake.queries()[1])).toBe(storedArgs());
    const expected = runQuery(fake.rows, fake.queries()[1]!).rows.length;
    expect(expected).not.toBe(runQuery(fake.rows, fake.queries()[0]!).rows.length);
    renderTable({ fake, startTableState: stored });
    await rowsShown(expected);
    expect(fake.queries()).toHaveLength(2);
    // And the table now remembers the call it showed.
    expect(localStorage.getItem(FIRST_QUERY_STORAGE_KEY)).toBe(storedArgs());
  });

  it('sends nothing without a remembered call, or with one that is not JSON', () => {
    const fake = createFakeTable();
    sendRememberedFirstPage(createClientFromBridge(fake.bridge));
    localStorage.setItem(FIRST_QUERY_STORAGE_KEY, '{not json');
    sendRememberedFirstPage(createClientFromBridge(fake.bridge));
    expect(fake.queries()).toHaveLength(0);
  });
});
