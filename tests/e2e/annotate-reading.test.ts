// Annotating while reading, end to end in Chromium against the built app: a passage selected
// with the mouse in the Chinese text is highlighted from the toolbar, saved, and after a reload
// painted over the same words (read back from CSS.highlights); the same in English (through a
// glossary term, with the H shortcut); both painted side by side; a click on painted text
// focuses it; the context menu; copy with citation. Screenshots of the toolbar and the painted
// highlights at 1400×900 and 900×700, zh and en, light and dark: tests/output/polish/annotate-*.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingKey } from '../../shared/api/contract';
import { startAppSession, type AppSession } from './app-session';
import { POLISH_DIR, settle, shootMatrix } from './shots';

const ITEM = 'hz-2024/T1/I1';
const ADDRESS = `#/initiative/${ITEM}`;
const ZH_QUOTE = '该出台的政策制度及时出台';
const EN_QUOTE = 'institutional guarantees for high-quality development';
const TITLE = '聚焦“深化改革、强基固本”主题主线 探索杭州打造中国式现代化城市范例的新思路';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('annotate');
  page = app.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.server.url);
  await page.getByRole('navigation', { name: /^(计划大纲|Plan outline)$/ }).waitFor();
});

afterAll(() => app?.close());

async function setSettings(values: Partial<Record<SettingKey, string>>): Promise<void> {
  for (const [key, value] of Object.entries(values)) await app.call('settings.set', { key: key as SettingKey, value });
}

async function open(mode: 'zh' | 'en' | 'both'): Promise<void> {
  await setSettings({ 'ui.readingMode': mode });
  await page.goto(`${app.server.origin}/${ADDRESS}`);
  await page.reload();
  await page.locator('#view-title').waitFor();
  await settle(page);
}

/** Drags the mouse over the nth occurrence of `quote` in the item's text (`lang`: zh-CN or en), as a reader selects. */
async function dragOver(quote: string, lang: 'zh-CN' | 'en', nth = 0): Promise<void> {
  const points = await page.evaluate(
    ({ quote, lang, nth }) => {
      // A press inside a selection would drag it away rather than select anew.
      document.getSelection()?.removeAllRanges();
      const pieces = [...document.querySelectorAll(`article [data-anchor-part="body"]`)].filter((el) => el.closest('[lang]')?.getAttribute('lang') === lang);
      let seen = 0;
      for (const piece of pieces) {
        const text = piece.textContent ?? '';
        const at = text.indexOf(quote);
        if (at < 0 || seen++ !== nth) continue;
        piece.scrollIntoView({ block: 'center' });
        // The text node and offset of a character of the piece.
        const locate = (i: number): [Text, number] => {
          const walker = document.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
            if (i < n.data.length) return [n, i];
            i -= n.data.length;
          }
          throw new Error('past the end');
        };
        const box = (i: number) => {
          const r = document.createRange();
          const [n, o] = locate(i);
          r.setStart(n, o);
          r.setEnd(n, o + 1);
          return r.getBoundingClientRect();
        };
        const first = box(at);
        const last = box(at + quote.length - 1);
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }
      throw new Error(`“${quote}” is not in the ${lang} text`);
    },
    { quote, lang, nth },
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
}

const selected = () => page.evaluate(() => document.getSelection()?.toString() ?? '');
const toolbar = () => page.getByRole('toolbar', { name: /^(标注所选文字|Annotate the selected text)$/ });

/** What each colour's highlight paints now: the text of its ranges, and the language each is in. */
const painted = () =>
  page.evaluate(() => {
    const out: Record<string, { text: string; lang: string | null }[]> = {};
    for (const color of ['yellow', 'green', 'blue', 'pink', 'purple', 'focus']) {
      const h = CSS.highlights.get(`bb-highlight-${color}`);
      if (!h) continue;
      out[color] = [...h].map((r) => {
        const range = r as Range;
        return { text: range.toString(), lang: range.startContainer.parentElement?.closest('[lang]')?.getAttribute('lang') ?? null };
      });
    }
    return out;
  });

const highlights = async () => (await app.call('annotation.list', { itemId: ITEM, kind: 'highlight', sort: 'text' })).entries;

