// Plan versions end to end in Chromium, against the built browser-mode server and a real
// database: a plan imported through the UI, the reader's fields set on two of its items, then a
// revised text imported from the library's "Import new version…": the change summary shows
// before anything is written (the deleted item that carries the reader's work named), the
// import goes through, the reader's field is on its item in the new version's table, and the
// library lists the plan once with its two versions and the unmatched count. Screenshots of the
// summary and the library go to tests/output/polish/ for a person to look at.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseVersionFile as chooseVersion, importFirstVersion, libraryRow, RENEWAL_TITLE, VERSION_FIXTURES } from '../helpers/versions-ui';
import { axeViolations, startAppSession, type AppSession } from './app-session';
import { POLISH_DIR, settle, shootMatrix } from './shots';

const FIXTURES = VERSION_FIXTURES;
const TITLE = RENEWAL_TITLE;
let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('versions');
  page = app.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${app.server.url}#/library`);
  await page.getByRole('list', { name: '计划库' }).waitFor();
}, 120_000);

afterAll(() => app?.close());

const row = () => libraryRow(page);
const chooseVersionFile = () => chooseVersion(page);

describe('a new version of a plan through the UI', () => {
  let v1 = '';
  it('imports the first version and sets the reader’s fields on two items', async () => {
    await importFirstVersion(page);
    v1 = (await app.call('library.list', {})).find((e) => e.title === TITLE)!.id;
    const rows = (await app.call('table.query', { planId: v1, sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 50 })).rows;
    const id = (headline: string) => rows.find((r) => r.headline === headline)!.id;
    await app.call('initiative.update', { initiativeId: id('完善社区服务设施'), baseRevision: 0, patch: { leadUnit: '市民政局', status: 'done' } });
    await app.call('initiative.update', { initiativeId: id('加强历史文化保护'), baseRevision: 0, patch: { status: 'watching' } });
  }, 60_000);

  it('shows what the revision changes before writing anything, then imports it as version 2', async () => {
    await page.getByRole('link', { name: '计划库' }).click();
    await row().waitFor();
    const before = await app.call('library.list', {});
    await chooseVersionFile();
    const dialog = page.getByRole('dialog', { name: '导入预览' });
    const summary = dialog.getByRole('region', { name: '与第 1 版相比' });
    await summary.waitFor({ timeout: 30_000 });
    expect(await dialog.getByRole('combobox', { name: '导入为' }).inputValue()).toBe(v1);
    expect(await summary.textContent()).toContain('其中 1 项带有您的内容，将保留在原版本中并列为“未对应”。');
    const removed = summary.locator('details', { hasText: '删除或无法对应的举措' });
    expect(await removed.getAttribute('open')).not.toBeNull();
    expect(await removed.locator('li[data-values]').textContent()).toBe('（五）加强历史文化保护您的内容 1 项');
    expect((await app.call('library.list', {})).map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(await axeViolations(page, '.import-dialog')).toEqual([]);

    await dialog.getByRole('button', { name: '导入为第 2 版' }).click();
    await page.getByRole('heading', { level: 1, name: `${TITLE}（修订稿）` }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: '举措表' }).click();
    const moved = page.locator('.itable-data-row', { hasText: '完善社区服务设施' });
    await moved.waitFor({ timeout: 15_000 });
    expect(await moved.textContent()).toContain('市民政局');
    // The deleted item is not in the new version; nothing of it landed on another row.
    expect(await page.locator('.itable-data-row', { hasText: '市民政局' }).count()).toBe(1);
    expect(await page.locator('.itable-data-row', { hasText: '加强历史文化保护' }).count()).toBe(0);
  }, 90_000);

  it('lists the plan once in the library, with its versions and the unmatched count', async () => {
    await page.getByRole('link', { name: '计划库' }).click();
    await row().waitFor({ state: 'detached' }).catch(() => undefined);
    const current = page.locator('.library-row').filter({ hasText: '第 2 版，共 2 版' });
    await current.waitFor();
    expect(await page.locator('.library-row').count()).toBe(2);
    const versions = current.getByRole('list', { name: '版本' });
    await versions.getByRole('button', { name: '第 1 版' }).waitFor();
    expect(await versions.textContent()).toContain('2 项未对应');
    expect(await versions.textContent()).toContain('当前版本');
    expect(await axeViolations(page, '.library')).toEqual([]);

    // The unmatched items, with the reader's values: one left on the old version, one assigned.
    await versions.getByRole('button', { name: '2 项未对应' }).click();
    const unmatched = versions.getByRole('list', { name: '未对应的举措' });
    const heritage = unmatched.getByRole('listitem').filter({ hasText: '加强历史文化保护' });
    await heritage.waitFor();
    expect(await heritage.textContent()).toContain('您的内容：关注中');
    await settle(page);
    await page.screenshot({ path: join(POLISH_DIR, 'versions-unmatched-1400x900-zh-light.png') });
    expect(await axeViolations(page, '.library')).toEqual([]);
    await heritage.getByRole('button', { name: '保留在原版本' }).click();
    await heritage.getByText('已保留在原版本').waitFor();
    const review = unmatched.getByRole('listitem').filter({ hasText: '严格督查考核' });
    await review.getByRole('combobox').selectOption({ label: '（二）实施加装电梯和管网更新' });
    await review.getByRole('button', { name: '转到所选举措' }).click();
    await review.waitFor({ state: 'detached' });
    // Both decided: no item of version 1 is waiting for the reader any more.
    await expect.poll(() => versions.getByRole('button', { name: /项未对应/ }).count()).toBe(0);
    const successions = await app.call('version.unmatched', { planId: (await app.call('library.list', {})).find((e) => e.version)!.id });
    expect(successions.items.map((i) => [i.headline, i.left])).toEqual([['加强历史文化保护', true]]);
    // The old version stays readable.
    await versions.getByRole('button', { name: '第 1 版' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 15_000 });
    // Picked by the reader, the old version stays the current plan after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 15_000 });
    app.expectNothingBlocked();
  }, 60_000);

  it('screenshots: the change summary and the library', async () => {
    const library = `${app.server.url}#/library`;
    await shootMatrix(app, 'versions-library', library, async (p) => {
      await p.locator('.library-row').filter({ hasText: /第 2 版|Version 2/ }).waitFor();
    });
    const v2 = (await app.call('library.list', {})).find((e) => e.version)!;
    // A third text previewed for the summary screenshots (cancelled, never imported).
    await shootMatrix(app, 'versions-preview', library, async (p, language) => {
      if (await p.getByRole('dialog').count()) {
        await p.keyboard.press('Escape');
        await p.getByRole('dialog').waitFor({ state: 'detached' });
      }
      const chooser = p.waitForEvent('filechooser');
      await p.getByRole('button', { name: language === 'zh' ? `导入“${v2.title}”的新版本` : `Import a new version of “${v2.title}”` }).click();
      await (await chooser).setFiles(join(FIXTURES, 'renewal-v3.txt'));
      await p.locator('.version-changes').waitFor({ timeout: 30_000 });
    });
    await page.keyboard.press('Escape');
  }, 240_000);
});
