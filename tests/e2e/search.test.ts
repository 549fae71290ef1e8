// Search end to end in Chromium against the built app, in one browser session: find in the
// item being read (Ctrl+F) with next/previous, the matches read back from CSS.highlights;
// search everywhere (Ctrl+Shift+F) for 营商环境, the result opened at its item with every match
// marked; an English word (talent) found in the translation and shown marked in the English;
// a note written with a made-up word found at once. Screenshots of the find bar and the search
// view at 1400×900 and 900×700, zh and en, light and dark: tests/output/polish/search-*.
// At scale (six more plans, a few hundred hits for 发展): the virtual list reaches the last hit by
// scrolling, keeping only rows near the viewport in the DOM (a new search's first frame only those
// in view, stacked as measured); two plans chosen in the plan filter
// give exactly the hits the core finds for them. Screenshots: tests/output/search-ui/.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchFilters, SearchHit } from '../../shared/api/search/methods';
import { OUTPUT_DIR, startAppSession, type AppSession } from './app-session';
import { startCorpusSession, type CorpusSession } from './corpus-session';
import { settle, shootMatrix, useLanguage } from './shots';

const ITEM = 'hz-2024/T1/I2';
const ADDRESS = `#/initiative/${ITEM}`;

let app: AppSession;
let page: Page;

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
  beforeAll(async () => {
    app = await startAppSession('search');
    page = app.page;
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(app.server.url);
    await page.getByRole('navigation', { name: /^(计划大纲|Plan outline)$/ }).waitFor();
  });

  afterAll(() => app?.close());

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

  it('starts every snippet’s text at one place, in a hit and from hit to hit, whatever its label', async () => {
    // English labels differ most in length ("English headline", "English text"); Chinese ones too (标题句, 英文正文).
    for (const [language, text] of [['en', 'talent'], ['zh', '人才']] as const) {
      await useLanguage(app, language, `${app.server.origin}/#/search`);
      await searchBox().fill(text);
      await expect.poll(() => page.locator('.search-list:not(.search-list-stale) .search-snippet').count()).toBeGreaterThan(1);
      const rows = await page.locator('.search-snippet').evaluateAll((els) =>
        els.map((el) => ({
          label: el.querySelector('.search-field-label')!.textContent,
          left: Math.round(el.querySelector('.search-snippet-text')!.getBoundingClientRect().left),
        })),
      );
      // More than one label, or the check would hold trivially.
      expect(new Set(rows.map((r) => r.label)).size).toBeGreaterThan(1);
      expect([...new Set(rows.map((r) => r.left))], JSON.stringify(rows)).toHaveLength(1);
    }
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

  it('lines the filters up: the version select and the menu buttons have one height and their captions one line', async () => {
    await page.goto(`${app.server.origin}/#/search`);
    await searchBox().waitFor();
    const boxes = await page.locator('.search-filters > .search-field').evaluateAll((fields) =>
      fields.map((field) => {
        const control = field.querySelector('select, button')!.getBoundingClientRect();
        const caption = field.firstElementChild!.getBoundingClientRect();
        return { height: Math.round(control.height), captionTop: Math.round(caption.top) };
      }),
    );
    expect(boxes.length).toBeGreaterThan(3);
    expect(new Set(boxes.map((b) => b.height)).size, JSON.stringify(boxes)).toBe(1);
    expect(new Set(boxes.map((b) => b.captionTop)).size, JSON.stringify(boxes)).toBe(1);
  });

  it('draws the version select as the menu buttons beside it: no native arrow, their chevron in their place', async () => {
    await page.goto(`${app.server.origin}/#/search`);
    await searchBox().waitFor();
    const looks = await page.locator('.search-filters > .search-field').evaluateAll((fields) =>
      fields.map((field) => {
        const control = field.querySelector<HTMLElement>('select, button')!;
        const box = control.getBoundingClientRect();
        const chevron = field.querySelector('svg')?.getBoundingClientRect();
        return {
          kind: control.localName,
          appearance: getComputedStyle(control).appearance,
          textInset: getComputedStyle(control).paddingLeft,
          // Where the chevron sits from the control's right end, and its size.
          chevron: chevron ? [Math.round(box.right - chevron.right), Math.round(chevron.width), Math.round(chevron.top + chevron.height / 2 - (box.top + box.height / 2))] : null,
        };
      }),
    );
    const select = looks.find((l) => l.kind === 'select');
    const button = looks.find((l) => l.kind === 'button');
    expect(select, JSON.stringify(looks)).toBeDefined();
    expect(select!.appearance).toBe('none');
    expect(select!.chevron).not.toBeNull();
    expect(select!.chevron).toEqual(button!.chevron);
    expect(select!.textInset).toBe(button!.textInset);
  });
});

