// The app bar keeps one line in both languages, from the least window (600 px) to a wide one,
// in every view: the longer English labels step down to short words (中 / EN / 中+EN) while
// their buttons keep their full names and tooltips. Real Chromium against the built app.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from './app-session';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('app-bar');
  page = app.page;
  await page.goto(app.server.url);
  await page.locator('.top-bar-row').waitFor();
});

afterAll(() => app?.close());

/** What a button shows: its label, or the short word CSS draws in its place. */
const shown = (button: Locator) =>
  button.evaluate((el) => {
    const label = el.querySelector('.segment-label');
    const short = getComputedStyle(el, '::after').content;
    return label && getComputedStyle(label).display === 'none' ? short.replace(/^"|"$/g, '') : (el.textContent ?? '');
  });

async function open(language: 'zh' | 'en', width: number, hash: string): Promise<void> {
  await app.call('settings.set', { key: 'ui.language', value: language });
  await page.setViewportSize({ width, height: 700 });
  await page.goto(`${app.server.origin}/${hash}`);
  await page.reload();
  await page.locator('.top-bar-row').waitFor();
  // The bar fits itself in the animation callbacks of the frame after it mounts (and after a
  // font loads), before that frame paints: it is read as painted, after a frame (whose layout
  // asks for the faces its text needs), the fonts, and the frame after them; not between its
  // commit and its first frame (the page's first commit can be the whole first screen).
  await page.evaluate(() => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    return frame().then(() => document.fonts.ready).then(frame);
  });
}

/** The row's height against one row: its tallest item plus its own padding and border. */
function rowHeights(): Promise<{ row: number; oneRow: number }> {
  return page.evaluate(() => {
    const row = document.querySelector<HTMLElement>('.top-bar-row')!;
    const style = getComputedStyle(row);
    const items = [...row.children].flatMap((c) => (c.classList.contains('top-bar-controls') ? [...c.children] : [c]));
    const tallest = Math.max(...items.map((i) => i.getBoundingClientRect().height));
    const chrome = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((sum, k) => sum + parseFloat(style[k as 'paddingTop']), 0);
    return { row: row.getBoundingClientRect().height, oneRow: tallest + chrome };
  });
}

