// Search end to end in Chromium against the built app, in one browser session: find in the
// item being read (Ctrl+F) with next/previous, the matches read back from CSS.highlights;
// search everywhere (Ctrl+Shift+F) for 营商环境, the result opened at its item with every match
// marked; an English word (talent) found in the translation and shown marked in the English;
// a note written with a made-up word found at once. Screenshots of the find bar and the search
// view at 1400×900 and 900×700, zh and en, light and dark: tests/output/polish/search-*.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from './app-session';
import { settle, shootMatrix } from './shots';

const ITEM = 'hz-2024/T1/I2';
const ADDRESS = `#/initiative/${ITEM}`;

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('search');
  page = app.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.server.url);
  await page.getByRole('navigation', { name: /^(计划大纲|Plan outline)$/ }).waitFor();
});

afterAll(() => app?.close());

async function openItem(id = ITEM): Promise<void> {
  await page.goto(`${app.server.origin}/#/initiative/${id}`);
  await page.locator('#view-title').waitFor();
  await settle(page);
}

/** What find has painted: every match's text, and the current one's. */
async function painted(): Promise<{ all: string[]; current: string[] }> {
  return page.evaluate(() => {
    const texts = (name: string) => {
      const h = CSS.highlights.get(name) as Iterable<Range> | undefined;
      return h ? [...h].map((r) => r.toString()) : [];
    };
    return { all: texts('bb-find'), current: texts('bb-find-current') };
  });
}

const findBox = () => page.getByRole('searchbox', { name: /^(在本条中查找|Find in this item)$/ });
const findCount = () => page.locator('.find-count');
const hits = () => page.getByRole('listbox', { name: /^(搜索结果|Search results)$/ }).getByRole('option');
const searchBox = () => page.getByRole('combobox', { name: /^(搜索全部计划、译文和笔记|Search every plan, translation and note)$/ });

