// The reading view's polish (issue 15, items 5–9), end to end in Chromium against the built
// app: a compact header on a small window, About this plan as a popover, the outline hidden
// with Ctrl+\ and resized, the focus following Alt+↓, one unofficial-translation mark per
// screen, full-width Chinese punctuation as a display setting (search finds either form), and
// the overview with its lead, named list sources and full card rows. Screenshots of each
// changed screen at 1400×900 and 900×700, zh and en, light and dark: tests/output/polish/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingKey } from '../../shared/api/contract';
import { axeViolations, OUTPUT_DIR, startAppSession, type AppSession } from './app-session';

const SHOTS = join(OUTPUT_DIR, 'polish');
const T1I1 = '#/initiative/hz-2024/T1/I1';
const T3I1 = '#/initiative/hz-2024/T3/I1';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppSession('polish');
  page = app.page;
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(app.server.url);
  await outline().waitFor();
});

afterAll(() => app?.close());

const outline = () => page.getByRole('navigation', { name: /^(计划大纲|Plan outline)$/ });
const main = () => page.getByRole('main');
// Found by its id (its name differs by language).
const aboutButton = () => page.locator('#plan-context-toggle');
const aboutPanel = () => page.getByRole('region', { name: /^(计划背景|About this plan)$/ });
const height = async (selector: string) => (await page.locator(selector).first().boundingBox())?.height ?? 0;

async function setSettings(values: Partial<Record<SettingKey, string>>): Promise<void> {
  for (const [key, value] of Object.entries(values)) await app.call('settings.set', { key: key as SettingKey, value });
}

/** Opens an address afresh (the saved settings apply) and waits for its content and fonts. */
async function open(hash: string): Promise<void> {
  await page.goto(`${app.server.origin}/${hash}`);
  // A change of hash alone does not reload: reload so the saved settings are read afresh.
  await page.reload();
  await outline().or(main().getByRole('heading', { level: 2 })).first().waitFor();
  await main().getByRole('heading', { level: 2 }).first().waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

const activeText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
const activeIsCurrent = () => page.evaluate(() => document.activeElement?.getAttribute('aria-current') === 'page');

describe('item 5: the reading area on a small window', () => {
  it('keeps the header to one compact line at 900×700: app bar and plan strip under a sixth of the height', async () => {
    await open(T1I1);
    expect(await height('.top-bar-row')).toBeLessThan(56);
    expect(await height('.plan-strip')).toBeLessThan(50);
    expect(await height('.top-bar')).toBeLessThan(700 / 6);
    // The whole title is on hover when the strip cuts it short.
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('title')).toContain('探索杭州打造中国式现代化城市范例的新思路');
    app.expectNothingBlocked();
  });

  it('lets the plan strip step aside once the reader scrolls down, and brings it back at the top', async () => {
    await open('#/initiative/hz-2024/T3/I3');
    await main().evaluate((el) => el.scrollTo({ top: 300 }));
    await expect.poll(() => page.locator('.plan-strip').isVisible()).toBe(false);
    await main().evaluate((el) => el.scrollTo({ top: 0 }));
    await expect.poll(() => page.locator('.plan-strip').isVisible()).toBe(true);
  });

  it('opens About this plan over the text without moving it, and closes it with Esc, a click outside or a move', async () => {
    await open(T1I1);
    const before = await main().boundingBox();
    await aboutButton().click();
    await aboutPanel().waitFor();
    expect(await main().boundingBox()).toEqual(before);
    await page.keyboard.press('Escape');
    await aboutPanel().waitFor({ state: 'detached' });

    await aboutButton().click();
    await aboutPanel().waitFor();
    await main().click({ position: { x: 300, y: 400 } });
    await aboutPanel().waitFor({ state: 'detached' });

    await aboutButton().click();
    await aboutPanel().waitFor();
    await page.keyboard.press('Alt+ArrowDown');
    await main().getByRole('heading', { level: 2, name: /^第二/ }).waitFor();
    expect(await aboutPanel().count()).toBe(0);
    expect(await aboutButton().getAttribute('aria-expanded')).toBe('false');
  });

  it('hides and shows the outline with Ctrl+\\ and its button, and remembers it', async () => {
    await open(T1I1);
    const wide = (await main().boundingBox())!.width;
    await page.keyboard.press('Control+Backslash');
    await outline().waitFor({ state: 'detached' });
    expect((await main().boundingBox())!.width).toBeGreaterThan(wide + 200);
    const toggle = page.getByRole('button', { name: /^(显示大纲|Show outline)$/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('title')).toBe('显示大纲（Ctrl+\\）');
    await open(T1I1);
    expect(await outline().count()).toBe(0);
    await toggle.click();
    await outline().waitFor();
    await page.keyboard.press('Control+Backslash');
    await outline().waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Backslash');
    await outline().waitFor();
  });

  it('resizes the outline by dragging its edge or with the arrow keys, and keeps the width', async () => {
    await open(T1I1);
    const handle = page.getByRole('separator', { name: /^(调整大纲宽度|Resize outline)$/ });
    const start = (await outline().boundingBox())!.width;
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await outline().boundingBox())!.width).toBe(start + 32);
    expect(Number(await handle.getAttribute('aria-valuenow'))).toBe(start + 32);

    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 80, box.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await outline().boundingBox())!.width).toBe(start + 32 - 80);
    await expect.poll(async () => app.call('settings.get', { key: 'ui.outlineWidth' })).toBe(String(start + 32 - 80));

    await open(T1I1);
    expect((await outline().boundingBox())!.width).toBe(start + 32 - 80);
    await page.keyboard.press('Tab'); // the page stays usable by keyboard around the handle
    await handle.focus();
    await page.keyboard.press('Home');
    await expect.poll(async () => (await outline().boundingBox())!.width).toBe(200);
    await setSettings({ 'ui.outlineWidth': '288' });
  });
});