describe('highlighting in the Chinese text', () => {
  it('selects a passage with the mouse, highlights it from the toolbar, and paints it once saved', async () => {
    await open('zh');
    await dragOver(ZH_QUOTE, 'zh-CN');
    expect(await selected()).toBe(ZH_QUOTE);
    await toolbar().waitFor();
    const green = toolbar().getByRole('button', { name: '用绿色高亮' });
    expect(await green.getAttribute('title')).toBe('用绿色高亮');
    await green.click();
    await expect.poll(painted).toEqual({ green: [{ text: ZH_QUOTE, lang: 'zh-CN' }] });
    // The toolbar goes with the selection, which may be a frame after the paint.
    await expect.poll(() => toolbar().count()).toBe(0);
    const saved = await highlights();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ color: 'green', target: { part: 'body', language: 'zh', selectors: { quote: { exact: ZH_QUOTE } } } });
  });

  it('paints it over the same words after a reload', async () => {
    await open('zh');
    await expect.poll(painted).toEqual({ green: [{ text: ZH_QUOTE, lang: 'zh-CN' }] });
  });

  it('styles the highlights (and find’s marks) in the item’s text only: no other element of the page has a highlight style', async () => {
    // A ::highlight() rule that any element matches gives every element of the page a style per
    // highlight name in every style recalculation (the table's first rows, the overview's first
    // frame): the rules name the item's text, the only place anything is painted.
    const styles = await page.evaluate(() => {
      const names = ['bb-highlight-yellow', 'bb-highlight-green', 'bb-highlight-blue', 'bb-highlight-pink', 'bb-highlight-purple', 'bb-highlight-focus', 'bb-find', 'bb-find-current'];
      const background = (el: Element | null, name: string) => (el ? getComputedStyle(el, `::highlight(${name})`).backgroundColor : 'missing');
      const text = document.querySelector('article [data-anchor-part="body"]');
      const elsewhere = [document.querySelector('nav a'), document.querySelector('header button'), document.body];
      return names.map((name) => ({ name, inText: background(text, name), elsewhere: elsewhere.map((el) => background(el, name)) }));
    });
    const none = 'rgba(0, 0, 0, 0)';
    for (const s of styles) {
      expect(s.inText, s.name).not.toBe(none);
      expect(s.inText, s.name).not.toBe('missing');
      expect(s.elsewhere, s.name).toEqual([none, none, none]);
    }
    // The painted highlight's own colour, from its rule.
    expect(styles.find((s) => s.name === 'bb-highlight-green')!.inText).toBe('rgba(74, 200, 110, 0.3)');
  });

  it('a click on the painted words focuses that highlight and flashes it', async () => {
    const [saved] = await highlights();
    await page.getByRole('article').locator('p', { hasText: ZH_QUOTE }).first().waitFor();
    const point = await page.evaluate((quote) => {
      const range = CSS.highlights.get('bb-highlight-green') && ([...CSS.highlights.get('bb-highlight-green')!][0] as Range);
      const r = range!.getBoundingClientRect();
      return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2, text: quote };
    }, ZH_QUOTE);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.getByRole('article').getAttribute('data-flash')).toBe(saved!.id);
    expect((await painted()).focus).toEqual([{ text: ZH_QUOTE, lang: 'zh-CN' }]);
    await page.screenshot({ path: join(POLISH_DIR, 'annotate-flash-1400x900-zh-light.png') });
  });
});

describe('highlighting in the English text', () => {
  it('highlights a passage running into a glossary term with the H key, in the colour last used', async () => {
    await open('en');
    // The Chinese highlight has no place in the English text.
    await expect.poll(painted).toEqual({});
    await dragOver(EN_QUOTE, 'en');
    expect(await selected()).toBe(EN_QUOTE);
    await toolbar().waitFor();
    await page.keyboard.press('h');
    await expect.poll(painted).toEqual({ green: [{ text: EN_QUOTE, lang: 'en' }] });
    const en = (await highlights()).find((h) => h.target?.language === 'en');
    expect(en?.target?.selectors.quote.exact).toBe(EN_QUOTE);
  });

  it('paints it over the same words after a reload, and both side by side each in its own column', async () => {
    await open('en');
    await expect.poll(painted).toEqual({ green: [{ text: EN_QUOTE, lang: 'en' }] });
    await open('both');
    await expect.poll(painted).toEqual({
      green: [
        { text: ZH_QUOTE, lang: 'zh-CN' },
        { text: EN_QUOTE, lang: 'en' },
      ],
    });
  });
});

