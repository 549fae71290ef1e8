// The comparison end to end in Chromium, against the built browser-mode server: a plan and its
// revision imported through the UI, the comparison opened from the plan's version list
// ("与上一版对照"), its summary counts, the changes stepped through with the keyboard (N, F8,
// Shift+F8) with the focus ring on each, the inline marks (struck through, underlined, width
// changes boxed), the "only changes" filter, and the CSV export read back row by row.
// Screenshots of the view go to tests/output/polish/ for a person to look at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseVersionFile, importFirstVersion, RENEWAL_TITLE } from '../helpers/versions-ui';
import { axeViolations, startAppSession, type AppSession } from './app-session';
import { POLISH_DIR, settle, shootMatrix } from './shots';

let app: AppSession;
let page: Page;
let compareUrl = '';

beforeAll(async () => {
  app = await startAppSession('compare');
  page = app.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${app.server.url}#/library`);
  await page.getByRole('list', { name: '计划库' }).waitFor();
}, 120_000);

afterAll(() => app?.close());

/** The label of the row the keyboard is on. */
const focusedRow = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

describe('comparing two versions of a plan', () => {
  it('imports a plan and its revision, and opens the comparison from the version list', async () => {
    await importFirstVersion(page);
    await page.getByRole('link', { name: '计划库' }).click();
    await chooseVersionFile(page);
    const dialog = page.getByRole('dialog', { name: '导入预览' });
    await dialog.getByRole('button', { name: '导入为第 2 版' }).click();
    await page.getByRole('heading', { level: 1, name: `${RENEWAL_TITLE}（修订稿）` }).waitFor({ timeout: 30_000 });

    await page.getByRole('link', { name: '计划库' }).click();
    await page.getByRole('link', { name: '将第 2 版与第 1 版对照' }).click();
    await page.getByRole('heading', { level: 2, name: '版本对照' }).waitFor({ timeout: 15_000 });
    expect(page.url()).toMatch(/#\/compare\/p-[a-z0-9]+\/p-[a-z0-9]+$/);
    const summary = page.locator('.compare-summary');
    expect(await summary.locator('.compare-total').textContent()).toBe('共 13 处改动');
    const count = (kind: string) => summary.locator(`li[data-kind="${kind}"] b`).textContent();
    expect([await count('edited'), await count('added'), await count('removed'), await count('renumbered'), await count('unchanged')]).toEqual([
      '5', '2', '2', '5', '0',
    ]);
    expect(await axeViolations(page, '.compare')).toEqual([]);
  }, 120_000);

  it('steps through the changes with the keyboard, each in view with a focus ring', async () => {
    await page.keyboard.press('n');
    expect(await focusedRow()).toBe('修改：推进老旧小区改造');
    await page.keyboard.press('n');
    expect(await focusedRow()).toBe('新增：实施加装电梯和管网更新');
    await page.keyboard.press('F8');
    expect(await focusedRow()).toBe('编号变化：完善社区服务设施');
    expect(await page.locator('.compare-position').textContent()).toBe('第 3 / 13 处');
    await page.keyboard.press('Shift+F8');
    expect(await focusedRow()).toBe('新增：实施加装电梯和管网更新');
    const active = page.locator('.compare-row[data-active]');
    expect(await active.count()).toBe(1);
    expect(await active.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    // Far down the list: the view scrolls the change into sight.
    for (let i = 0; i < 11; i++) await page.keyboard.press('n');
    expect(await focusedRow()).toBe('编号变化：做好风险防控');
    await expect.poll(() => active.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
    // The last change stays the last.
    await page.keyboard.press('n');
    expect(await page.locator('.compare-position').textContent()).toBe('第 13 / 13 处');
  }, 60_000);

  it('marks deletions struck through, insertions underlined and width changes boxed', async () => {
    const funds = page.locator('.compare-row', { hasText: '强化资金保障' });
    expect(await funds.locator('ins').allTextContents()).toEqual(['不少于2亿元']);
    expect(await funds.locator('ins').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline');
    const lead = page.locator('.compare-row', { hasText: '健全组织领导机制' });
    expect(await lead.locator('.compare-cell[data-side="left"] del').allTextContents()).toEqual(['加强']);
    expect(await lead.locator('del').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    const widths = page.locator('.compare-row', { hasText: '营造良好氛围' }).locator('.compare-width');
    expect(await widths.allTextContents()).toEqual(['，', '，', '。', ',', ',', '.']);
    expect(await widths.first().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dashed');
    expect(await widths.first().getAttribute('title')).toBe('全角/半角标点：， → ,');

    // Every row of this revision is a change: the filter keeps all 13 and drops the theme headings.
    expect(await page.locator('.compare-theme').count()).toBe(2);
    await page.getByRole('checkbox', { name: '只看改动' }).check();
    await expect.poll(() => page.locator('.compare-theme').count()).toBe(0);
    expect(await page.locator('.compare-row').count()).toBe(13);
    await page.getByRole('checkbox', { name: '只看改动' }).uncheck();
    await expect.poll(() => page.locator('.compare-theme').count()).toBe(2);
  }, 60_000);

  it('exports the changed items as CSV', async () => {
    compareUrl = page.url();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    await page.getByText(/已导出 briefbook-compare-/).waitFor();
    expect(download.suggestedFilename()).toMatch(/^briefbook-compare-p-[a-z0-9]+-p-[a-z0-9]+\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('变化,原编号,原标题,新编号,新标题,标题改动,正文改动');
    expect(lines).toHaveLength(14);
    expect(lines).toContain('删除,（五）,加强历史文化保护,,,,');
    expect(lines).toContain('新增,,,（四）,发展社区商业,,');
    expect(lines.find((l) => l.startsWith('修改,（一）,加强组织领导'))).toContain('[-加强-]{+健全+}组织领导{+机制+}');
    app.expectNothingBlocked();
  }, 60_000);

  it('compares any two plans picked from the library’s Compare…', async () => {
    await page.getByRole('link', { name: '返回计划库' }).click();
    await page.getByRole('button', { name: '对照…' }).click();
    const dialog = page.getByRole('dialog', { name: '选择要对照的两份计划' });
    await dialog.waitFor();
    // The embedded plan against version 1 of the renewal plan: two different plans, matched by text.
    const left = dialog.getByRole('combobox', { name: '原文（左）' });
    const right = dialog.getByRole('combobox', { name: '新文（右）' });
    // The embedded plan, and both versions of the renewal plan (read with version.list).
    await expect.poll(() => left.locator('option').count()).toBe(3);
    const labels = await left.locator('option').allTextContents();
    expect(labels.filter((l) => l.includes(RENEWAL_TITLE))).toEqual([`${RENEWAL_TITLE}（修订稿）（第 2 版）`, `${RENEWAL_TITLE}（第 1 版）`]);
    await left.selectOption({ label: labels.find((l) => !l.includes(RENEWAL_TITLE))! });
    await right.selectOption({ label: `${RENEWAL_TITLE}（第 1 版）` });
    await settle(page);
    await page.screenshot({ path: join(POLISH_DIR, 'compare-picker-1400x900-zh-light.png') });
    expect(await axeViolations(page, '.compare-pick')).toEqual([]);
    await dialog.getByRole('button', { name: '对照', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '版本对照' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.compare-basis').textContent()).toBe('按文字匹配配对（两份不同的计划）');
    expect(page.url()).toMatch(/#\/compare\/hz-2024\/p-[a-z0-9]+$/);
    await page.goBack();
  }, 60_000);

  it('screenshots: the comparison', async () => {
    const url = compareUrl;
    await shootMatrix(app, 'compare', url, async (p) => {
      await p.locator('.compare-row').first().waitFor({ timeout: 15_000 });
      await p.keyboard.press('n');
      await p.keyboard.press('n');
      await p.keyboard.press('n');
    });
  }, 240_000);
});
