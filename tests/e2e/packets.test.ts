// Briefing packets end to end in Chromium, against the built browser-mode server and a real
// database, in one browser session: a second plan imported through the UI, a note written on an
// item of the first, the table's selected rows sent to a new packet with "Add to packet…", a
// theme of the other plan added in the builder, an item moved with the keyboard, the preview
// showing the note, the packet saved, then Save as PDF: the downloaded PDF is read back with
// poppler (pdftotext finds the chosen headlines and the note in packet order, pdfinfo counts its
// pages) and page 1 is rendered to PNG. Then the table's print (Ctrl+P): every row in scope goes
// on paper, not just the ones drawn around the scroll position, under a header row repeated on
// every page and a running header with plan, date and filters. Screenshots of the list and the
// builder go to tests/output/polish/ for a person to look at.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPunctuationWidth } from '../../shared/text/cjk-punctuation';
import { localDay, printedDate } from '../../shared/text/printed-date';
import { REPO_ROOT } from '../helpers/paths';
import { OUTPUT_DIR, SANDBOXED_FRAME_REFUSAL, startAppSession, type AppSession } from './app-session';
import { settle, shootMatrix } from './shots';

const SECOND = join(REPO_ROOT, 'tests', 'fixtures', 'versions', 'renewal-v1.txt');
const SECOND_TITLE = '青禾市城市更新行动方案';
const NOTE = '会前要点：请财政局说明资金来源。';
let app: AppSession;
let page: Page;
let hzTheme = '';
let hzItem = { id: '', headline: '' };

beforeAll(async () => {
  app = await startAppSession('packets');
  page = app.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${app.server.url}#/library`);
  await page.getByRole('list', { name: '计划库' }).waitFor();
}, 120_000);

afterAll(() => app?.close());

const builderItems = () => page.getByRole('group', { name: '包含的举措' }).locator('.pk-item-headline');

describe('a briefing packet through the UI', () => {
  it('imports a second plan and writes a note on an item of the first', async () => {
    await page.locator('input[type="file"][multiple]').setInputFiles(SECOND);
    const dialog = page.getByRole('dialog', { name: '导入预览' });
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: SECOND_TITLE }).waitFor({ timeout: 30_000 });

    const outline = await app.call('plan.get', { planId: 'hz-2024' });
    const theme = outline.themes[2]!;
    hzTheme = theme.headline;
    hzItem = { id: theme.initiatives[0]!.id, headline: theme.initiatives[0]!.headline };
    await app.call('annotation.create', {
      id: '5b1f0c9e-2a3d-4e5f-8a9b-0c1d2e3f4a5b',
      kind: 'note',
      planId: 'hz-2024',
      itemId: hzItem.id,
      target: null,
      color: null,
      body: NOTE,
      tags: [],
    });
  }, 90_000);

  it('sends two table rows to a new packet, adds a theme of the other plan, reorders by keyboard; the preview shows the note', async () => {
    // The current plan is the one just imported: its table, two rows selected.
    await page.getByRole('link', { name: '举措表' }).click();
    const rows = page.locator('.itable-data-row');
    await rows.first().waitFor({ timeout: 15_000 });
    const picked = [(await rows.nth(0).locator('[data-col="headline"]').textContent())!.trim(), (await rows.nth(2).locator('[data-col="headline"]').textContent())!.trim()];
    await rows.nth(0).locator('[data-col="select"] input').check();
    await rows.nth(2).locator('[data-col="select"] input').check();
    await page.getByRole('button', { name: '加入简报包…' }).click();
    await page.waitForURL(/#\/packets$/);
    const sources = page.getByRole('group', { name: '内容来源' });
    await sources.getByText('手选的 2 条举措').waitFor();
    await expect.poll(() => builderItems().allTextContents(), { timeout: 20_000 }).toHaveLength(2);

    // A theme of the first plan, from the picker grouped by plan.
    await sources.getByRole('radio', { name: '主题' }).check();
    const group = sources.getByRole('group', { name: '杭州打造中国式现代化城市范例' });
    await group.getByRole('checkbox', { name: hzTheme }).check();
    await sources.getByRole('button', { name: '添加', exact: true }).click();
    await expect.poll(async () => (await builderItems().allTextContents()).length, { timeout: 15_000 }).toBeGreaterThan(2);
    const before = (await builderItems().allTextContents()).map((s) => s.trim());
    expect(before[0]).toContain(picked[0]!);
    expect(before[1]).toContain(picked[1]!);

    // Alt+↓ moves the first item one down; the move is announced.
    await page.locator('.pk-item').first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await builderItems().allTextContents()).map((s) => s.trim()), { timeout: 20_000 }).toEqual([before[1], before[0], ...before.slice(2)]);
    expect(await page.locator('.pk-items [role="status"]').textContent()).toContain('已移到第 2 位');

    const cover = page.getByRole('group', { name: '封面' });
    await cover.getByLabel('标题', { exact: true }).fill('十二月例会简报');
    await cover.getByLabel('标注', { exact: true }).fill('内部资料');

    const preview = page.frameLocator('iframe[title="简报包预览"]');
    await preview.getByText(NOTE).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('iframe[title="简报包预览"]').getAttribute('sandbox')).toBe('allow-same-origin allow-modals');

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存', { exact: true }).waitFor();
    const saved = await app.call('packet.list', {});
    expect(saved.map((p) => p.definition.cover.title)).toEqual(['十二月例会简报']);
    app.expectNothingBlocked(SANDBOXED_FRAME_REFUSAL);
  }, 120_000);

  it('saves the packet as PDF: the headlines and the note in packet order, pages counted, page 1 rendered', async () => {
    // Each headline without its numeral, as the builder lists them (packet order). The builder
    // shows the plan's Chinese as the reading view does (full-width punctuation by default); a
    // packet, like every export, prints what the source wrote: compared with widths folded.
    const heads = (
      await page.$$eval('.pk-item-headline', (els) =>
        els.map((el) => (el.textContent ?? '').replace(el.querySelector('.pk-numeral')?.textContent ?? '', '').replace(/\s+/g, '').slice(0, 8)),
      )
    ).map(foldPunctuationWidth);
    expect(heads.length).toBeGreaterThan(2);
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: '另存为 PDF' }).click();
    await page.getByRole('group', { name: '正在生成 PDF' }).waitFor();
    const file = join(app.dataDir, 'packet.pdf');
    await (await download).saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByText(/^PDF 已生成/).waitFor();

    const text = foldPunctuationWidth(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
    // The contents and the summary list every item first; the items themselves come last, in
    // packet order: each headline's last occurrence follows the one before.
    const last = heads.map((h) => text.lastIndexOf(h));
    expect(last.every((at) => at >= 0), heads.join(' / ')).toBe(true);
    expect([...last].sort((a, b) => a - b)).toEqual(last);
    // The note is printed with its item.
    const note = text.lastIndexOf(foldPunctuationWidth(NOTE.replace(/\s+/g, '')));
    expect(note).toBeGreaterThan(text.lastIndexOf(foldPunctuationWidth(hzItem.headline.replace(/\s+/g, '').slice(0, 8))));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, join(OUTPUT_DIR, 'packet-pdf-1')]);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '2', '-l', '2', '-singlefile', file, join(OUTPUT_DIR, 'packet-pdf-2')]);
    app.expectNothingBlocked(SANDBOXED_FRAME_REFUSAL);
  }, 180_000);

  it('screenshots the packet list and the builder', async () => {
    const url = `${app.server.url}#/packets`;
    await shootMatrix(app, 'packets-list', url, async (p) => {
      await p.getByRole('list', { name: /已保存的简报包|Saved packets/ }).waitFor();
    });
    await shootMatrix(app, 'packets-builder', url, async (p) => {
      const frame = p.locator('iframe[title="简报包预览"], iframe[title="Packet preview"]');
      // After a reload the list shows first; at another window size the builder is still open.
      if ((await frame.count()) === 0) await p.getByRole('button', { name: '十二月例会简报', exact: true }).click();
      await frame.waitFor({ timeout: 30_000 });
      await settle(p);
    });
  }, 240_000);
});

