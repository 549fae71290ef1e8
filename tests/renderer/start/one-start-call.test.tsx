// What the app asks its host for before its first screens: one app.start call (the plans, every
// saved choice, the current plan's outline), not a row of settings reads nor a list, then the
// settings, then the outline; and a table opened at start takes its stored state from that call,
// so nothing stands between opening it and its first rows' query — not on a later open either
// (the plan list, for the scope choice, is asked for after the first rows).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultViewState, storedTableJson } from '../../../renderer/src/features/table/view-state';
import { createFakeBridge } from '../fake-bridge';
import { atAddress, renderApp, resetApp } from '../render-app';
import { createFakeTable } from '../table/fake-table';
import { rowsShown } from '../table/render-table';

beforeEach(() => atAddress());
afterEach(resetApp);

const START_READS = ['settings.get', 'settings.getAll', 'plan.list', 'plan.get'];

describe('the start', { timeout: 20_000 }, () => {
  it('draws the overview’s five themes after one app.start call and no other read of plans or settings', async () => {
    const fake = createFakeBridge({}, { 'ui.theme': 'dark', 'ui.readingSize': '4' });
    renderApp({ fake });
    await waitFor(() => expect(document.querySelectorAll('.theme-card')).toHaveLength(5), { timeout: 5000 });
    const methods = fake.calls.map((c) => c.method);
    expect(methods.filter((m) => m === 'app.start')).toHaveLength(1);
    expect(methods.filter((m) => START_READS.includes(m))).toEqual([]);
    // And the saved choices it brought are applied.
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(screen.getByRole('main').dataset.readingSize).toBe('4');
  });

  it('opens the table on its stored state with no call before its first query, and again after leaving it', async () => {
    atAddress('#/table');
    const stored = storedTableJson({ state: { ...defaultViewState(), sort: [{ column: 'headline', desc: true }] }, scope: 'plan' });
    const fake = createFakeTable({}, { 'ui.tableState': stored });
    renderApp({ fake });
    await rowsShown(15);
    // Nothing read before the first rows' query (the plan count, for the scope choice, after it).
    const methods = fake.calls.map((c) => c.method);
    expect(methods.slice(0, methods.indexOf('table.query')).filter((m) => START_READS.includes(m))).toEqual([]);
    expect(fake.queries()[0]!.sort).toEqual([{ column: 'headline', desc: true }]);

    // Changed, left and opened again: the table comes back as the reader left it, from the page's
    // own record of what it wrote, without asking.
    fireEvent.change(screen.getByRole('combobox', { name: '分组' }), { target: { value: 'theme' } });
    await waitFor(() => expect(JSON.parse(fake.settings.get('ui.tableState') ?? '{}')).toMatchObject({ groupBy: 'theme' }), {
      timeout: 5000,
    });
    window.location.hash = '#/';
    await waitFor(() => expect(document.querySelectorAll('.theme-card')).toHaveLength(5), { timeout: 5000 });
    const before = fake.queries().length;
    window.location.hash = '#/table';
    await waitFor(() => expect(fake.queries().length).toBeGreaterThan(before), { timeout: 5000 });
    expect(fake.queries()[before]!.groupBy).toBe('theme');
    expect(fake.calls.filter((c) => c.method === 'settings.get')).toEqual([]);
  });
});