describe('the app bar on one line', () => {
  for (const language of ['zh', 'en'] as const) {
    for (const width of [900, 1000, 1180, 1400]) {
      for (const [view, hash] of [
        ['reading', '#/initiative/hz-2024/T1/I1'],
        ['packets', '#/packets'],
      ] as const) {
        it(`${language}, ${width} px, ${view}: the bar is as high as one row`, async () => {
          await open(language, width, hash);
          const { row, oneRow } = await rowHeights();
          expect(row).toBeCloseTo(oneRow, 0);
        });
      }
    }
  }

  // Every width from the least the bar is made for (600) to a wide window, in steps of 10 px,
  // with the window resized in place as a reader drags its edge: the bar refits each time.
  for (const language of ['zh', 'en'] as const) {
    for (const [view, hash] of [
      ['reading', '#/initiative/hz-2024/T1/I1'],
      ['table', '#/table'],
      ['packets', '#/packets'],
    ] as const) {
      it(`${language}, ${view}: one row at every width from 600 to 1600 px`, async () => {
        await open(language, 1600, hash);
        const wrapped: string[] = [];
        for (let width = 1600; width >= 600; width -= 10) {
          await page.setViewportSize({ width, height: 700 });
          const { row, oneRow, overflow } = await page.evaluate(() =>
            new Promise<{ row: number; oneRow: number; overflow: number }>((resolve) =>
              requestAnimationFrame(() => {
                const bar = document.querySelector<HTMLElement>('.top-bar-row')!;
                const style = getComputedStyle(bar);
                const items = [...bar.children].flatMap((c) => (c.classList.contains('top-bar-controls') ? [...c.children] : [c]));
                const tallest = Math.max(...items.map((i) => i.getBoundingClientRect().height));
                const chrome = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((sum, k) => sum + parseFloat(style[k as 'paddingTop']), 0);
                resolve({ row: bar.getBoundingClientRect().height, oneRow: tallest + chrome, overflow: bar.scrollWidth - bar.clientWidth });
              }),
            ),
          );
          if (Math.abs(row - oneRow) > 0.5 || overflow > 0) wrapped.push(`${width} px: ${row.toFixed(1)} high (one row ${oneRow.toFixed(1)}), ${overflow} px over`);
        }
        expect(wrapped).toEqual([]);
      });
    }
  }

  it('below 900 px (820, the app allows 720) the name of the app steps aside and the bar keeps one row', async () => {
    for (const language of ['zh', 'en'] as const) {
      await open(language, 820, '#/initiative/hz-2024/T1/I1');
      const { row, oneRow } = await rowHeights();
      expect(row).toBeCloseTo(oneRow, 0);
    }
    expect(await page.locator('.app-mark').isVisible()).toBe(false);
  });

  it('English at 900 px: the language buttons show short words but keep their full names and tooltips', async () => {
    await open('en', 900, '#/initiative/hz-2024/T1/I1');
    const textGroup = page.getByRole('group', { name: 'Text language' });
    const sideBySide = textGroup.getByRole('button', { name: 'Side by side' });
    expect(await shown(sideBySide)).toBe('中+EN');
    expect(await sideBySide.getAttribute('title')).toMatch(/side by side/i);
    const english = page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'English' });
    expect(await shown(english)).toBe('EN');
    expect(await english.getAttribute('title')).toBe('English');
    // The short words work as the buttons: choosing one changes the text's language.
    await textGroup.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => textGroup.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    app.expectNothingBlocked();
  });

  it('English at 1400 px: the full words are shown', async () => {
    await open('en', 1400, '#/initiative/hz-2024/T1/I1');
    const sideBySide = page.getByRole('group', { name: 'Text language' }).getByRole('button', { name: 'Side by side' });
    expect(await shown(sideBySide)).toBe('Side by side');
  });

  it('fits again when the window is resized or the language switched, without a reload', async () => {
    await open('en', 900, '#/initiative/hz-2024/T1/I1');
    const sideBySide = page.getByRole('group', { name: 'Text language' }).getByRole('button', { name: 'Side by side' });
    expect(await shown(sideBySide)).toBe('中+EN');
    await page.setViewportSize({ width: 1400, height: 700 });
    await expect.poll(() => shown(sideBySide)).toBe('Side by side');
    await page.setViewportSize({ width: 900, height: 700 });
    await expect.poll(() => shown(sideBySide)).toBe('中+EN');
    await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => shown(page.getByRole('group', { name: '正文语言' }).getByRole('button', { name: '中英对照' }))).toBe('中英对照');
    const { row, oneRow } = await rowHeights();
    expect(row).toBeCloseTo(oneRow, 0);
  });

  // A face that finishes loading restyles the whole page. Measured in that task, the bar laid
  // the page out on its own between two frames (on the table, right after its first rows, which
  // the next frame then laid out again); it fits in the next frame instead, before its paint.
  it('refits after a font loads in the next frame, not in the font event\'s task', async () => {
    await open('en', 900, '#/table');
    await page.locator('.itable-data-row').first().waitFor();
    const seen = await page.evaluate(async () => {
      const row = document.querySelector<HTMLElement>('.top-bar-row')!;
      let written = 0;
      const writes = new MutationObserver((records) => (written += records.length));
      writes.observe(row, { attributes: true, attributeFilter: ['data-fit'] });
      const own = Element.prototype.getBoundingClientRect;
      let measured = 0;
      Element.prototype.getBoundingClientRect = function (this: Element) {
        measured++;
        return own.call(this);
      };
      try {
        document.fonts.dispatchEvent(new FontFaceSetLoadEvent('loadingdone', { fontfaces: [] }));
        const inTask = { writes: written + writes.takeRecords().length, measured };
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return { inTask, inFrame: written + writes.takeRecords().length };
      } finally {
        Element.prototype.getBoundingClientRect = own;
        writes.disconnect();
      }
    });
    expect(seen.inTask).toEqual({ writes: 0, measured: 0 });
    expect(seen.inFrame).toBeGreaterThan(0);
    const { row, oneRow } = await rowHeights();
    expect(row).toBeCloseTo(oneRow, 0);
  });

  it('Chinese at 900 px keeps its full words (they fit)', async () => {
    await open('zh', 900, '#/initiative/hz-2024/T1/I1');
    const both = page.getByRole('group', { name: '正文语言' }).getByRole('button', { name: '中英对照' });
    expect(await shown(both)).toBe('中英对照');
    app.expectNothingBlocked();
  });
});
