// The table and the dashboard across plans, end to end: a second plan is written into the data
// folder through the core before the built browser-mode server starts; in Chromium the table,
// listing all plans, shows the Plan column and filters by plan, and the dashboard's all-plans
// view draws one bar per plan and names each deadline's plan. Screenshots of both (1400×900 and
// 900×700, zh and en, light and dark) go to tests/output/polish/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../electron/core/plan/store';
import { createTestCore, updateLatest } from '../helpers/core';
import { planOf } from '../helpers/plan-docs';
import { axeViolations, startAppSession, type AppSession } from './app-session';
import { settle, shootMatrix } from './shots';

const ANJI = 'p-anji';
const ANJI_TITLE = '安吉县绿色发展实施方案';
const HZ_TITLE = '聚焦“深化改革、强基固本”主题主线 探索杭州打造中国式现代化城市范例的新思路';

/** A local calendar day `days` from today (the dashboard's today is the local date). */
function localDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('acrossplans', (dataDir) => {
    const core = createTestCore(dataDir);
    try {
      const doc = planOf(ANJI, [
        { headline: '生态保护', initiatives: ['建设美丽乡村', '发展竹产业'] },
        { headline: '绿色交通', initiatives: ['推广新能源公交'] },
      ]);
      doc.meta.title = ANJI_TITLE;
      importPlan(core.db, doc, `${ANJI_TITLE}\n生态保护\n绿色交通`);
      updateLatest(core.db, `${ANJI}/T1/I2`, { status: 'in_progress', deadline: localDay(4) });
      updateLatest(core.db, 'hz-2024/T2/I1', { status: 'done' });
    } finally {
      core.close();
    }
  });
  page = app.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
});

afterAll(() => app?.close());

const dataRows = () => page.locator('[role="grid"] .itable-data-row');

async function openTable(scope: 'plan' | 'all'): Promise<void> {
  await app.call('settings.set', { key: 'ui.tableState', value: JSON.stringify({ scope }) });
  await page.goto(`${app.server.origin}/#/table`);
  await page.reload();
  await dataRows().first().waitFor();
}

async function openDashboardAllPlans(): Promise<void> {
  await page.goto(`${app.server.origin}/#/dashboard`);
  await page.reload();
  const scope = page.locator('.dashboard-scope select');
  await scope.waitFor();
  await scope.selectOption('all');
  await page.locator('.deadline-plan').first().waitFor();
}

describe('reading an item of another plan', () => {
  it('makes the item’s plan current when the address names it, so the strip and outline are its own', async () => {
    await app.call('settings.set', { key: 'ui.currentPlan', value: ANJI });
    await page.goto(`${app.server.origin}/#/`);
    await page.reload();
    await expect.poll(() => page.locator('.plan-strip .plan-title').textContent()).toBe(ANJI_TITLE);
    // A hash change to an item of the embedded plan, as a link or Back would make.
    await page.evaluate(() => {
      location.hash = '#/initiative/hz-2024/T1/I1';
    });
    await expect.poll(() => page.locator('.plan-strip .plan-title').textContent(), { timeout: 10_000 }).toBe(HZ_TITLE);
    await expect.poll(() => page.locator('nav.outline').getByText('建设美丽乡村').count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).toBe('#/initiative/hz-2024/T1/I1');
    // It is the current plan now, for the next start too.
    await expect.poll(() => app.call('settings.get', { key: 'ui.currentPlan' })).toBe('hz-2024');
  });
});