describe('item 6: one unofficial-translation mark per screen', () => {
  it('marks the English once in 中英对照, with the full note on hover and in About', async () => {
    await setSettings({ 'ui.readingMode': 'both' });
    for (const hash of ['#/overview', T1I1]) {
      await open(hash);
      await main().locator('.theme-card .plan-en, .reading .parallel-en').first().waitFor();
      const marks = page.getByText('非官方译文', { exact: true });
      expect(await marks.count(), hash).toBe(1);
      expect(await marks.getAttribute('title')).toBe('英文为简报本提供的非官方译文，仅供参考，以中文原文为准。');
    }
    await aboutButton().click();
    await aboutPanel().getByText('英文为简报本提供的非官方译文，仅供参考，以中文原文为准。').waitFor();
    expect(await page.getByRole('group', { name: '正文语言' }).locator('[aria-pressed="true"]').textContent()).toBe('中英对照');
  });

  it('calls the mode “Side by side” in English, in the app bar and the preferences', async () => {
    await setSettings({ 'ui.language': 'en' });
    await open(T1I1);
    expect(await page.getByRole('group', { name: 'Text language' }).locator('[aria-pressed="true"]').textContent()).toBe(
      'Side by side',
    );
    await page.keyboard.press('Control+Comma');
    await page.getByRole('dialog').getByRole('radio', { name: 'Side by side' }).waitFor();
    await page.keyboard.press('Escape');
    await setSettings({ 'ui.language': 'zh', 'ui.readingMode': 'zh' });
  });

  it('explains each glossary term on hover in the English', async () => {
    await setSettings({ 'ui.readingMode': 'en' });
    await open(T3I1);
    const term = main().locator('.glossary-term', { hasText: 'new quality productive forces' }).first();
    expect(await term.getAttribute('title')).toMatch(/^新质生产力：Productivity driven by new technology/);
    expect(await main().locator('.glossary-term[data-first]', { hasText: /new quality productive forces/i }).count()).toBe(1);
    await setSettings({ 'ui.readingMode': 'zh' });
  });
});

describe('item 7: focus follows the open outline item', () => {
  it('moves the focus ring with the highlight after Alt+↓ and Alt+↑', async () => {
    await open(T1I1);
    const current = outline().locator('a[aria-current="page"]');
    await current.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await outline().locator('a[aria-current="page"]', { hasText: '营造市场化' }).waitFor();
    expect(await activeIsCurrent()).toBe(true);
    expect(await activeText()).toContain('营造市场化');
    await page.keyboard.press('Alt+ArrowUp');
    await outline().locator('a[aria-current="page"]', { hasText: '建立解难题' }).waitFor();
    expect(await activeIsCurrent()).toBe(true);
    // Exactly one outline item looks selected: the focused one is the highlighted one.
    expect(await outline().locator('a:focus').count()).toBe(1);
    expect(await outline().locator('a[aria-current="page"]:focus').count()).toBe(1);
  });
});

