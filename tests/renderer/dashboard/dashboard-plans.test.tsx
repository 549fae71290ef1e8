// The dashboard across plans, against a fake bridge: the header offers one plan or all plans
// only when the library has several; all plans asks dashboard.get without a plan, draws one bar
// per plan (data tables by plan, 计划一…), and names each deadline's plan; back to one plan
// asks for the open plan again.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dashboard } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { META, PLAN_ID } from '../plan-fixture';
import { DASHBOARD, OVERDUE, planTotals, THEMES, TODAY, UPCOMING } from './dashboard-fixture';
import { renderDashboard } from './render-dashboard';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

const OTHER_ID = 'p-anji';
const OTHER_TITLE = '安吉县绿色发展实施方案';
const OTHER = planTotals(OTHER_ID, OTHER_TITLE, [
  { ...THEMES[0]!, themeId: `${OTHER_ID}/s1`, planId: OTHER_ID, byStatus: { done: 2, none: 1 }, notes: 4, highlights: 0 },
]);
const ONE_OF_TWO: Dashboard = { ...DASHBOARD, planCount: 2 };
const ALL: Dashboard = {
  planId: null,
  plans: [OTHER, DASHBOARD.plans[0]!],
  planCount: 2,
  themes: [],
  upcoming: [
    { ...UPCOMING[0]!, planId: OTHER_ID, planTitle: OTHER_TITLE, initiativeId: `${OTHER_ID}/s1/i1`, shortId: 'T1·I1', headline: '建设美丽乡村' },
    ...UPCOMING.slice(1),
  ],
  overdue: OVERDUE,
  deadlineCount: 7,
};

function tableRows(caption: string): string[][] {
  return within(screen.getByRole('table', { name: caption }))
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent ?? ''));
}

const byScope = {
  'dashboard.get': async (args: { planId?: string }) => ok(args.planId === undefined ? ALL : ONE_OF_TWO),
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 2, 10, 9, 30));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('dashboard across plans', () => {
  it('offers no scope with one plan in the library', async () => {
    renderDashboard();
    await screen.findByRole('heading', { level: 2, name: '计划仪表盘' });
    expect(screen.queryByRole('combobox', { name: '范围' })).toBeNull();
  });

  it('switches to all plans: asks without a plan, one bar per plan, deadlines name their plan', async () => {
    const { fake } = renderDashboard({ overrides: byScope });
    const scope = await screen.findByRole('combobox', { name: '范围' });
    expect((scope as HTMLSelectElement).value).toBe('plan');
    fireEvent.change(scope, { target: { value: 'all' } });
    await screen.findByRole('heading', { level: 2, name: '全部计划仪表盘' });
    expect(fake.calls.filter((c) => c.method === 'dashboard.get').map((c) => c.args)).toEqual([
      { planId: PLAN_ID, today: TODAY },
      { today: TODAY },
    ]);
    expect(screen.getByRole('heading', { level: 3, name: '各计划举措进展' })).toBeTruthy();
    const status = tableRows('各计划举措按状态的数量');
    expect(status[0]![0]).toBe('计划');
    expect(status.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([
      [`计划一 ${OTHER_TITLE}`, '3'],
      [`计划二 ${META.title}`, '15'],
    ]);
    expect(tableRows('各计划的笔记数与划线数').slice(1).map((r) => r.slice(1))).toEqual([
      ['4', '0'],
      ['8', '8'],
    ]);
    // The tiles add up every plan: 15 + 3 initiatives.
    const tile = screen.getAllByText('举措').find((el) => el.tagName === 'DT')!;
    expect(tile.parentElement!.querySelector('dd')!.textContent).toBe('18');
    const first = screen.getByRole('button', { name: /建设美丽乡村/ });
    expect(within(first).getByText(OTHER_TITLE).className).toBe('deadline-plan');
    expect(screen.getAllByText(META.title, { selector: '.deadline-plan' })).toHaveLength(UPCOMING.length - 1 + OVERDUE.length);

    fireEvent.change(screen.getByRole('combobox', { name: '范围' }), { target: { value: 'plan' } });
    await screen.findByRole('heading', { level: 2, name: '计划仪表盘' });
    // Nothing was written meanwhile: the plan's figures come from the query cache, not asked again.
    expect(fake.calls.filter((c) => c.method === 'dashboard.get')).toHaveLength(2);
    expect(screen.queryByText(OTHER_TITLE)).toBeNull();
    expect(document.querySelectorAll('.deadline-plan')).toHaveLength(0);
  }, 20_000); // two full renders of the charts in jsdom, on a machine shared by several test runs

  it('speaks English across plans', async () => {
    renderDashboard({ overrides: byScope, language: 'en' });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Scope' }), { target: { value: 'all' } });
    await screen.findByRole('heading', { level: 2, name: 'Dashboard of all plans' });
    expect(screen.getByRole('heading', { level: 3, name: 'Initiatives by status, per plan' })).toBeTruthy();
    expect(tableRows('Initiatives per plan by status')[1]![0]).toBe(`Plan 1 ${OTHER_TITLE}`);
    await waitFor(() => expect(screen.getByRole('option', { name: 'All plans' })).toBeTruthy());
  });
});
