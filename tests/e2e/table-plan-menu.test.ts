// The plan filter of a library with more plans than its menu lists, end to end: 105 generated
// plans and the embedded one in browser mode, one renamed to an English title; in Chromium the
// menu lists the PLAN_MENU_LIMIT plans with the most initiatives, says how many it left out, and
// what is typed in its box asks the core for the plans whose title holds it (as search checks a
// text: the English title found in lower case); a plan found so filters the rows. Screenshots
// (1400×900 and 900×700, zh and en, light and dark) go to tests/output/polish/table-plan-menu-*.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_MENU_LIMIT } from '../../shared/domain/table';
import { axeViolations } from './app-session';
import { startCorpusSession, type CorpusSession } from './corpus-session';
import { ALL, dataRows as rowsOf, openFacetMenu, shootFacetMenu, PLAN_COLUMN } from './facet-menu';

const PLANS = 105;
const ENGLISH = 'Hangzhou Digital Economy Action Plan';
let session: CorpusSession;
let page: Page;
const dataRows = () => rowsOf(page);

beforeAll(async () => {
  session = await startCorpusSession('planmenu', PLANS);
  page = session.app.page;
  await session.app.call('settings.set', { key: 'ui.tableState', value: JSON.stringify({ scope: 'all' }) });
}, 600_000);
afterAll(async () => {
  await session?.app.close();
});

describe('the plan filter of a library with many plans', () => {
  it('lists the plans with the most initiatives, says how many more, and finds one by its title typed', async () => {
    // The last plan by id (left out of a top whose ties go by id), renamed to an English title.
    const last = [...session.plans].sort((a, b) => (a.id < b.id ? 1 : -1))[0]!;
    const entry = (await session.app.call('library.list', {})).find((e) => e.id === last.id)!;
    await session.app.call('library.update', { planId: last.id, baseRevision: entry.revision, patch: { title: ENGLISH } });
    await page.goto(`${session.app.server.origin}/#/table`);
    await page.reload();
    await dataRows().first().waitFor();
    const top = await session.app.call('table.facets', { query: ALL, facet: 'plan', limit: PLAN_MENU_LIMIT });
    expect(top.entries).toHaveLength(PLAN_MENU_LIMIT);
    expect(top.more).toBe(PLANS + 1 - PLAN_MENU_LIMIT);
    expect(top.entries.map((e) => e.value)).not.toContain(last.id);
    const panel = await openFacetMenu(page, PLAN_COLUMN, 'zh');
    await expect.poll(() => panel.getByRole('checkbox').count()).toBe(PLAN_MENU_LIMIT);
    await panel.getByText(`下列为举措最多的计划，另有 ${top.more} 个未列出 — 输入文字查找`).waitFor();
    // Typed in lower case, the English title is found, as search finds a text.
    await panel.getByRole('searchbox', { name: '输入文字查找计划' }).fill('digital economy');
    await expect.poll(() => panel.getByRole('checkbox').count(), { timeout: 30_000 }).toBe(1);
    expect(await panel.getByText(/未列出/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    const found = await session.app.call('table.facets', { query: ALL, facet: 'plan', limit: PLAN_MENU_LIMIT, match: 'digital economy' });
    expect(found.entries.map((e) => [e.value, e.label])).toEqual([[last.id, ENGLISH]]);
    await panel.getByRole('checkbox', { name: new RegExp(`^${ENGLISH}`) }).check();
    // The grid's row count (its rows are drawn as they scroll into view), the header row besides.
    await expect.poll(() => page.locator('[role="grid"]').getAttribute('aria-rowcount'), { timeout: 30_000 }).toBe(String(found.entries[0]!.count + 1));
    expect(await dataRows().first().textContent()).toContain(ENGLISH);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '清除全部' }).click();
    session.app.expectNothingBlocked();
  }, 180_000);

  it('leaves screenshots of the menu, as opened and with a text typed', async () => {
    await shootFacetMenu(session, 'table-plan-menu', PLAN_COLUMN, '杭州');
  }, 300_000);
});