describe('item 8: Chinese typography', () => {
  it('shows the source’s half-width commas in full-width form between Chinese characters, by default', async () => {
    await open(T1I1);
    const body = main().locator('.reading');
    expect(await body.textContent()).toContain('建章立制，该出台');
    expect(await body.textContent()).not.toMatch(/[\u4e00-\u9fff],[\u4e00-\u9fff]/);
  });

  it('shows the table’s headlines the same way', async () => {
    await open('#/table');
    const headline = main().getByRole('grid').getByRole('button', { name: /^培育新质生产力/ });
    await headline.waitFor();
    expect(await headline.textContent()).toBe('培育新质生产力，掌握发展主动权');
    await open(T1I1);
  });

  it('turns off in the preferences, shows the text as written, and changes nothing stored', async () => {
    const stored = await app.call('initiative.get', { initiativeId: 'hz-2024/T1/I1' });
    expect(stored.initiative.body).toContain('建章立制,该出台');
    await page.keyboard.press('Control+Comma');
    const box = page.getByRole('dialog').getByRole('checkbox', { name: '中文标点显示为全角' });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await page.keyboard.press('Escape');
    expect(await main().locator('.reading').textContent()).toContain('建章立制,该出台');
    await expect.poll(() => app.call('settings.get', { key: 'ui.cjkPunctuation' })).toBe('off');
    await setSettings({ 'ui.cjkPunctuation': 'on' });
  });

  it('finds the text with either comma', async () => {
    const query = (search: string) =>
      app.call('table.query', { sort: [], collation: 'pinyin', search, filters: {}, groupBy: null, offset: 0, limit: 50 });
    for (const search of ['建章立制,该出台', '建章立制，该出台']) {
      const page = await query(search);
      expect(page.rows.map((r) => r.id), search).toEqual(['hz-2024/T1/I1']);
    }
  });
});

describe('item 9: the overview', () => {
  it('shows the lead, names the theme a list comes from and lays the five theme cards out as 3 + 2 full rows', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await open('#/overview');
    const lead = main().getByRole('region', { name: '导语' });
    expect(await lead.textContent()).toContain('主要从以下五方面进行重点探索');
    const sources = await main().locator('.plan-list-source').allTextContents();
    expect(sources).toEqual([expect.stringContaining('主题三 · 第三'), expect.stringContaining('主题三 · 第三')]);
    const boxes = await main()
      .locator('.theme-card')
      .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect()).map((r) => ({ top: r.top, left: r.left, right: r.right })));
    expect(boxes).toHaveLength(5);
    const [a, b, c, d, e] = boxes as [(typeof boxes)[0], (typeof boxes)[0], (typeof boxes)[0], (typeof boxes)[0], (typeof boxes)[0]];
    expect(new Set([a.top, b.top, c.top]).size).toBe(1);
    expect(d.top).toBe(e.top);
    expect(d.top).toBeGreaterThan(a.top);
    // The second row spans the same width as the first: no hole at its end.
    expect(d.left).toBeCloseTo(a.left, 0);
    expect(e.right).toBeCloseTo(c.right, 0);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 900, height: 700 });
  });
});

describe('screenshots of the changed screens', () => {
  const sizes = [
    [1400, 900],
    [900, 700],
  ] as const;
  const languages = [
    ['zh', 'zh'],
    ['en', 'both'],
  ] as const;
  const themes = ['light', 'dark'] as const;

  for (const [width, heightPx] of sizes) {
    for (const [language, mode] of languages) {
      for (const theme of themes) {
        const tag = `${width}x${heightPx}-${language}-${theme}`;
        it(tag, async () => {
          await page.setViewportSize({ width, height: heightPx });
          await setSettings({ 'ui.language': language, 'ui.readingMode': mode, 'ui.theme': theme });
          await open('#/overview');
          await page.screenshot({ path: join(SHOTS, `overview-${tag}.png`) });
          await open(T3I1);
          await page.screenshot({ path: join(SHOTS, `initiative-${tag}.png`) });
          await aboutButton().click();
          await aboutPanel().waitFor();
          await page.screenshot({ path: join(SHOTS, `about-${tag}.png`) });
          await page.keyboard.press('Escape');
          await page.keyboard.press('Control+Backslash');
          await outline().waitFor({ state: 'detached' });
          await main().evaluate((el) => el.scrollTo({ top: 500 }));
          await page.waitForTimeout(100);
          await page.screenshot({ path: join(SHOTS, `outline-hidden-scrolled-${tag}.png`) });
          await page.keyboard.press('Control+Backslash');
          await outline().waitFor();
          await page.keyboard.press('Control+Comma');
          await page.getByRole('dialog').getByRole('checkbox').scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(SHOTS, `preferences-${tag}.png`) });
          await page.keyboard.press('Escape');
          await page.getByRole('dialog').waitFor({ state: 'detached' });
          app.expectNothingBlocked();
        });
      }
    }
  }
});