describe('copying and the context menu', () => {
  it('copies the quote with its plan and item as plain text', async () => {
    await open('zh');
    await page.evaluate(() => {
      const w = window as unknown as { copied: string[] };
      w.copied = [];
      window.addEventListener('copy', (e) => w.copied.push(e.clipboardData?.getData('text/plain') ?? ''));
    });
    await dragOver('直面各种体制机制障碍', 'zh-CN');
    await toolbar().getByRole('button', { name: '复制并注明出处' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
      `“直面各种体制机制障碍”——《${TITLE}》第一 建立解难题促发展政策机制`,
    ]);
    await toolbar().getByRole('status').filter({ hasText: '已复制' }).waitFor();
  });

  it('offers highlight, note and copy on a right click over the selection, and Escape closes it', async () => {
    await open('zh');
    await dragOver('着重在夯实基础', 'zh-CN');
    const box = await page.evaluate(() => {
      const r = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(box.x, box.y, { button: 'right' });
    const menu = page.getByRole('menu');
    await menu.waitFor();
    // The first entry highlights in the colour last used (green, from the tests above).
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([expect.stringMatching(/^用.色高亮$/), '高亮并添加笔记', '复制', '复制并注明出处']);
    await page.screenshot({ path: join(POLISH_DIR, 'annotate-menu-1400x900-zh-light.png') });
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    expect(await selected()).toBe('着重在夯实基础');
    await page.keyboard.press('Escape');
    expect(await toolbar().count()).toBe(0);
    app.expectNothingBlocked();
  });
});

describe('notes from the text', () => {
  it('Note highlights the passage, then opens the editor on it with the quote', async () => {
    await open('zh');
    await dragOver('资源利用', 'zh-CN');
    await toolbar().getByRole('button', { name: '笔记' }).click();
    const editor = page.locator('.note-editor');
    await editor.waitFor();
    expect(await editor.getByRole('heading', { level: 3 }).textContent()).toBe('笔记');
    expect(await editor.locator('blockquote').textContent()).toContain('资源利用');
    const saved = (await highlights()).find((h) => h.target?.selectors.quote.exact === '资源利用');
    expect(saved).toBeDefined();
    await expect.poll(async () => (await painted()).green?.map((r) => r.text)).toContain('资源利用');
    await editor.getByRole('textbox').fill('要看资源利用的数据');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await app.call('annotation.get', { id: saved!.id })).body).toBe('要看资源利用的数据');
  });

  it('Ctrl+N on an item opens the editor on a new note on that item, saved once written', async () => {
    await open('zh');
    await page.getByRole('article').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+n');
    const editor = page.locator('.note-editor');
    await editor.waitFor();
    expect(await editor.getByRole('heading', { level: 3 }).textContent()).toBe('新笔记');
    await editor.getByRole('textbox').fill('整条举措的笔记');
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await app.call('annotation.list', { itemId: ITEM, kind: 'note' })).entries.map((n) => [n.body, n.target]))
      .toEqual([['整条举措的笔记', null]]);
    app.expectNothingBlocked();
  });
});

describe('the panel and the text together', () => {
  it('a click on a highlight in the panel flashes its passage in the text', async () => {
    await open('zh');
    const saved = (await highlights()).find((h) => h.target?.selectors.quote.exact === '资源利用')!;
    await page.locator('.apanel-quote', { hasText: '资源利用' }).click();
    await expect.poll(() => page.getByRole('article').getAttribute('data-flash')).toBe(saved.id);
    expect((await painted()).focus).toEqual([{ text: '资源利用', lang: 'zh-CN' }]);
  });
});

describe('screenshots', () => {
  it('of the toolbar over a selection and the painted highlights', async () => {
    // A second colour, named by the reader, so the shots show colours side by side.
    await app.call('annotation.setColorNames', { names: { yellow: '重点', blue: '疑问' } });
    // Side by side, so each shot shows both languages painted; the selection in the interface's language.
    await setSettings({ 'ui.readingMode': 'both' });
    const files = await shootMatrix(app, 'annotate-toolbar', `${app.server.origin}/${ADDRESS}`, async (p, language) => {
      await p.locator('#view-title').waitFor();
      await settle(p);
      await dragOver(language === 'zh' ? '打开新空间' : 'resolve of', language === 'zh' ? 'zh-CN' : 'en');
      await toolbar().waitFor();
      await toolbar().getByRole('button').first().hover();
    });
    expect(files).toHaveLength(8);
  });
});
