// The theme filter of a library with more themes than its menu lists, end to end: 25 generated
// plans and the embedded one (130 themes) in browser mode; in Chromium the menu lists the
// THEME_MENU_LIMIT themes with the most initiatives, says how many it left out, and what is typed
// in its box asks the core for the themes whose headline or plan title holds it; a theme found
// so filters the rows. Screenshots (1400×900 and 900×700, zh and en, light and dark) go to
// tests/output/polish/table-theme-menu-*.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEME_MENU_LIMIT } from '../../shared/domain/table';
import { axeViolations } from './app-session';
import { startCorpusSession, type CorpusSession } from './corpus-session';
import { ALL, dataRows as rowsOf, openFacetMenu, shootFacetMenu, THEME_COLUMN } from './facet-menu';

let session: CorpusSession;
let page: Page;
const dataRows = () => rowsOf(page);
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  session = await startCorpusSession('thememenu', 25);
  page = session.app.page;
  await session.app.call('settings.set', { key: 'ui.tableState', value: JSON.stringify({ scope: 'all' }) });
}, 600_000);
afterAll(async () => {
  await session?.app.close();
});

describe('the theme filter of a library with many themes', () => {
  it('lists the themes with the most initiatives, says how many more, and finds one by what is typed', async () => {
    await page.goto(`${session.app.server.origin}/#/table`);
    await page.reload();
    await dataRows().first().waitFor();
    const top = await session.app.call('table.facets', { query: ALL, facet: 'theme', limit: THEME_MENU_LIMIT });
    expect(top.entries).toHaveLength(THEME_MENU_LIMIT);
    expect(top.more).toBe(130 - THEME_MENU_LIMIT);
    const panel = await openFacetMenu(page, THEME_COLUMN, 'zh');
    await expect.poll(() => panel.getByRole('checkbox').count()).toBe(THEME_MENU_LIMIT);
    await panel.getByText(`下列为举措最多的主题，另有 ${top.more} 个未列出 — 输入文字查找`).waitFor();
    // A plan's title typed: that plan's themes (and any other plan's the text is in).
    const plan = session.plans[3]!;
    const found = await session.app.call('table.facets', { query: ALL, facet: 'theme', limit: THEME_MENU_LIMIT, match: plan.title });
    expect(found.entries.filter((e) => e.planId === plan.id)).toHaveLength(5);
    await panel.getByRole('searchbox', { name: '输入文字查找主题或计划' }).fill(plan.title);
    await expect.poll(() => panel.getByRole('checkbox').count(), { timeout: 30_000 }).toBe(found.entries.length);
    expect(await panel.getByText(/未列出/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    const theme = found.entries.find((e) => e.planId === plan.id)!;
    await panel.getByRole('checkbox', { name: new RegExp(`^${escaped(theme.label)}`) }).first().check();
    await expect.poll(() => dataRows().count(), { timeout: 30_000 }).toBe(theme.count);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '清除全部' }).click();
    session.app.expectNothingBlocked();
  }, 180_000);

  it('leaves screenshots of the menu, as opened and with a text typed', async () => {
    await shootFacetMenu(session, 'table-theme-menu', THEME_COLUMN, '发展');
  }, 300_000);
});
