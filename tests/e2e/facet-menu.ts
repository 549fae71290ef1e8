// The table's limited facet menus (theme, plan) in Chromium, for their e2e tests: opening one
// by its column in either language, and the screenshots of it as opened and with a text typed
// (1400×900 and 900×700, zh and en, light and dark, to tests/output/polish/NAME-*).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { FACET_MENU_LIMITS, type TableQuery } from '../../shared/domain/table';
import type { CorpusSession } from './corpus-session';
import { settle, shootMatrix } from './shots';

export type RowQuery = Omit<TableQuery, 'offset' | 'limit' | 'facets'>;
export const ALL: RowQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null };
/** A menu's column header, as each language names it. */
export type MenuColumn = { facet: 'theme' | 'plan'; zh: string; en: string };
export const THEME_COLUMN: MenuColumn = { facet: 'theme', zh: '主题', en: 'Theme' };
export const PLAN_COLUMN: MenuColumn = { facet: 'plan', zh: '计划', en: 'Plan' };

export const dataRows = (page: Page) => page.locator('[role="grid"] .itable-data-row');

/** Opens the column's menu and waits for its first values. */
export async function openFacetMenu(page: Page, column: MenuColumn, language: 'zh' | 'en') {
  const name = language === 'zh' ? `筛选：${column.zh}` : `Filter: ${column.en}`;
  await page.getByRole('button', { name }).click();
  const panel = page.getByRole('dialog', { name });
  await expect.poll(() => panel.getByRole('checkbox').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  return panel;
}

/** Screenshots of the menu on the table of every plan, as opened and with `text` typed. */
export async function shootFacetMenu(session: CorpusSession, name: string, column: MenuColumn, text: string): Promise<void> {
  const url = `${session.app.server.origin}/#/table`;
  const opened = await shootMatrix(session.app, name, url, async (p, language) => {
    await p.reload();
    await dataRows(p).first().waitFor();
    await openFacetMenu(p, column, language);
    await settle(p);
  });
  const typed = await shootMatrix(session.app, `${name}-typed`, url, async (p, language) => {
    await p.reload();
    await dataRows(p).first().waitFor();
    const panel = await openFacetMenu(p, column, language);
    const found = await session.app.call('table.facets', { query: ALL, facet: column.facet, limit: FACET_MENU_LIMITS[column.facet], match: text });
    await panel.getByRole('searchbox').fill(text);
    await expect.poll(() => panel.getByRole('checkbox').count(), { timeout: 30_000 }).toBe(found.entries.length);
    await settle(p);
  });
  expect(opened).toHaveLength(8);
  expect(typed).toHaveLength(8);
}
