// The plan dashboard against a fake desktop bridge (the real api client, i18next catalogue and
// recharts; charts at a fixed width since jsdom has no layout). Chart values are checked in
// the hidden data tables that screen readers get, and the drawn bars in the screen SVG.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dashboard } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { createFormatters } from '../../../renderer/src/features/dashboard/format';
import { daysBetween } from '../../../renderer/src/features/dashboard/local-date';
import { PLAN_ID } from '../plan-fixture';
import { collectStrings, createPseudoI18n, findUncataloguedText } from '../ui-text';
import { DASHBOARD, EMPTY_DASHBOARD, OVERDUE, STATUS_OPTIONS, THEMES, TODAY, TRANSLATION, UPCOMING } from './dashboard-fixture';
import { renderDashboard } from './render-dashboard';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
const answer = (dashboard: Dashboard) => ({ 'dashboard.get': async () => ok(dashboard) });

const ZH_THEMES = ['主题一', '主题二', '主题三', '主题四', '主题五'];

async function ready(title = '计划仪表盘') {
  return screen.findByRole('heading', { level: 2, name: title });
}

/** A hidden data table as rows of cell texts (header row first), found by its caption. */
function tableRows(caption: string): string[][] {
  const table = screen.getByRole('table', { name: caption });
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent ?? ''));
}

function tile(label: string): string[] {
  const term = screen.getAllByText(label).find((el) => el.tagName === 'DT');
  if (!term) throw new Error(`no tile labelled ${label}`);
  return Array.from(term.parentElement!.querySelectorAll('dd'), (dd) => dd.textContent ?? '');
}

function legend(name: string): string[] {
  return within(screen.getByRole('list', { name })).getAllByRole('listitem').map((li) => li.textContent ?? '');
}