describe('the table across plans in Chromium', () => {
  it('lists both plans with a Plan column, and filters by plan', async () => {
    await openTable('all');
    await expect.poll(() => dataRows().count(), { timeout: 10_000 }).toBe(18);
    await page.getByRole('columnheader', { name: /^计划/ }).waitFor();
    expect(await page.locator('.itable-plan', { hasText: ANJI_TITLE }).count()).toBe(3);
    expect(await page.locator('.itable-plan', { hasText: HZ_TITLE }).count()).toBe(15);

    await page.getByRole('button', { name: '筛选：计划' }).click();
    const panel = page.getByRole('dialog', { name: '筛选：计划' });
    await panel.getByRole('checkbox', { name: new RegExp(`^${ANJI_TITLE}`) }).check();
    await expect.poll(() => dataRows().count(), { timeout: 10_000 }).toBe(3);
    expect(await page.locator('.itable-plan').allTextContents()).toEqual([ANJI_TITLE, ANJI_TITLE, ANJI_TITLE]);
    await page.getByText(`计划：${ANJI_TITLE}`).waitFor();
    await page.keyboard.press('Escape');

    // The theme filter lists the chosen plan's themes; cleared, every plan's under its title.
    await page.getByRole('button', { name: '筛选：主题' }).click();
    const themes = page.getByRole('dialog', { name: '筛选：主题' });
    // The counts are fetched when the menu opens (table.facets): wait for them.
    await expect.poll(() => themes.getByRole('checkbox').count(), { timeout: 10_000 }).toBe(2);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '清除全部' }).click();
    await expect.poll(() => dataRows().count(), { timeout: 10_000 }).toBe(18);
    await page.getByRole('button', { name: '筛选：主题' }).click();
    await expect.poll(() => themes.getByRole('group').count(), { timeout: 10_000 }).toBe(2);
    expect(await themes.locator('.itable-facet-group-title').allTextContents()).toEqual([ANJI_TITLE, HZ_TITLE]);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    app.expectNothingBlocked();
  });

  it('hides the Plan column while one plan is listed', async () => {
    await openTable('plan');
    await expect.poll(() => dataRows().count(), { timeout: 10_000 }).toBe(15);
    expect(await page.getByRole('columnheader', { name: /^计划/ }).count()).toBe(0);
  });
});

describe('the dashboard across plans in Chromium', () => {
  it('draws one bar per plan and names each deadline’s plan', async () => {
    await openDashboardAllPlans();
    await page.getByRole('heading', { level: 2, name: '全部计划仪表盘' }).waitFor();
    const rows = await page
      .getByRole('table', { name: '各计划举措按状态的数量' })
      .locator('tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => (c.textContent ?? '').trim())));
    // Plans by title (安 ān before 聚 jù), each with its initiatives' total.
    expect(rows.slice(1).map((r) => [r[0]!.slice(0, 3), r.at(-1)])).toEqual([
      ['计划一', '3'],
      ['计划二', '15'],
    ]);
    expect(rows[1]![0]).toContain(ANJI_TITLE);
    expect(rows[2]![0]).toContain('探索杭州打造中国式现代化城市范例的新思路');
    expect(await page.locator('.deadline-plan').allTextContents()).toEqual([ANJI_TITLE]);
    expect(await axeViolations(page)).toEqual([]);
    app.expectNothingBlocked();
  });
});

describe('a plan in the trash', () => {
  it('leaves the table and the all-plans dashboard, and comes back when restored', async () => {
    const revision = () => app.call('library.list', {}).then((list) => list.find((p) => p.id === ANJI)!.revision);
    await app.call('library.trash', { planId: ANJI, baseRevision: await revision(), confirm: true });
    try {
      await openTable('all');
      await expect.poll(() => dataRows().count(), { timeout: 10_000 }).toBe(15);
      expect(await page.locator('.itable-plan', { hasText: ANJI_TITLE }).count()).toBe(0);
      await page.goto(`${app.server.origin}/#/dashboard`);
      await page.reload();
      // One plan left in the library: the dashboard offers no scope.
      await page.getByRole('heading', { level: 2, name: '计划仪表盘' }).waitFor();
      expect(await page.locator('.dashboard-scope').count()).toBe(0);
    } finally {
      const trashed = await app.call('library.list', { trash: true });
      await app.call('library.restore', { planId: ANJI, baseRevision: trashed.find((p) => p.id === ANJI)!.revision });
    }
    await openTable('all');
    await expect.poll(() => dataRows().count(), { timeout: 10_000 }).toBe(18);
  });
});

describe('screenshots across plans', () => {
  it('shoots the table with the Plan column and filter, and the all-plans dashboard', async () => {
    await app.call('settings.set', { key: 'ui.tableState', value: JSON.stringify({ scope: 'all' }) });
    const table = await shootMatrix(app, 'across-table', `${app.server.origin}/#/table`, async (p, language) => {
      await p.reload();
      await dataRows().first().waitFor();
      await p.getByRole('button', { name: language === 'zh' ? '筛选：主题' : 'Filter: Theme' }).click();
      await settle(p);
    });
    const dashboard = await shootMatrix(app, 'across-dashboard', `${app.server.origin}/#/dashboard`, async () => {
      await openDashboardAllPlans();
    });
    expect(table).toHaveLength(8);
    expect(dashboard).toHaveLength(8);
  }, 300_000); // 16 screenshots, each after a reload on a shared machine
});
