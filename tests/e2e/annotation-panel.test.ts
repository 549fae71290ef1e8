// The annotation panel and the note editor in the built app in Chromium, against the real core
// and a real SQLite file: a note typed in Chinese through an input method's composition events
// is saved only once the composition ends, says "Saved" once committed, and is there after a
// reload; hostile notes shown in the panel run nothing, open no dialog and request nothing; the
// reader's fields in the panel save like the table's. Screenshots for a person to look at.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePassage } from '../../shared/domain/anchoring';
import { axeViolations, OUTPUT_DIR, startAppSession, type AppSession } from './app-session';
import { settle, shootMatrix, useLanguage } from './shots';
import { usedFonts } from './used-fonts';

let app: AppSession;
let page: Page;
const dialogs: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  app = await startAppSession('annotation-panel');
  page = app.page;
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
});

afterAll(() => app?.close());

const ITEM = 'hz-2024/T1/I1';
const itemUrl = () => `${app.server.url}#/initiative/${encodeURIComponent(ITEM)}`;
const panel = () => page.getByRole('complementary', { name: '批注' });

async function openItem(): Promise<void> {
  await page.goto(itemUrl());
  await page.locator('.initiative-title').waitFor();
  await panel().waitFor();
}

/** Types `text` into the focused text area as an input method would: a composition, then its commit. */
async function composeInto(selector: string, pinyin: string, text: string): Promise<void> {
  await page.dispatchEvent(selector, 'compositionstart', { data: '' });
  for (let i = 1; i <= pinyin.length; i++) {
    const partial = pinyin.slice(0, i);
    await page.dispatchEvent(selector, 'compositionupdate', { data: partial });
    await page.$eval(
      selector,
      (el, value) => {
        const area = el as HTMLTextAreaElement;
        // React tracks the value it last saw: set it through the native setter, as typing does.
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
        setter.call(area, value);
        area.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: value }));
      },
      partial,
    );
  }
  await page.$eval(
    selector,
    (el, value) => {
      const area = el as HTMLTextAreaElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(area, value);
      area.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: value }));
      area.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: value }));
    },
    text,
  );
}

const listNotes = async () => (await app.call('annotation.list', { itemId: ITEM, kind: 'note' })).entries;