beforeEach(() => {
  // Only Date is faked: promises and testing-library's waits keep real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 2, 10, 9, 30)); // 2025-03-10 local time (= TODAY)
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('plan dashboard', () => {
  it('asks for the plan as of the local date, and the configured statuses', async () => {
    const { fake } = renderDashboard();
    expect(screen.getByRole('status').textContent).toBe('正在加载仪表盘…');
    await ready();
    expect(fake.calls).toContainEqual({ method: 'dashboard.get', args: { planId: PLAN_ID, today: TODAY } });
    expect(fake.calls.some((c) => c.method === 'status.options')).toBe(true);
    expect(screen.getByText('截至 2025年3月10日')).toBeTruthy();
  });

  it('uses the local calendar day for today, not the UTC one', async () => {
    // 00:30 on 11 March in Shanghai is still 10 March in UTC.
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      vi.setSystemTime(new Date(Date.UTC(2025, 2, 10, 16, 30)));
      const { fake } = renderDashboard();
      await ready();
      expect(fake.calls.find((c) => c.method === 'dashboard.get')?.args).toEqual({ planId: PLAN_ID, today: '2025-03-11' });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('shows the summary tiles: initiatives, done %, in progress, with deadlines, overdue', async () => {
    renderDashboard();
    await ready();
    expect(tile('举措')).toEqual(['15']);
    expect(tile('已完成')).toEqual(['27%', '4 / 15 项', '']);
    expect(tile('进行中')).toEqual(['3']);
    // Every initiative with a deadline, not only the listed ones (one is done and passed).
    expect(tile('设有期限')).toEqual(['6']);
    expect(tile('已逾期')).toEqual(['2']);
  });

  it('counts every deadline from deadlineCount, also past the upcoming list limit', async () => {
    const upcoming = Array.from({ length: 10 }, (_, i) => ({ ...UPCOMING[0]!, initiativeId: `x/${i}`, deadline: `2025-04-${10 + i}` }));
    renderDashboard({ overrides: answer({ ...DASHBOARD, upcoming, overdue: [], deadlineCount: 1234 }) });
    await ready();
    expect(tile('设有期限')).toEqual(['1,234']);
  });

  it('stacks each theme by status in the configured order, with totals', async () => {
    renderDashboard();
    await ready();
    expect(tableRows('各主题举措按状态的数量')).toEqual([
      ['主题', '未开始', '进行中', '已完成', '关注中', '未设置', '合计'],
      [`主题一 ${THEMES[0]!.headline}`, '1', '1', '1', '0', '0', '3'],
      [`主题二 ${THEMES[1]!.headline}`, '0', '0', '2', '0', '1', '3'],
      [`主题三 ${THEMES[2]!.headline}`, '0', '2', '0', '1', '0', '3'],
      [`主题四 ${THEMES[3]!.headline}`, '0', '0', '0', '0', '3', '3'],
      [`主题五 ${THEMES[4]!.headline}`, '1', '0', '1', '0', '1', '3'],
    ]);
  });

  it('draws one bar per theme, one stacked segment per non-zero count, each labelled with its count', async () => {
    renderDashboard();
    await ready();
    const chart = screen.getByRole('img', { name: '堆叠条形图：各主题举措按状态的数量' });
    // Theme labels on the axis, in order.
    const ticks = Array.from(chart.querySelectorAll('.dashboard-tick-theme'), (el) => el.textContent);
    expect(ticks).toEqual(ZH_THEMES);
    // Segments per status series, in the configured order (bars with 0 are not drawn).
    const segments = (swatch: string) => chart.querySelectorAll(`path.dashboard-bar-${swatch}`).length;
    expect([segments('s0'), segments('s1'), segments('s2'), segments('s3'), segments('none')]).toEqual([2, 2, 3, 1, 3]);
    // One bar per theme: the segments share 5 rows.
    const rows = new Set(Array.from(chart.querySelectorAll('path.dashboard-bar'), (p) => p.getAttribute('y')));
    expect(rows.size).toBe(5);
    // Each segment carries its count.
    const labels = Array.from(chart.querySelectorAll('.dashboard-chip-text'), (el) => el.textContent);
    expect(labels.sort()).toEqual(['1', '1', '1', '1', '1', '1', '1', '1', '2', '2', '3']);
    // Colours come from the shared patterns: a segment's fill names its status's pattern.
    expect(chart.querySelector('path.dashboard-bar-s2')?.getAttribute('fill')).toMatch(/^url\(#dash[\w-]*-s2\)$/);
  });

  it('counts a status the configuration no longer lists under its key, so no initiative goes missing', async () => {
    const themes = THEMES.map((t, i) => (i === 0 ? { ...t, byStatus: { ...t.byStatus, blocked: 2 } } : t));
    renderDashboard({ overrides: answer({ ...DASHBOARD, themes }) });
    await ready();
    const [header, first] = tableRows('各主题举措按状态的数量');
    expect(header).toEqual(['主题', '未开始', '进行中', '已完成', '关注中', 'blocked', '未设置', '合计']);
    expect(first!.slice(1)).toEqual(['1', '1', '1', '0', '2', '0', '5']);
  });

  it('labels the legend in the UI language, and switches with it', async () => {
    const { i18n } = renderDashboard();
    await ready();
    expect(legend('状态图例')).toEqual(['未开始', '进行中', '已完成', '关注中', '未设置']);
    expect(legend('图例')).toEqual(['笔记', '划线']);
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    await ready('Plan dashboard');
    expect(legend('Status legend')).toEqual(['Not started', 'In progress', 'Done', 'Watching', 'No status']);
    expect(legend('Legend')).toEqual(['Notes', 'Highlights']);
    expect(tableRows('Initiatives per theme by status')[0]).toEqual([
      'Theme',
      'Not started',
      'In progress',
      'Done',
      'Watching',
      'No status',
      'Total',
    ]);
    expect(screen.getByText('As of Mar 10, 2025')).toBeTruthy();
  });

  it('uses configured status labels and order', async () => {
    const options = [
      { key: 'done', label: { zh: '完成', en: 'Finished' } },
      { key: 'in_progress', label: { zh: '推进中', en: 'Under way' } },
    ];
    renderDashboard({ overrides: { 'status.options': async () => ok({ options, revision: 1 }) }, language: 'en' });
    await ready('Plan dashboard');
    expect(legend('Status legend')).toEqual(['Finished', 'Under way', 'not_started', 'watching', 'No status']);
  });

  it('shows theme headlines in the reading mode: English, or both', async () => {
    const { rerender } = renderDashboard({ readingMode: 'en', translation: TRANSLATION, language: 'en' });
    await ready('Plan dashboard');
    expect(tableRows('Initiatives per theme by status')[1]![0]).toBe('Theme 1 English theme 1');
    rerender({ readingMode: 'both' });
    await waitFor(() => expect(tableRows('Initiatives per theme by status')[1]![0]).toBe(`Theme 1 ${THEMES[0]!.headline} English theme 1`));
    const chart = screen.getByRole('img', { name: 'Stacked bar chart: initiatives per theme by status' });
    const firstTick = chart.querySelector('.dashboard-theme-tick')!;
    expect(firstTick.querySelector('title')?.textContent).toBe(`Theme 1\n${THEMES[0]!.headline}\nEnglish theme 1`);
  });

  it('counts notes and highlights per theme in a grouped bar chart', async () => {
    renderDashboard();
    await ready();
    expect(tableRows('各主题的笔记数与划线数')).toEqual([
      ['主题', '笔记', '划线'],
      ...THEMES.map((t, i) => [`${ZH_THEMES[i]} ${t.headline}`, String(t.notes), String(t.highlights)]),
    ]);
    const chart = screen.getByRole('img', { name: '分组条形图：各主题的笔记数与划线数' });
    expect(chart.querySelectorAll('path.dashboard-bar-notes')).toHaveLength(3);
    expect(chart.querySelectorAll('path.dashboard-bar-highlights')).toHaveLength(3);
    expect(screen.queryByText(/暂无笔记或划线/)).toBeNull();
  });

  it('with no notes or highlights, says so and still draws the axes', async () => {
    renderDashboard({ overrides: answer(EMPTY_DASHBOARD) });
    await ready();
    const message = screen.getByText('暂无笔记或划线。您阅读举措时添加的笔记和划线会按主题显示在这里。');
    const chart = screen.getByRole('img', { name: '分组条形图：各主题的笔记数与划线数' });
    expect(chart.getAttribute('aria-describedby')).toContain(message.id);
    const xTicks = Array.from(chart.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'), (el) => el.textContent);
    expect(xTicks).toEqual(ZH_THEMES);
    const yTicks = Array.from(chart.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value'), (el) => el.textContent);
    expect(yTicks).toEqual(['0', '1', '2', '3', '4']);
  });

  it('lists overdue deadlines first and marked, then the upcoming ones in order', async () => {
    renderDashboard();
    await ready();
    const card = screen.getByRole('region', { name: '近期到期' });
    const overdue = within(within(card).getByRole('region', { name: /已逾期/ })).getAllByRole('button');
    const upcoming = within(within(card).getByRole('region', { name: /即将到期/ })).getAllByRole('button');
    expect(overdue.map((b) => b.closest('li')?.className)).toEqual(['deadline deadline-overdue', 'deadline deadline-overdue']);
    expect(overdue.map((b) => b.textContent)).toEqual([
      `2025年1月31日38天前${OVERDUE[0]!.shortId}${OVERDUE[0]!.headline}进行中`,
      `2025年3月7日3天前${OVERDUE[1]!.shortId}${OVERDUE[1]!.headline}未设置`,
    ]);
    expect(upcoming.map((b) => b.textContent)).toEqual([
      `2025年3月10日今天${UPCOMING[0]!.shortId}${UPCOMING[0]!.headline}进行中`,
      `2025年3月14日4天后${UPCOMING[1]!.shortId}${UPCOMING[1]!.headline}未开始`,
      `2025年6月30日112天后${UPCOMING[2]!.shortId}${UPCOMING[2]!.headline}未设置`,
    ]);
    expect(upcoming[0]!.querySelector('time')?.getAttribute('datetime')).toBe('2025-03-10');
  });

  it('opens the initiative of a clicked deadline', async () => {
    const onOpenInitiative = vi.fn();
    renderDashboard({ onOpenInitiative });
    await ready();
    fireEvent.click(screen.getByRole('button', { name: new RegExp(UPCOMING[1]!.headline) }));
    expect(onOpenInitiative).toHaveBeenCalledWith(UPCOMING[1]!.initiativeId);
    fireEvent.click(screen.getByRole('button', { name: new RegExp(OVERDUE[0]!.headline) }));
    expect(onOpenInitiative).toHaveBeenLastCalledWith(OVERDUE[0]!.initiativeId);
  });

  it('shows deadline headlines in the reading mode and dates in the UI language', async () => {
    renderDashboard({ readingMode: 'en', translation: TRANSLATION, language: 'en' });
    await ready('Plan dashboard');
    const button = screen.getByRole('button', { name: /English initiative 3\.3/ });
    expect(button.textContent).toBe('Mar 10, 2025todayT3·I3English initiative 3.3In progress');
  });

  it('says when no initiative has a deadline', async () => {
    renderDashboard({ overrides: answer(EMPTY_DASHBOARD) });
    await ready();
    const card = screen.getByRole('region', { name: '近期到期' });
    expect(within(card).getByText('暂无设定完成时限的举措。在举措表中填写“完成时限”后，会显示在这里。')).toBeTruthy();
    expect(within(card).queryAllByRole('button')).toHaveLength(0);
    expect(tile('已逾期')).toEqual(['0']);
    expect(tile('已完成')).toEqual(['0%', '0 / 15 项', '']);
  });

  it('says when nothing is due soon but some deadlines have passed', async () => {
    renderDashboard({ overrides: answer({ ...DASHBOARD, upcoming: [] }) });
    await ready();
    expect(screen.getByText('暂无近期到期的举措。')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /天前/ })).toHaveLength(2);
  });

  it('shows what failed with a retry that loads again', async () => {
    let fail = true;
    const { fake } = renderDashboard({
      overrides: {
        'dashboard.get': async () =>
          fail ? { ok: false, error: { code: 'INTERNAL', message: 'database is locked' } } : ok(DASHBOARD),
      },
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('无法加载仪表盘');
    expect(alert.textContent).toContain('database is locked');
    expect(alert.textContent).toContain('错误代码：INTERNAL');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    await ready();
    expect(fake.calls.filter((c) => c.method === 'dashboard.get')).toHaveLength(2);
    expect(tile('举措')).toEqual(['15']);
  });

  it('shows no text that is not from the catalogue, the data, or Intl (numbers and dates)', async () => {
    const i18n = createPseudoI18n('zh');
    const { container } = renderDashboard({ i18n, readingMode: 'both', translation: TRANSLATION });
    await screen.findByRole('heading', { level: 2, name: '⟦计划仪表盘⟧' });
    const f = createFormatters('zh');
    const deadlines = [...OVERDUE, ...UPCOMING];
    const data = [
      ...collectStrings([DASHBOARD, STATUS_OPTIONS, TRANSLATION.themes, TRANSLATION.initiatives]),
      ...deadlines.map((d) => f.date(d.deadline)),
      ...deadlines.map((d) => f.relativeDays(daysBetween(TODAY, d.deadline))),
    ];
    const problems = findUncataloguedText(container, data).filter((p) => !/: "[\d\s%.,/]+"$/.test(p));
    expect(problems).toEqual([]);
  });
});