describe('the table on paper', () => {
  it('Ctrl+P prints every row in scope under a repeated header row and a running header', async () => {
    await page.goto(`${app.server.url}#/table`);
    // Both plans, in a window so short the virtual grid draws only some of the rows.
    await page.setViewportSize({ width: 1000, height: 420 });
    const scope = page.getByRole('combobox', { name: '范围' });
    await scope.selectOption({ label: '全部计划' });
    const totalShown = async () => Number((await page.locator('.itable-total').textContent())?.match(/\d+/)?.[0] ?? 0);
    await expect.poll(totalShown, { timeout: 15_000 }).toBeGreaterThan(15);
    const total = await totalShown();
    await expect.poll(() => page.locator('.itable-data-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const drawn = await page.locator('.itable-data-row').count();
    expect(drawn).toBeLessThan(total);
    // window.print itself opens a dialog the test cannot close: count the rows it would print.
    await page.evaluate(() => {
      (window as unknown as { printedRows: number }).printedRows = -1;
      window.print = () => {
        (window as unknown as { printedRows: number }).printedRows = document.querySelectorAll('.itable-print tbody tr').length;
      };
    });
    await page.locator('.itable-title').click();
    await page.keyboard.press('Control+p');
    await expect.poll(() => page.evaluate(() => (window as unknown as { printedRows: number }).printedRows), { timeout: 15_000 }).toBe(total);

    await page.emulateMedia({ media: 'print' });
    try {
      const pdf = join(app.dataDir, 'table.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', pdf, join(OUTPUT_DIR, 'table-print-all-2')]);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      // Today (the page runs on this machine's calendar), printed as a packet prints a day.
      const today = printedDate(localDay(), 'zh');
      for (let n = 1; n <= pages; n++) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        // Every page: the running header (all plans, today) and the table's header row.
        expect(text, `page ${n}`).toContain(`全部计划·${today}`);
        expect(text, `page ${n}`).toContain('编号');
        expect(text, `page ${n}`).toContain('优先级');
      }
      const all = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      // The last rows of both plans are on paper, far below what the window drew.
      expect(all).toContain('做好风险防控');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    app.expectNothingBlocked(SANDBOXED_FRAME_REFUSAL);
  }, 120_000);
});
