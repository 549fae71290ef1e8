// The table's total for a common search term, end to end: on 28,000 generated initiatives 市 is
// in most rows (more than 30,000 documents: walked, walk.ts), so the footer says "about N"
// (约 N 项举措) with the core's estimate and offers to count exactly; asked, it shows the exact
// total the core counts with exactTotal. In Chinese and in English. Screenshots of the footer:
// tests/output/polish/table-search-estimate-*.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TableQuery } from '../../shared/domain/table';
import { startCorpusSession, type CorpusSession } from './corpus-session';
import { shootMatrix, useLanguage } from './shots';

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

/** The table over all plans, the term typed into its search box. */
async function searchAllPlans(language: 'zh' | 'en'): Promise<void> {
  await session.app.call('settings.set', { key: 'ui.tableState', value: JSON.stringify({ scope: 'all' }) });
  await useLanguage(session.app, language, `${session.app.server.origin}/#/table`);
  const box = page.getByRole('searchbox', { name: language === 'zh' ? '搜索举措' : 'Search initiatives' });
  await box.fill(TERM);
}

describe('a common term’s total in the table', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`shows “about N” with the core’s estimate, then the exact total when asked (${language})`, async () => {
      await searchAllPlans(language);
      const about = language === 'zh' ? /^约 \d+ 项举措$/ : /^about \d+ initiatives$/;
      await expect.poll(() => total().textContent(), { timeout: 60_000 }).toMatch(about);
      const estimate = await session.app.call('table.query', query);
      expect(estimate.totalExact).toBe(false);
      expect(number(await total().textContent())).toBe(estimate.total);

      await page.getByRole('button', { name: language === 'zh' ? '精确计数' : 'Count exactly' }).click();
      const exact = await session.app.call('table.query', { ...query, exactTotal: true });
      expect(exact.totalExact).toBe(true);
      const shown = language === 'zh' ? `共 ${exact.total} 项举措` : `${exact.total} initiatives`;
      await expect.poll(() => total().textContent(), { timeout: 60_000 }).toBe(shown);
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
      await expect.poll(() => total().textContent(), { timeout: 60_000 }).toMatch(/^(约 \d+ 项举措|about \d+ initiatives)$/);
    });
    expect(files).toHaveLength(8);
  }, 300_000);
});
