// The reading view's previous / next links across a theme's end, as a reader sees them: the
// theme of the initiative they lead to, over its numeral and headline. Screenshots (1400×900 and
// 900×700, zh and en — the English reading the English — light and dark) go to
// tests/output/polish/pager-*.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from './app-session';
import { shootMatrix } from './shots';

let app: AppSession;
let page: Page;

describe('the reading pager', () => {
  beforeAll(async () => {
    app = await startAppSession('pager');
    page = app.page;
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(app.server.url);
    await page.getByRole('navigation', { name: /^(计划大纲|Plan outline)$/ }).waitFor();
  });

  afterAll(() => app?.close());

  it('names the next theme at a theme’s end, in both languages (screenshots)', async () => {
    const url = `${app.server.origin}/#/initiative/hz-2024/T1/I3`;
    const seen: string[] = [];
    const files = await shootMatrix(app, 'pager', url, async (p, language) => {
      await app.call('settings.set', { key: 'ui.readingMode', value: language });
      await p.goto(url);
      await p.reload();
      const next = p.locator('.pager-next');
      await next.locator('.pager-theme').waitFor();
      await next.scrollIntoViewIfNeeded();
      seen.push((await next.locator('.pager-theme-label').textContent()) ?? '');
      // The numeral and the headline share a line, in English too (a lone "3." before).
      for (const side of ['previous', 'next']) {
        const [numeral, headline] = await p.locator(`.pager-${side} .pager-headline`).evaluate((el) =>
          ['.numeral', '.plan-zh, .plan-en'].map((s) => Math.round(el.querySelector(s)!.getClientRects()[0]!.bottom)),
        );
        expect(Math.abs(numeral! - headline!), `${language} ${side}`).toBeLessThanOrEqual(3);
      }
      // Nothing of the theme over the previous initiative, in the same theme.
      expect(await p.locator('.pager-previous .pager-theme').count()).toBe(0);
    });
    expect(files).toHaveLength(8);
    expect(new Set(seen)).toEqual(new Set(['主题二', 'Theme 2']));
    await app.call('settings.set', { key: 'ui.readingMode', value: 'zh' });
  }, 120_000);
});