/** Every hit the core finds for `text` with `filters`, paged as the view pages them. */
async function allHits(text: string, filters: SearchFilters): Promise<SearchHit[]> {
  const out: SearchHit[] = [];
  for (;;) {
    const page = await app.call('search.query', { text, filters, offset: out.length, limit: 200 });
    out.push(...page.hits);
    if (page.hits.length < 200) return out;
  }
}

const summary = () => page.locator('.search-results[data-state="ready"] .search-summary').textContent();
const ready = (text: string) => page.locator(`.search-results[data-state="ready"][data-query="${text}"]`).waitFor();

describe('search at scale', () => {
  const PLANS = 6;
  let plans: CorpusSession['plans'] = [];

  beforeAll(async () => {
    ({ app, plans } = await startCorpusSession('searchscale', PLANS));
    page = app.page;
  });

  afterAll(() => app?.close());

  it('scrolls a few hundred hits as a virtual list down to the last one, asking for pages on the way', async () => {
    const expected = await allHits('发展', {});
    expect(expected.length).toBeGreaterThan(200);
    await page.goto(`${app.server.origin}/#/search`);
    await searchBox().fill('发展');
    await ready('发展');
    expect(await summary()).toBe(`共 ${expected.length} 条结果`);
    // Only rows near the viewport are in the DOM.
    expect(await hits().count()).toBeLessThan(40);
    expect(await hits().first().locator('.search-hit-title').textContent()).toBe(`${expected[0]!.numeral ?? ''}${expected[0]!.headline ?? ''}`);
    // Scroll to the end until the last hit is there (each page comes as its end nears).
    const last = page.locator(`.search-hit[aria-posinset="${expected.length}"]`);
    for (let i = 0; i < 40 && (await last.count()) === 0; i++) {
      await page.locator('.search-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.waitForTimeout(150);
    }
    await last.waitFor();
    // The view groups each page of 50 hits by plan (in the order of each plan's best hit): the
    // last row is the last hit of the last plan of the last page.
    const lastPage = expected.slice(Math.floor((expected.length - 1) / 50) * 50);
    const lastPlan = lastPage.reduce<string[]>((order, h) => (order.includes(h.planId) ? order : [...order, h.planId]), []).at(-1);
    const tail = lastPage.filter((h) => h.planId === lastPlan).at(-1)!;
    expect(await last.locator('.search-hit-title').textContent()).toBe(`${tail.numeral ?? ''}${tail.headline ?? ''}`);
    expect(await last.getAttribute('aria-setsize')).toBe(String(expected.length));
    expect(await hits().count()).toBeLessThan(40);
    expect(await page.locator('.search-loading-more').count()).toBe(0);
    // Ctrl+Home back to the first from the box; the chosen row is in the DOM and in view.
    await searchBox().press('Control+Home');
    const chosen = page.locator('.search-hit[aria-selected="true"]');
    await expect.poll(() => chosen.getAttribute('aria-posinset')).toBe('1');
    expect(await searchBox().getAttribute('aria-activedescendant')).toBe(await chosen.getAttribute('id'));
    expect(await chosen.isVisible()).toBe(true);
    app.expectNothingBlocked();
  });

  it('draws a new search’s first rows in view only, stacked as measured (hits of one to several lines), and the rows below the fold after', async () => {
    await page.goto('about:blank');
    await page.goto(`${app.server.origin}/#/search`);
    await searchBox().waitFor();
    type Box = { top: number; bottom: number };
    type Frame = { view: Box; rows: Box[] };
    // In the page: the rows' boxes in the first frame that shows the results (the commit's own
    // layout, before its paint), and two frames and a task later.
    const frames = page.evaluate(
      (text) =>
        new Promise<{ first: Frame; later: Frame }>((resolve) => {
          const boxes = (): Frame => {
            const view = document.querySelector('.search-scroll')!.getBoundingClientRect();
            const rows = [...document.querySelectorAll('.search-row')].map((r) => r.getBoundingClientRect());
            return { view: { top: view.top, bottom: view.bottom }, rows: rows.map((r) => ({ top: r.top, bottom: r.bottom })).sort((a, b) => a.top - b.top) };
          };
          const observer = new MutationObserver(() => {
            const el = document.querySelector<HTMLElement>('.search-results');
            if (el?.dataset.query !== text || el.dataset.state !== 'ready') return;
            observer.disconnect();
            requestAnimationFrame(() => {
              const first = boxes();
              requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve({ first, later: boxes() }), 100)));
            });
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-query'] });
        }),
      '发展',
    );
    await searchBox().fill('发展');
    const { first, later } = await frames;
    const inView = (r: Box, view: Box) => r.bottom > view.top && r.top < view.bottom;
    // Only rows in view, as many as fill it: nothing laid out below the fold before the paint.
    expect(first.rows.length).toBeGreaterThan(2);
    expect(first.rows.filter((r) => !inView(r, first.view))).toEqual([]);
    expect(first.rows.at(-1)!.bottom).toBeGreaterThanOrEqual(first.view.bottom);
    // Each row where the one above it ends: measured, not estimated (the hits' heights differ).
    const heights = new Set(first.rows.map((r) => Math.round(r.bottom - r.top)));
    expect(heights.size).toBeGreaterThan(1);
    for (let i = 1; i < first.rows.length; i++) expect(Math.abs(first.rows[i]!.top - first.rows[i - 1]!.bottom), `row ${i}`).toBeLessThan(1);
    // Then the rows below the fold, for scrolling, stacked the same way.
    expect(later.rows.length).toBeGreaterThan(first.rows.length);
    expect(later.rows.some((r) => r.top >= later.view.bottom)).toBe(true);
    for (let i = 1; i < later.rows.length; i++) expect(Math.abs(later.rows[i]!.top - later.rows[i - 1]!.bottom), `row ${i}`).toBeLessThan(1);
  });

  it('two plans chosen in the plan filter give the hits the core finds in those two', async () => {
    const [a, b] = [plans[1]!, plans[3]!];
    const expected = await allHits('发展', { planIds: [a.id, b.id] });
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`${app.server.origin}/#/search`);
    await searchBox().fill('发展');
    await ready('发展');
    const planButton = page.getByRole('button', { name: /^计划:/ });
    await planButton.click();
    const menu = page.getByRole('group', { name: '计划' });
    await menu.getByRole('checkbox', { name: a.title }).check();
    await menu.getByRole('checkbox', { name: b.title }).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => planButton.textContent()).toBe('2 个计划');
    await expect.poll(summary).toBe(`共 ${expected.length} 条结果`);
    const titles = await page.locator('.search-group-title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect([a.title, b.title]).toContain(title);
    // Clearing the filters brings every plan back.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => planButton.textContent()).toBe('全部计划');
    await expect.poll(summary).toBe(`共 ${(await allHits('发展', {})).length} 条结果`);
  });

  it('screenshots: results scrolled deep, and the plan filter open', async () => {
    const dir = `${OUTPUT_DIR}/search-ui`;
    mkdirSync(dir, { recursive: true });
    const results = await shootMatrix(app, '../search-ui/results-scrolled', `${app.server.origin}/#/search`, async (p) => {
      await searchBox().fill('发展');
      await p.locator('.search-results[data-state="ready"]').waitFor();
      // Deep in the list: the rows there were laid out from later pages.
      await p.locator('.search-scroll').evaluate((el) => el.scrollTo({ top: 6000 }));
      await p.waitForTimeout(300);
      await p.locator('.search-scroll').evaluate((el) => el.scrollTo({ top: 6000 }));
      await settle(p);
    });
    const filters = await shootMatrix(app, '../search-ui/filters-open', `${app.server.origin}/#/search`, async (p) => {
      await searchBox().fill('发展');
      await p.locator('.search-results[data-state="ready"]').waitFor();
      const button = p.locator('.search-menu-button').first();
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
      const boxes = p.locator('.search-menu input');
      await boxes.nth(0).check();
      await boxes.nth(2).check();
      await settle(p);
    });
    expect([...results, ...filters]).toHaveLength(16);
  });
});
