// The table's total for a common search term, end to end: on 28,000 generated initiatives 市 is
// in most rows (more than 30,000 documents: walked, walk.ts), so the footer says "about N"
// (约 N 项举措) with the core's estimate and offers to count exactly; asked, it shows the exact
// total the core counts with exactTotal. In Chinese and in English, digits grouped as search's
// totals are (约 24,261 项举措); a printout of the first 2,000 rows says it is of about N. Screenshots
// of the footer: tests/output/polish/table-search-estimate-*. A row picked, the selection bar
// offers every matching row as "about N" too, and selects them all (the exact count).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TableQuery } from '../../shared/domain/table';
import { startCorpusSession, type CorpusSession } from './corpus-session';
import { POLISH_DIR, shootMatrix, useLanguage } from './shots';

let session: CorpusSession;
let page: Page;
const TERM = '市';

beforeAll(async () => {
  session = await startCorpusSession('tableestimate', 560);
  page = session.app.page;
}, 600_000);
afterAll(async () => {
  await session?.app.close();
});

const query: TableQuery = { sort: [], collation: 'pinyin', search: TERM, filters: {}, groupBy: null, offset: 0, limit: 200, facets: false };
const total = () => page.locator('.itable-total');
const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const selectionCount = () => page.locator('.itable-selection-count');

/** The first row's checkbox ticked (again, if a reload or a resize left it so: check() only ticks). */
async function selectFirstRow(language: 'zh' | 'en', on: Page = page): Promise<void> {
  // A row's box is named for its row (选择 T1.I1); the header's selects every matching row.
  await on.getByRole('checkbox', { name: language === 'zh' ? /^选择 \S/ : /^Select (?!all matching)\S/ }).first().check();
}

/** The table over all plans, the term typed into its search box. */
async function searchAllPlans(language: 'zh' | 'en'): Promise<void> {
  await session.app.call('settings.set', { key: 'ui.tableState', value: JSON.stringify({ scope: 'all' }) });
  await useLanguage(session.app, language, `${session.app.server.origin}/#/table`);
  const box = page.getByRole('searchbox', { name: language === 'zh' ? '搜索举措' : 'Search initiatives' });
  await box.fill(TERM);
}

/** The caption of the table as Ctrl+P prints it. window.print itself opens a dialog the test
 *  cannot close: a stand-in reads the print table, which lives until afterprint. With `shot`,
 *  the page as paper shows it (print media) goes to tests/output/polish/ first. */
async function printedCaption(shot?: string): Promise<string | null> {
  await page.evaluate(() => {
    const w = window as unknown as { printedCaption?: string | null };
    delete w.printedCaption;
    window.print = () => {
      w.printedCaption = document.querySelector('.itable-print caption')?.textContent ?? null;
    };
  });
  await page.locator('.itable-title').click();
  await page.keyboard.press('Control+p');
  await expect.poll(() => page.evaluate(() => 'printedCaption' in window), { timeout: 60_000 }).toBe(true);
  if (shot) {
    mkdirSync(POLISH_DIR, { recursive: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(POLISH_DIR, `${shot}.png`) });
    await page.emulateMedia({ media: 'screen' });
  }
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  return page.evaluate(() => (window as unknown as { printedCaption: string | null }).printedCaption);
}

describe('a common term’s total in the table', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`shows “about N” with the core’s estimate, then the exact total when asked (${language})`, async () => {
      await searchAllPlans(language);
      const about = language === 'zh' ? /^约 \d{1,3}(,\d{3})+ 项举措$/ : /^about \d{1,3}(,\d{3})+ initiatives$/;
      await expect.poll(() => total().textContent(), { timeout: 60_000 }).toMatch(about);
      const estimate = await session.app.call('table.query', query);
      expect(estimate.totalExact).toBe(false);
      expect(number(await total().textContent())).toBe(estimate.total);
      const grouped = estimate.total.toLocaleString('en');
      // On paper: the first 2,000 rows, of about N (the estimate, not a count).
      expect(await printedCaption(`table-print-about-${language}`)).toBe(
        language === 'zh'
          ? `仅打印前 2,000 项（约 ${grouped} 项）；请先筛选。`
          : `Only the first 2,000 of about ${grouped} rows are printed; filter first.`,
      );

      const exact = await session.app.call('table.query', { ...query, exactTotal: true });
      expect(exact.totalExact).toBe(true);
      const exactly = exact.total.toLocaleString('en');

      // One row picked: the bar offers every matching row, with the estimate said as one, and
      // selects them all — the exact count, not the estimate's.
      await selectFirstRow(language);
      const selectAll = page.getByRole('button', { name: language === 'zh' ? `选择全部约 ${grouped} 项` : `Select all (about ${grouped})` });
      await selectAll.click();
      await expect.poll(() => selectionCount().textContent(), { timeout: 60_000 }).toBe(language === 'zh' ? `已选 ${exactly} 项` : `${exactly} selected`);
      await page.getByRole('button', { name: language === 'zh' ? '取消选择' : 'Clear selection' }).click();
      await expect.poll(() => selectionCount().count()).toBe(0);

      await page.getByRole('button', { name: language === 'zh' ? '精确计数' : 'Count exactly' }).click();
      const shown = language === 'zh' ? `共 ${exactly} 项举措` : `${exactly} initiatives`;
      await expect.poll(() => total().textContent(), { timeout: 60_000 }).toBe(shown);
      expect(await printedCaption()).toBe(
        language === 'zh' ? `仅打印前 2,000 项（共 ${exactly} 项）；请先筛选。` : `Only the first 2,000 of ${exactly} rows are printed; filter first.`,
      );
      await expect.poll(() => page.getByRole('button', { name: /^(精确计数|Count exactly)$/ }).count()).toBe(0);
      // The estimate was near: the sample's share of hits scaled to the rows in scope.
      expect(Math.abs(estimate.total - exact.total) / exact.total).toBeLessThan(0.15);
      session.app.expectNothingBlocked();
    }, 180_000);
  }

  it('leaves screenshots of the footer with its estimate', async () => {
    const files = await shootMatrix(session.app, 'table-search-estimate', `${session.app.server.origin}/#/table`, async (p, language) => {
      const box = p.getByRole('searchbox', { name: language === 'zh' ? '搜索举措' : 'Search initiatives' });
      await box.fill('');
      await box.fill(TERM);
      await expect.poll(() => total().textContent(), { timeout: 60_000 }).toMatch(/^(约 [\d,]+ 项举措|about [\d,]+ initiatives)$/);
      // The selection bar above the grid, offering every matching row "about N".
      await selectFirstRow(language, p);
      await p.getByRole('button', { name: /^(选择全部约 [\d,]+ 项|Select all \(about [\d,]+\))$/ }).waitFor();
    });
    expect(files).toHaveLength(8);
  }, 300_000);
});
