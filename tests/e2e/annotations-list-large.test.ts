// The annotations view with a large library, in the built app in Chromium: 20,000 annotations
// written through the real core before the server starts. The list stays virtual (a few dozen
// entries in the page however many there are) and paged (scrolling to the middle asks only for
// the pages there, not for everything above them). The times it took are printed for the
// report; they are not asserted (performance belongs in the bench).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../helpers/core';
import { addAnnotation } from '../helpers/annotations';
import { startAppSession, type AppSession } from './app-session';

const COUNT = 20_000;
const ITEMS = ['hz-2024/T1/I1', 'hz-2024/T2/I2', 'hz-2024/T3/I3', 'hz-2024/T4/I1', 'hz-2024/T5/I2'];

let app: AppSession;
let page: Page;
const listCalls: Array<{ offset: number }> = [];

beforeAll(async () => {
  app = await startAppSession('alistlarge', (dataDir) => {
    const core = createTestCore(dataDir);
    try {
      // Only the seeding goes unsynced: the server opens the file afresh with its own settings.
      core.db.pragma('synchronous = OFF');
      for (let i = 0; i < COUNT; i++) {
        addAnnotation(core.db, {
          kind: i % 3 === 0 ? 'note' : 'highlight',
          itemId: ITEMS[i % ITEMS.length]!,
          body: `第 ${i} 条笔记：核对进展`,
          tags: [`标签${i % 7}`],
          now: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
        });
      }
    } finally {
      core.close();
    }
  });
  page = app.page;
  page.on('request', (r) => {
    if (r.url().includes('annotation.list')) listCalls.push(JSON.parse(r.postData() ?? '{}') as { offset: number });
  });
  await page.setViewportSize({ width: 1400, height: 900 });
}, 300_000);

afterAll(() => app?.close());

const shownEntries = () => page.locator('.alist-entry:not(.alist-entry-pending)');

describe('the annotations view with 20,000 annotations', () => {
  it('shows the first entries, keeps a few dozen in the page, and loads only the pages scrolled to', async () => {
    // The app is up first (its start is not the view's to measure), then the view's tab.
    await page.goto(app.server.url);
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });
    const started = Date.now();
    await page.getByRole('link', { name: '标注' }).click();
    await shownEntries().first().waitFor({ timeout: 30_000 });
    const firstShown = Date.now() - started;
    expect(await page.getByText('共 20,000 条').isVisible()).toBe(true);
    const inPage = await page.locator('.alist-row').count();
    expect(inPage).toBeGreaterThan(3);
    expect(inPage).toBeLessThan(60);
    expect(await shownEntries().first().textContent()).toContain(`第 ${COUNT - 1} 条笔记`);

    // Jump to the middle: the entries there arrive, and only their pages were asked for.
    listCalls.length = 0;
    const jumped = Date.now();
    await page.locator('.alist-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    // An entry of the middle quarter: the top's own entries (第 19998 条…) are still in the page
    // until the scroll is drawn, and counted as arrived they let the poll end before any page
    // was asked for (CI saw that once).
    const middle = (t: string) => {
      const n = Number(/第 (\d+) 条笔记/.exec(t)?.[1] ?? NaN);
      return n > COUNT / 4 && n < (COUNT * 3) / 4;
    };
    await expect.poll(async () => (await shownEntries().allTextContents()).some(middle), { timeout: 20_000 }).toBe(true);
    const middleShown = Date.now() - jumped;
    const offsets = [...new Set(listCalls.map((c) => c.offset))];
    expect(offsets.length).toBeGreaterThan(0);
    expect(offsets.length).toBeLessThanOrEqual(3);
    expect(Math.min(...offsets)).toBeGreaterThan(COUNT / 4);
    expect(await page.locator('.alist-row').count()).toBeLessThan(60);
    console.log(`annotations view, ${COUNT} annotations: first entries after ${firstShown} ms; middle of the list after ${middleShown} ms; ${inPage} entries in the page; pages asked for at the middle: ${offsets.join(', ')}`);
    app.expectNothingBlocked();
  }, 120_000);
});
