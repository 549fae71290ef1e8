// Highlights across a new version of a plan, end to end in Chromium against the built
// browser-mode server and a real database: two passages of the first version highlighted with
// the mouse and the selection toolbar, the revised text imported through the library's "Import
// new version…", then in the new version: the sentence the revision put a sum into is
// painted over its new words and listed as relocated with the reader's original quote; the
// passage the revision removed from its item is painted nowhere and listed among the highlights
// that lost their place, with its quote. Screenshots of both items go to tests/output/polish/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths';
import { startAppSession, type AppSession } from './app-session';
import { POLISH_DIR, settle } from './shots';

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'versions');
const TITLE = '青禾市城市更新行动方案';
// 保障措施（二）: the revision puts a sum into the sentence.
const MOVED_ITEM = '强化资金保障';
const MOVED_QUOTE = '市财政每年安排专项资金，鼓励社会资本通过多种方式参与项目建设';
const MOVED_NEW = '市财政每年安排专项资金不少于2亿元，鼓励社会资本通过多种方式参与项目建设';
// 重点任务（一）: the revision moves its lift sentence out into an item of its own.
const LOST_ITEM = '推进老旧小区改造';
const LOST_QUOTE = '加装电梯不少于80部';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('annotations-reanchor');
  page = app.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${app.server.url}#/library`);
  await page.getByRole('list', { name: '计划库' }).waitFor();
}, 120_000);

afterAll(() => app?.close());

const panel = () => page.getByRole('complementary', { name: '批注' });
const toolbar = () => page.getByRole('toolbar', { name: '标注所选文字' });

async function itemIdOf(planId: string, headline: string): Promise<string> {
  const rows = (await app.call('table.query', { planId, sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 50 })).rows;
  const row = rows.find((r) => r.headline === headline);
  if (!row) throw new Error(`no item “${headline}” in ${planId}`);
  return row.id;
}

async function openItem(id: string, headline: string): Promise<void> {
  await page.goto(`${app.server.url}#/initiative/${encodeURIComponent(id)}`);
  await page.locator('.initiative-title', { hasText: headline }).waitFor({ timeout: 15_000 });
  await panel().waitFor();
  await settle(page);
}

/** Drags the mouse over `quote` in the item's Chinese text, as a reader selects. */
async function dragOver(quote: string): Promise<void> {
  const points = await page.evaluate((quote) => {
    document.getSelection()?.removeAllRanges();
    for (const piece of document.querySelectorAll('article [data-anchor-part="body"]')) {
      const at = (piece.textContent ?? '').indexOf(quote);
      if (at < 0) continue;
      piece.scrollIntoView({ block: 'center' });
      const box = (i: number) => {
        const walker = document.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          if (i < n.data.length) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + 1);
            return r.getBoundingClientRect();
          }
          i -= n.data.length;
        }
        throw new Error('past the end');
      };
      const first = box(at);
      const last = box(at + quote.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`“${quote}” is not in the text`);
  }, quote);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
}

/** The words each highlight colour paints now. */
const painted = () =>
  page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const color of ['yellow', 'green', 'blue', 'pink', 'purple']) {
      const h = CSS.highlights.get(`bb-highlight-${color}`);
      if (h && h.size > 0) out[color] = [...h].map((r) => (r as Range).toString());
    }
    return out;
  });

async function highlight(quote: string, colour: string): Promise<void> {
  await dragOver(quote);
  await toolbar().waitFor();
  await toolbar().getByRole('button', { name: `用${colour}高亮` }).click();
}