describe('annotation panel', () => {
  it('saves a note typed through an input method, only after the composition, and keeps it across a reload', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openItem();
    await panel().getByRole('button', { name: '添加笔记' }).click();
    const area = panel().getByRole('textbox', { name: '笔记内容（Markdown）' });
    await area.waitFor();
    const selector = '.note-editor-text';
    await page.dispatchEvent(selector, 'compositionstart', { data: '' });
    await page.$eval(selector, (el) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(el, 'zhongdian');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
    });
    // Well past the autosave pause, mid-composition: nothing is stored.
    await page.waitForTimeout(1500);
    expect(await listNotes()).toEqual([]);
    await page.$eval(selector, (el) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(el, '重点：');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
      el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '重点：' }));
    });
    await composeInto(selector, 'yingshangfuwu', '重点：营商环境需要**持续**优化');
    await panel().getByRole('status').filter({ hasText: '已保存' }).waitFor({ timeout: 10_000 });
    const saved = await listNotes();
    expect(saved.map((n) => n.body)).toEqual(['重点：营商环境需要**持续**优化']);

    await page.reload();
    await panel().waitFor();
    const entry = panel().locator('.apanel-entry').filter({ hasText: '营商环境需要' });
    await entry.waitFor();
    expect(await entry.locator('strong').textContent()).toBe('持续');
    app.expectNothingBlocked();
  });

  it('renders hostile notes inert: no script, no dialog, no request', async () => {
    const hostile = [
      'before <script>alert("script")</script> after',
      '<img src="https://evil.example/beacon.png" onerror="alert(\'onerror\')">',
      '[click me](javascript:alert("js-link"))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[vb](vbscript:msgbox(1))',
      '<svg onload="alert(\'svg\')"><circle r="5"/></svg>',
      '<noscript><p title="</noscript><img src=x onerror=alert(\'mxss\')>">',
      '<style>body{background:url(https://evil.example/css.png)}</style><p style="background:url(https://evil.example/inline.png)">x</p>',
      '![remote](https://evil.example/image.png)',
      '<iframe src="https://evil.example/frame"></iframe>',
    ];
    await openItem();
    for (const body of hostile) {
      await app.call('annotation.create', {
        id: crypto.randomUUID(),
        kind: 'note',
        planId: 'hz-2024',
        itemId: ITEM,
        target: null,
        color: null,
        body,
        tags: ['hostile'],
      });
    }
    requests.length = 0;
    dialogs.length = 0;
    await openItem();
    await expect.poll(() => panel().locator('.apanel-entry').filter({ hasText: 'hostile' }).count(), { timeout: 10_000 }).toBe(hostile.length);
    // Hover and click over every rendered note, as a reader would.
    for (const note of await panel().locator('.apanel-note').all()) {
      await note.hover();
    }
    await panel().locator('.apanel-note').filter({ hasText: 'click me' }).click();
    await settle(page);
    const rendered = await panel().locator('.apanel-list').evaluate((list) => ({
      active: list.querySelectorAll('script, img, svg, iframe, style, object, embed, noscript, [style], [onerror], [onload]').length,
      hrefs: [...list.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    }));
    expect(rendered.active).toBe(0);
    // Addresses typed as text may become links (opened only after confirming); nothing else does.
    expect(rendered.hrefs.length).toBeGreaterThan(0);
    for (const href of rendered.hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    expect(rendered.hrefs).not.toContain('javascript:alert("js-link")');
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(app.server.origin))).toEqual([]);
    app.expectNothingBlocked();

    // The one link (the image's address) asks before it goes anywhere; Cancel is the default.
    await panel().getByRole('link', { name: /remote/ }).click();
    const confirm = page.getByRole('alertdialog', { name: '在浏览器中打开此网址吗？' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('https://evil.example/image.png');
    await page.screenshot({ path: join(OUTPUT_DIR, 'polish', 'annotation-link-confirm-1400x900-zh-light.png') });
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect(requests.filter((u) => !u.startsWith(app.server.origin))).toEqual([]);
    // No tab was opened (the persistent context starts with one blank page of its own).
    expect(app.browser.context.pages().map((p) => p.url()).filter((u) => u !== 'about:blank')).toEqual([page.url()]);
  });

  it('deletes to the trash and Undo restores', async () => {
    await openItem();
    const entry = panel().locator('.apanel-entry').filter({ hasText: 'click me' });
    await entry.getByRole('button', { name: /^删除/ }).click();
    await panel().getByText('已移到回收站。').waitFor();
    await expect.poll(() => entry.count()).toBe(0);
    await panel().getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => entry.count()).toBe(1);
    // Its history lists the trash and the restore (the library's history dialog).
    await entry.getByRole('button', { name: /^历史版本：/ }).click();
    const history = page.getByRole('dialog', { name: '历史版本' });
    await history.waitFor();
    await expect.poll(() => history.getByText('当前版本').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'detached' });
  });

  it('Ctrl+N starts a note on the current item, saved to it', async () => {
    await openItem();
    await page.locator('.main-pane').focus();
    await page.keyboard.press('Control+N');
    const area = panel().getByRole('textbox', { name: '笔记内容（Markdown）' });
    await area.waitFor();
    expect(await area.evaluate((el) => el === document.activeElement)).toBe(true);
    await area.fill('快捷键写的笔记');
    await panel().getByRole('button', { name: '完成', exact: true }).click();
    await area.waitFor({ state: 'detached' });
    expect((await listNotes()).map((n) => n.body)).toContain('快捷键写的笔记');
  });

  it('edits the reader fields in the panel like the table', async () => {
    await openItem();
    const lead = panel().locator('.apanel-field').filter({ hasText: '牵头单位' });
    await lead.locator('.itable-display').focus();
    await page.keyboard.press('Enter');
    const input = lead.getByRole('textbox');
    await input.fill('市发改委');
    await input.press('Enter');
    await expect
      .poll(async () => (await app.call('table.rows', { ids: [ITEM] }))[0]?.leadUnit, { timeout: 10_000 })
      .toBe('市发改委');
  });

  it('has the app’s primary button a size smaller in the narrow panel', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openItem();
    const add = panel().getByRole('button', { name: '添加笔记' });
    const look = await add.evaluate((el) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, fontWeight: s.fontWeight, filled: s.backgroundColor === s.borderTopColor };
    });
    // 0.8125rem, not the 0.92rem of a dialog's primary button; its weight and fill are the shared rule's.
    expect(look).toEqual({ fontSize: '13px', fontWeight: '600', filled: true });
  });

  it('has no accessibility violations in the panel', async () => {
    await openItem();
    expect(await axeViolations(page, '.apanel')).toEqual([]);
  });

  it('sets its English interface text in the English face, not the Chinese one (whose quotation marks are full-width)', async () => {
    await useLanguage(app, 'en', itemUrl());
    try {
      await page.locator('.apanel-title').waitFor();
      const fonts = await usedFonts(page, '.apanel-title');
      expect(fonts.map((f) => f.familyName)).toEqual(['Noto Sans']);
    } finally {
      await useLanguage(app, 'zh', itemUrl());
    }
  });

  it('screenshots', async () => {
    for (const note of await listNotes()) {
      if (note.tags.includes('hostile')) await app.call('annotation.delete', { id: note.id, baseRevision: note.revision });
    }
    // Two highlights, as the reading view makes them, so the shots show quotes in their colours.
    const body = (await app.call('initiative.get', { initiativeId: ITEM })).initiative.body;
    for (const [quote, color, note] of [
      ['猛药去疴、重典治乱', 'yellow', '**力度**：对应“破”的一面。'],
      ['科技创新', 'blue', ''],
    ] as const) {
      const start = [...body.slice(0, body.indexOf(quote))].length;
      await app.call('annotation.create', {
        id: crypto.randomUUID(),
        kind: 'highlight',
        planId: 'hz-2024',
        itemId: ITEM,
        target: { itemId: ITEM, part: 'body', language: 'zh', selectors: describePassage(body, start, start + [...quote].length) },
        color,
        body: note,
        tags: color === 'yellow' ? ['重点'] : [],
      });
    }
    // A highlight-like entry needs the reading slice; the panel shows notes, fields and the editor.
    const files = await shootMatrix(app, 'annotation-panel', itemUrl(), async (p) => {
      await p.locator('.initiative-title').waitFor();
      await p.locator('.apanel').waitFor();
      await p.locator('.apanel-quote').first().waitFor();
    });
    expect(files).toHaveLength(8);
    // And the editor, open on a new note.
    await page.setViewportSize({ width: 1400, height: 900 });
    await openItem();
    await panel().getByRole('button', { name: '添加笔记' }).click();
    await page.locator('.note-editor-text').fill('第二条：**重点**跟进\n\n- 联系 [市发改委](https://www.hangzhou.gov.cn/)');
    await panel().getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await settle(page);
    await page.screenshot({ path: join(OUTPUT_DIR, 'polish', 'annotation-panel-editor-1400x900-zh-light.png') });
  });
});
