// Exporting and importing annotations end to end in Chromium, against the built browser-mode
// server and a real database: annotations made through the API (one with a hostile note), then
// exported from the library's Annotations menu as Markdown and as W3C JSON-LD (the saved files'
// content checked), the JSON-LD edited and imported back through the file chooser (the result
// shown), and a broken file refused with the core's message and nothing changed. Screenshots of
// the export dialog and the import result go to tests/output/polish/.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/api/annotations/methods';
import { describePassage } from '../../shared/domain/anchoring';
import { startAppSession, type AppSession } from './app-session';
import { shootMatrix } from './shots';

let app: AppSession;
let page: Page;
const ITEM = 'hz-2024/T3/I3';
const HOSTILE = '<img src=x onerror=alert(1)> 见[链接](javascript:alert(2))，**重要**';

beforeAll(async () => {
  app = await startAppSession('annotation-exchange');
  page = app.page;
  // The API is called from inside the page (its origin and token).
  await page.goto(`${app.server.url}#/library`);
  const detail = await app.call('initiative.get', { initiativeId: ITEM });
  const body = detail.initiative.body;
  await app.call('annotation.create', {
    id: '8d0f2c4e-6a1b-4c3d-9e8f-0a1b2c3d4e5f',
    kind: 'highlight',
    planId: 'hz-2024',
    itemId: ITEM,
    target: { itemId: ITEM, part: 'body', language: 'zh', selectors: describePassage(body, 0, 6) },
    color: 'green',
    body: HOSTILE,
    tags: ['重点'],
  });
  await app.call('annotation.create', {
    id: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5',
    kind: 'note',
    planId: 'hz-2024',
    itemId: null,
    target: null,
    color: null,
    body: '整体判断：稳中求进。',
    tags: [],
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function openMenuItem(name: string): Promise<void> {
  await page.locator('.exchange-menu summary').click();
  await page.getByRole('menuitem', { name }).click();
}

async function exportThrough(formatName: RegExp): Promise<{ fileName: string; text: string }> {
  await openMenuItem('导出标注…');
  const dialog = page.getByRole('dialog', { name: '导出标注' });
  await dialog.getByRole('radio', { name: formatName }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出', exact: true }).click()]);
  await dialog.getByText(/已导出 2 条标注/).waitFor();
  const text = readFileSync((await download.path())!, 'utf8');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'detached' });
  return { fileName: download.suggestedFilename(), text };
}

async function importThrough(name: string, text: string): Promise<void> {
  await page.locator('[data-testid="annotation-import-input"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('annotation export and import in the browser', () => {
  let jsonld = '';

  it('exports Markdown from the library: grouped, quoted, the hostile note inert', async () => {
    await page.goto(`${app.server.url}#/library`);
    await page.getByRole('list', { name: '计划库' }).waitFor();
    const md = await exportThrough(/Markdown/);
    expect(md.fileName).toMatch(/^briefbook-annotations-all-plans-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text).toMatch(/^# 标注\n/);
    expect(md.text).toContain('### 计划笔记');
    expect(md.text).toContain('整体判断：稳中求进。');
    expect(md.text).toMatch(/\n> .+\n/);
    expect(md.text).toContain('&lt;img src=x onerror=alert(1)>');
    expect(md.text).toContain('[链接]\\(javascript:alert(2))');
    expect(md.text).toContain('绿色');
  });

  it('exports W3C JSON-LD with the passage’s selectors and the tags', async () => {
    const file = await exportThrough(/JSON-LD/);
    jsonld = file.text;
    expect(file.fileName).toMatch(/\.jsonld$/);
    const doc = JSON.parse(jsonld) as { '@context': unknown[]; type: string; total: number; first: { items: Record<string, unknown>[] } };
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    const highlight = doc.first.items.find((i) => i.motivation === 'highlighting')!;
    expect(highlight).toMatchObject({
      id: 'urn:uuid:8d0f2c4e-6a1b-4c3d-9e8f-0a1b2c3d4e5f',
      type: 'Annotation',
      body: [{ type: 'TextualBody', value: HOSTILE, purpose: 'commenting' }, { value: '重点', purpose: 'tagging' }],
      target: { source: { id: `urn:briefbook:item:${ITEM}:body` }, selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector', start: 0, end: 6 }] },
    });
  });

  it('imports an edited file back: the newer note replaces the older one, the rest unchanged', async () => {
    const doc = JSON.parse(jsonld) as { first: { items: Record<string, unknown>[] } };
    const note = doc.first.items.find((i) => i.motivation === 'commenting')!;
    note.body = [{ type: 'TextualBody', value: '在另一台电脑上改过', format: 'text/markdown', purpose: 'commenting' }];
    note['briefbook:revision'] = 5;
    await importThrough('edited.jsonld', JSON.stringify(doc));
    const dialog = page.getByRole('dialog', { name: '导入标注' });
    await dialog.getByText('“edited.jsonld”已导入').waitFor({ timeout: 30_000 });
    await expect.poll(() => dialog.locator('[data-key="updated"] dd').textContent()).toBe('1');
    expect(await dialog.locator('[data-key="unchanged"] dd').textContent()).toBe('1');
    await dialog.getByRole('button', { name: '关闭' }).click();
    const stored = (await app.call('annotation.get', { id: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5' })) as Annotation;
    expect(stored).toMatchObject({ body: '在另一台电脑上改过', revision: 5 });
  });

  it('refuses a broken file with the place of the problem, and changes nothing', async () => {
    const before = (await app.call('annotation.export', { format: 'json' })).text;
    const doc = JSON.parse(jsonld) as { first: { items: Record<string, unknown>[] } };
    doc.first.items[1]!.created = 'yesterday';
    await importThrough('broken.jsonld', JSON.stringify(doc));
    const alert = page.getByRole('dialog', { name: '导入标注' }).getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/broken\.jsonld: first\.items\[1\] \(urn:uuid:[-0-9a-f]+\): created must be a date and time.*未更改任何内容/);
    await page.getByRole('button', { name: '关闭' }).click();
    // The refusal is an HTTP 400, which the browser logs: expected here, and only here.
    const errors = app.browser.problems.consoleErrors;
    const refusal = errors.filter((e) => /status of 400 .*\/api\/annotation\.import/.test(e));
    expect(refusal).toHaveLength(1);
    app.browser.problems.consoleErrors = errors.filter((e) => !refusal.includes(e));
    const after = (await app.call('annotation.export', { format: 'json' })).text;
    expect(JSON.parse(after).annotations).toEqual(JSON.parse(before).annotations);
    app.expectNothingBlocked();
  });

  it('draws the menu button’s caret as the other menu buttons do (the shared chevron), zh and en, light and dark', async () => {
    const url = `${app.server.url}#/library`;
    const shots = await shootMatrix(app, 'annotation-menu', url, async (p, language) => {
      await p.getByRole('list', { name: language === 'zh' ? '计划库' : 'Library' }).waitFor();
      const summary = p.locator('.exchange-menu summary');
      expect(await summary.textContent()).toBe(language === 'zh' ? '标注' : 'Annotations');
      // The chevron of components/Select.tsx, not a triangle drawn by the stylesheet.
      await expect.poll(() => summary.locator('svg.chevron').count()).toBe(1);
      expect(await summary.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('none');
      const [text, chevron] = await Promise.all([
        summary.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el.firstChild!);
          return range.getBoundingClientRect().toJSON() as DOMRect;
        }),
        summary.locator('svg.chevron').boundingBox(),
      ]);
      // After the word, on its line.
      expect(chevron!.x).toBeGreaterThan(text.right);
      expect(Math.abs(chevron!.y + chevron!.height / 2 - (text.top + text.height / 2))).toBeLessThan(3);
      if ((await p.locator('.exchange-menu[open]').count()) === 0) await summary.click();
      await p.getByRole('menuitem').first().waitFor();
    });
    expect(shots).toHaveLength(8);
    await page.keyboard.press('Escape');
    app.expectNothingBlocked();
  }, 300_000);

  it('screenshots: the export dialog and an import result, zh and en, light and dark', async () => {
    const url = `${app.server.url}#/library`;
    const exportShots = await shootMatrix(app, 'annotation-export', url, async (p, language) => {
      await p.getByRole('list', { name: language === 'zh' ? '计划库' : 'Library' }).waitFor();
      // Still open from the other window size (only a language change reloads).
      if ((await p.getByRole('dialog').count()) > 0) return;
      await p.locator('.exchange-menu summary').click();
      await p.getByRole('menuitem').first().click();
      await p.getByRole('dialog').waitFor();
    });
    const importShots = await shootMatrix(app, 'annotation-import', url, async (p, language) => {
      await p.getByRole('list', { name: language === 'zh' ? '计划库' : 'Library' }).waitFor();
      if ((await p.getByRole('dialog').count()) > 0) return;
      await importThrough('edited.jsonld', jsonld);
      await p.locator('.exchange-report').waitFor({ timeout: 30_000 });
    });
    expect(exportShots.length + importShots.length).toBe(16);
    app.expectNothingBlocked();
  }, 300_000);
});
