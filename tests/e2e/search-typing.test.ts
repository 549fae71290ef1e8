// Search as the reader types, end to end in Chromium against the built app: 数 → 数字 → 数字经济
// typed fast while the server's answers are held back (the page's requests routed through a
// delay, so typing always outruns them): one search.query out at a time, the texts typed
// while one was out and replaced before it came back never sent, and the screen never showing
// one text's results as another's (a MutationObserver in the page checks every change of the
// results' state). Screenshots of the search view (results, and the plan filter open):
// tests/output/search-typing/.
import { mkdirSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_DIR, type AppSession } from './app-session';
import { startCorpusSession } from './corpus-session';
import { settle, shootMatrix } from './shots';

let app: AppSession;
let page: Page;

const searchBox = () => page.getByRole('combobox', { name: /^(搜索全部计划、译文和笔记|Search every plan, translation and note)$/ });
const ready = (text: string) => page.locator(`.search-results[data-state="ready"][data-query="${text}"]`);

/** In the page: every time the results say they are ready, the text they answer and the box's. */
const WATCH = `
window.__typing = { wrong: [], readyFor: [] };
new MutationObserver(() => {
  const el = document.querySelector('.search-results');
  const box = document.querySelector('input[role="combobox"][type="search"]');
  if (!el || !box || el.dataset.state !== 'ready') return;
  const query = el.dataset.query;
  if (window.__typing.readyFor.at(-1) !== query) window.__typing.readyFor.push(query);
  if (query !== box.value.trim()) window.__typing.wrong.push(query + ' shown for ' + box.value);
  const marks = [...el.querySelectorAll('.search-hit mark')].map((m) => m.textContent);
  if (marks.some((m) => !query.toLowerCase().includes(m.toLowerCase()))) window.__typing.wrong.push('marks ' + marks.join(',') + ' shown for ' + query);
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-query'] });
`;

type Typing = { __typing: { wrong: string[]; readyFor: string[] } };

describe('search as the reader types', () => {
  beforeAll(async () => {
    ({ app } = await startCorpusSession('searchtyping', 4));
    page = app.page;
  });

  afterAll(() => app?.close());

  it('typing 数字经济 fast: one request out at a time, the replaced texts never sent, no text\'s results shown for another', async () => {
    await page.addInitScript({ content: WATCH });
    // The server's answers held back 1.5 s, so the four keystrokes all come while one is out.
    const sent: string[] = [];
    let out = 0;
    let most = 0;
    await page.route('**/api/search.query', async (route: Route) => {
      sent.push((JSON.parse(route.request().postData() ?? '{}') as { text: string }).text);
      most = Math.max(most, ++out);
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 1500));
      out--;
      await route.fulfill({ response });
    });
    try {
      // A new document (the same address would only be a hash change), so the watch is in it.
      await page.goto('about:blank');
      await page.goto(`${app.server.origin}/#/search`);
      await searchBox().waitFor();
      await searchBox().pressSequentially('数字经济');
      await ready('数字经济').waitFor({ timeout: 30_000 });
      await settle(page);
      // 数 went out at the first keystroke; of 数字, 数字经, 数字经济 typed while it was out,
      // only the newest went next.
      expect(sent).toEqual(['数', '数字经济']);
      expect(most).toBe(1);
      const seen = await page.evaluate(() => (window as unknown as Typing).__typing);
      expect(seen.wrong).toEqual([]);
      // 数's answer was never shown as ready: the box had moved on when it came.
      expect(seen.readyFor).toEqual(['数字经济']);
      const marks = await page.locator('.search-hit mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(new Set(marks)).toEqual(new Set(['数字经济']));
    } finally {
      await page.unroute('**/api/search.query');
    }
    // Unheld, typed one keystroke at a time and each answered before the next: every text asked.
    const asked: string[] = [];
    const onRequest = (r: { url(): string; postData(): string | null }) => {
      if (r.url().endsWith('/search.query')) asked.push((JSON.parse(r.postData() ?? '{}') as { text: string }).text);
    };
    page.on('request', onRequest);
    await searchBox().fill('');
    for (const text of ['绿', '绿色']) {
      await searchBox().pressSequentially(text.at(-1)!);
      await ready(text).waitFor();
    }
    page.off('request', onRequest);
    expect(asked).toEqual(['绿', '绿色']);
    expect((await page.evaluate(() => (window as unknown as Typing).__typing)).wrong).toEqual([]);
    app.expectNothingBlocked();
  });

  it('screenshots: results as typed, and the plan filter open', async () => {
    mkdirSync(`${OUTPUT_DIR}/search-typing`, { recursive: true });
    const results = await shootMatrix(app, '../search-typing/results', `${app.server.origin}/#/search`, async (p, language) => {
      await searchBox().fill('');
      await searchBox().pressSequentially(language === 'zh' ? '数字经济' : 'talent');
      await ready(language === 'zh' ? '数字经济' : 'talent').waitFor();
      await searchBox().press('ArrowDown');
      await settle(p);
    });
    const filters = await shootMatrix(app, '../search-typing/plan-filter', `${app.server.origin}/#/search`, async (p) => {
      await searchBox().fill('数字经济');
      await ready('数字经济').waitFor();
      const button = p.locator('.search-menu-button').first();
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
      const first = p.locator('.search-menu input').first();
      if (!(await first.isChecked())) await first.check();
      await settle(p);
    });
    expect([...results, ...filters]).toHaveLength(16);
  });
});