describe('search', () => {
  it('finds in the item being read: Ctrl+F, a count, next and previous, every match painted and the current one apart', async () => {
    await openItem();
    const expected = await page.evaluate(() => {
      const text = [...document.querySelectorAll('article [data-anchor-lang="zh"]')].map((el) => el.textContent).join('\n');
      return text.split('营商环境').length - 1;
    });
    expect(expected).toBeGreaterThan(2);
    await page.locator('.main-pane').focus();
    await page.keyboard.press('Control+F');
    await findBox().waitFor();
    expect(await findBox().evaluate((el) => el === document.activeElement)).toBe(true);
    await findBox().pressSequentially('营商环境');
    await expect.poll(() => findCount().textContent()).toBe(`1 / ${expected}`);
    const first = await painted();
    expect(first.all).toEqual(Array(expected).fill('营商环境'));
    expect(first.current).toEqual(['营商环境']);
    await findBox().press('Enter');
    await expect.poll(() => findCount().textContent()).toBe(`2 / ${expected}`);
    await findBox().press('Shift+Enter');
    await findBox().press('Shift+Enter');
    await expect.poll(() => findCount().textContent()).toBe(`${expected} / ${expected}`);
    await page.keyboard.press('F3');
    await expect.poll(() => findCount().textContent()).toBe(`1 / ${expected}`);
    // Full-width and half-width alike: the text's "深化改革,强基固本" is found typed with a full-width comma.
    await findBox().fill('深化改革，强基固本');
    await expect.poll(() => findCount().textContent()).toBe('1 / 1');
    await findBox().press('Escape');
    await findBox().waitFor({ state: 'detached' });
    expect((await painted()).all).toEqual([]);
    app.expectNothingBlocked();
  });

  it('searches 营商环境 everywhere, opens the result and shows its matches marked', async () => {
    await page.locator('.main-pane').focus();
    await page.keyboard.press('Control+Shift+F');
    await searchBox().waitFor();
    expect(page.url()).toContain('#/search');
    await searchBox().fill('营商环境');
    const first = hits().first();
    await first.waitFor();
    await expect.poll(() => page.locator('.search-summary').textContent()).toMatch(/共 \d+ 条结果/);
    expect(await page.locator('.search-hit mark').first().textContent()).toBe('营商环境');
    const heading = await page.locator('.search-hit').filter({ hasText: '营造市场化' }).count();
    expect(heading).toBe(1);
    // Keyboard: ↓ to the result about it, Enter opens it.
    const options = await hits().allTextContents();
    const index = options.findIndex((o) => o.includes('营造市场化'));
    for (let i = 0; i < index; i++) await searchBox().press('ArrowDown');
    await searchBox().press('Enter');
    await page.waitForURL(/#\/initiative\/hz-2024\/T1\/I2$/);
    await findBox().waitFor();
    expect(await findBox().inputValue()).toBe('营商环境');
    await expect.poll(async () => (await painted()).all.length).toBeGreaterThan(2);
    expect(new Set((await painted()).all)).toEqual(new Set(['营商环境']));
    // The search is remembered: back in the empty search box it is among the recent ones.
    const recent = await app.call('search.recent', {});
    expect(recent.map((r) => r.text)).toContain('营商环境');
    await findBox().press('Escape');
  });

  it('finds an English word in the translation and opens it with the English shown and marked', async () => {
    await page.keyboard.press('Control+Shift+F');
    await searchBox().fill('talent');
    // The last search's results stay (dimmed) until this one's come.
    await expect.poll(async () => (await page.locator('.search-hit mark').first().textContent())?.toLowerCase()).toContain('talent');
    await searchBox().press('Enter');
    await page.waitForURL(/#\/initiative\//);
    await findBox().waitFor();
    await expect.poll(async () => (await painted()).all.length).toBeGreaterThan(0);
    for (const text of (await painted()).all) expect(text.toLowerCase()).toBe('talent');
    // Shown in English (beside the Chinese): the match is in the English column.
    expect(await page.locator('article [data-anchor-lang="en"]').count()).toBeGreaterThan(0);
    await findBox().press('Escape');
  });

  it('finds a note with a made-up word as soon as it is saved', async () => {
    await app.call('settings.set', { key: 'ui.readingMode', value: 'zh' });
    await openItem('hz-2024/T2/I1');
    await page.locator('.main-pane').focus();
    await page.keyboard.press('Control+N');
    const area = page.getByRole('textbox', { name: '笔记内容（Markdown）' });
    await area.waitFor();
    await area.fill('会议要点：zorblattium 与人才政策');
    await page.getByRole('button', { name: '完成', exact: true }).click();
    await area.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+F');
    await searchBox().fill('zorblattium');
    const hit = hits().first();
    await expect.poll(() => page.locator('.search-list:not(.search-list-stale) .search-hit').count()).toBe(1);
    expect(await hit.locator('mark').first().textContent()).toBe('zorblattium');
    expect(await hit.textContent()).toContain('我的笔记');
    // Only exclusions: the message says why nothing is searched.
    await searchBox().fill('-杭州');
    await page.locator('.search-message').waitFor();
    expect(await page.locator('.search-message').textContent()).toContain('只有排除词');
    app.expectNothingBlocked();
  });

  it('screenshots: the find bar and the search view', async () => {
    await app.call('search.saved.save', { baseRevision: 0, name: '营商环境（杭州）', query: { text: '营商环境 杭州', filters: {} } });
    const find = await shootMatrix(app, 'search-find', `${app.server.origin}/${ADDRESS}`, async (p, language) => {
      await p.locator('#view-title').waitFor();
      await p.locator('.main-pane').focus();
      // In English, the English beside the Chinese, so the English words are found.
      if (language === 'en') await p.getByRole('button', { name: 'Side by side' }).click();
      await p.locator('.main-pane').focus();
      await p.keyboard.press('Control+F');
      await findBox().fill(language === 'zh' ? '营商环境' : 'business environment');
      await findBox().press('Enter');
      await settle(p);
    });
    const results = await shootMatrix(app, 'search-results', `${app.server.origin}/#/search`, async (p) => {
      await searchBox().waitFor();
      await searchBox().fill('人才');
      await hits().first().waitFor();
      await searchBox().press('ArrowDown');
      await settle(p);
    });
    const empty = await shootMatrix(app, 'search-empty', `${app.server.origin}/#/search`, async (p) => {
      await searchBox().waitFor();
      await searchBox().fill('');
      await p.locator('.search-saved-row').first().waitFor();
      await settle(p);
    });
    expect([...find, ...results, ...empty]).toHaveLength(24);
  });
});