describe('highlights follow their item into a new version', () => {
  let v1 = '';
  let v2 = '';
  it('imports the first version and highlights two passages with the mouse', async () => {
    await page.locator('input[type="file"][multiple]').setInputFiles(join(FIXTURES, 'renewal-v1.txt'));
    const dialog = page.getByRole('dialog', { name: '导入预览' });
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 30_000 });
    v1 = (await app.call('library.list', {})).find((e) => e.title === TITLE)!.id;

    await openItem(await itemIdOf(v1, MOVED_ITEM), MOVED_ITEM);
    await highlight(MOVED_QUOTE, '绿色');
    await expect.poll(painted).toEqual({ green: [MOVED_QUOTE] });

    await openItem(await itemIdOf(v1, LOST_ITEM), LOST_ITEM);
    await highlight(LOST_QUOTE, '黄色');
    await expect.poll(painted).toEqual({ yellow: [LOST_QUOTE] });

    const saved = (await app.call('annotation.list', { planId: v1, kind: 'highlight', sort: 'text' })).entries;
    expect(saved.map((a) => [a.target?.selectors.quote.exact, a.anchor?.status])).toEqual([
      [LOST_QUOTE, 'anchored'],
      [MOVED_QUOTE, 'anchored'],
    ]);
  }, 90_000);

  it('imports the revised text as version 2 through the library', async () => {
    await page.getByRole('link', { name: '计划库' }).click();
    const row = page.locator('.library-row').filter({ has: page.getByRole('button', { name: TITLE, exact: true }) });
    await row.hover();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: `导入“${TITLE}”的新版本` }).click();
    await (await chooser).setFiles(join(FIXTURES, 'renewal-v2.txt'));
    const dialog = page.getByRole('dialog', { name: '导入预览' });
    await dialog.getByRole('region', { name: '与第 1 版相比' }).waitFor({ timeout: 30_000 });
    // Nothing moves before the reader confirms.
    expect((await app.call('annotation.list', { planId: v1, kind: 'highlight' })).total).toBe(2);
    await dialog.getByRole('button', { name: '导入为第 2 版' }).click();
    await page.getByRole('heading', { level: 1, name: `${TITLE}（修订稿）` }).waitFor({ timeout: 30_000 });
    v2 = (await app.call('library.list', {})).find((e) => e.version)!.id;
    expect(v2).not.toBe(v1);
  }, 90_000);

  it('answers the anchor filter: one relocated with the old quote kept, one orphaned, none left on version 1', async () => {
    expect((await app.call('annotation.list', { planId: v1, kind: 'highlight' })).total).toBe(0);
    const relocated = (await app.call('annotation.list', { planId: v2, anchor: 'relocated' })).entries;
    expect(relocated).toHaveLength(1);
    expect(relocated[0]).toMatchObject({
      itemId: await itemIdOf(v2, MOVED_ITEM),
      color: 'green',
      anchor: { status: 'relocated', previousQuote: MOVED_QUOTE },
      target: { selectors: { quote: { exact: MOVED_NEW } } },
    });
    const orphaned = (await app.call('annotation.list', { planId: v2, anchor: 'orphaned' })).entries;
    expect(orphaned).toHaveLength(1);
    expect(orphaned[0]).toMatchObject({
      itemId: await itemIdOf(v2, LOST_ITEM),
      color: 'yellow',
      anchor: { status: 'orphaned' },
      target: { selectors: { quote: { exact: LOST_QUOTE } } },
    });
    expect((await app.call('annotation.list', { planId: v2, anchor: 'anchored' })).total).toBe(0);
  });

  it('paints the relocated highlight over the new words and says what it was', async () => {
    await openItem(await itemIdOf(v2, MOVED_ITEM), MOVED_ITEM);
    await expect.poll(painted).toEqual({ green: [MOVED_NEW] });
    const entry = panel().locator('.apanel-entry').filter({ hasText: MOVED_NEW });
    await entry.waitFor();
    expect(await entry.locator('.apanel-badge').textContent()).toBe('已重新定位');
    expect(await entry.locator('.apanel-previous').textContent()).toBe(`原摘录：${MOVED_QUOTE}`);
    // It found its place: not among the lost ones.
    expect(await panel().locator('.apanel-lost').count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: join(POLISH_DIR, 'reanchor-relocated-1400x900-zh-light.png') });
  }, 60_000);

  it('paints the orphaned highlight nowhere and lists it, quote and all, among the lost ones', async () => {
    await openItem(await itemIdOf(v2, LOST_ITEM), LOST_ITEM);
    const lost = panel().locator('.apanel-lost');
    await lost.waitFor();
    expect(await lost.getByRole('heading', { level: 3 }).textContent()).toBe('无法定位的高亮');
    const entry = lost.locator('.apanel-entry');
    expect(await entry.count()).toBe(1);
    expect(await entry.locator('q').textContent()).toBe(LOST_QUOTE);
    expect(await entry.locator('.apanel-badge').textContent()).toBe('未找到原文');
    expect(await painted()).toEqual({});
    // Not on the item that now carries those words either.
    await openItem(await itemIdOf(v2, '实施加装电梯和管网更新'), '实施加装电梯和管网更新');
    expect(await page.locator('article').textContent()).toContain(LOST_QUOTE);
    expect(await painted()).toEqual({});
    await openItem(await itemIdOf(v2, LOST_ITEM), LOST_ITEM);
    await lost.waitFor();
    await settle(page);
    await page.screenshot({ path: join(POLISH_DIR, 'reanchor-orphaned-1400x900-zh-light.png') });
    app.expectNothingBlocked();
  }, 60_000);
});
