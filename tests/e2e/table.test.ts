// The initiative table end to end: the built browser-mode server on a fresh data folder, the
// real renderer bundle in Debian's Chromium, the real core answering table.query in SQL. The
// reader edits a status and a tag in the table, sorts, filters by the new tag, saves a view and
// gets it back; the edits survive a reload; axe checks the table in light and dark; it prints.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, OUTPUT_DIR, startAppSession, type AppSession } from './app-session';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('table');
  page = app.page;
});

afterAll(() => app?.close());

const grid = () => page.getByRole('grid', { name: '举措表' });
const dataRows = () => grid().locator('.itable-data-row');
const row = (shortId: string): Locator => dataRows().filter({ has: page.getByText(shortId, { exact: true }) });

async function shortIds(): Promise<string[]> {
  return dataRows().locator('.itable-id').allTextContents();
}

async function waitForRows(count: number): Promise<void> {
  await expect.poll(() => dataRows().count(), { timeout: 10_000 }).toBe(count);
}

/** Waits until a row's cell shows its save as done (a choice closes its editor when made). */
async function saved(r: Locator, column: string): Promise<void> {
  await r.locator(`[data-col="${column}"] [data-phase="saved"]`).waitFor();
}

/**
 * A cell's editor. Editors are lazy (a light button until used): the focused cell's Enter mounts
 * the control and moves focus to it.
 */
async function openEditor(r: Locator, role: 'combobox' | 'textbox', label: string): Promise<Locator> {
  const control = r.getByRole(role, { name: label, exact: true });
  if ((await control.count()) === 0) {
    await r.locator(`.itable-display[aria-label^="${label}"]`).focus();
    await page.keyboard.press('Enter');
  }
  await expect.poll(() => control.evaluate((el) => el === document.activeElement)).toBe(true);
  return control;
}

async function expectNoAxeViolations(): Promise<void> {
  expect(await axeViolations(page, '.itable')).toEqual([]);
}

describe('initiative table, built app in Chromium', () => {
  it('opens #/table with every initiative of the plan', async () => {
    await page.goto(`${app.server.url}#/table`);
    await waitForRows(15);
    expect(await grid().getAttribute('aria-rowcount')).toBe('16');
    expect((await shortIds()).slice(0, 3)).toEqual(['T1·I1', 'T1·I2', 'T1·I3']);
    await page.getByText('共 15 项举措').waitFor();
    app.expectNothingBlocked();
  });

  it('gives the grid the whole main pane: down to its bottom padding, with nothing to scroll', async () => {
    const layout = await page.evaluate(() => {
      const main = document.querySelector('.main-pane')!;
      const table = document.querySelector('.itable')!;
      const style = getComputedStyle(main);
      return {
        gap: main.getBoundingClientRect().bottom - table.getBoundingClientRect().bottom,
        paddingBottom: parseFloat(style.paddingBottom),
        paddingLeft: parseFloat(style.paddingLeft),
        overflow: main.scrollHeight - main.clientHeight,
      };
    });
    expect(Math.abs(layout.gap - layout.paddingBottom)).toBeLessThan(1);
    // Thinner than the reading view's margins (2.5rem at the sides, 4rem below).
    expect(layout.paddingBottom).toBeLessThanOrEqual(16);
    expect(layout.paddingLeft).toBeLessThanOrEqual(24);
    expect(layout.overflow).toBe(0);
  });

  it('edits a status in place and shows it after a reload', async () => {
    const status = await openEditor(row('T2·I1'), 'combobox', '状态（T2·I1）');
    // From the keyboard a choice is saved with Enter.
    await status.selectOption('done');
    await status.press('Enter');
    await saved(row('T2·I1'), 'status');
    const other = await openEditor(row('T4·I3'), 'combobox', '状态（T4·I3）');
    await other.selectOption('in_progress');
    await other.press('Enter');
    await saved(row('T4·I3'), 'status');
    // With the mouse: a double-click starts the edit.
    await row('T5·I1').locator('[data-col="priority"] .itable-display').dblclick();
    const priority = row('T5·I1').getByRole('combobox', { name: '优先级（T5·I1）', exact: true });
    await priority.selectOption('high');
    await saved(row('T5·I1'), 'priority');
    await page.reload();
    await waitForRows(15);
    expect(await (await openEditor(row('T2·I1'), 'combobox', '状态（T2·I1）')).inputValue()).toBe('done');
    expect(await row('T5·I1').locator('[data-col="priority"] .itable-display').getAttribute('aria-label')).toBe('优先级（T5·I1） 高');
    expect(await row('T4·I3').locator('[data-col="status"] .itable-display').getAttribute('aria-label')).toBe('状态（T4·I3） 进行中');
    app.expectNothingBlocked();
  });

  it('sorts by status (Shift+click adds a second column)', async () => {
    const request = page.waitForRequest((r) => r.url().endsWith('/api/table.query') && (r.postData() ?? '').includes('"column":"status"'));
    await grid().getByRole('columnheader', { name: /^状态/ }).locator('.itable-sort').click();
    await request;
    await expect.poll(() => grid().getByRole('columnheader', { name: /^状态/ }).getAttribute('aria-sort')).toBe('ascending');
    // The two initiatives with a status sort together at one end; the unset ones stay in plan order.
    await expect
      .poll(async () => {
        const ids = await shortIds();
        const ends = [ids.slice(0, 2), ids.slice(-2)].map((pair) => [...pair].sort().join(','));
        return ends.includes('T2·I1,T4·I3');
      })
      .toBe(true);
    await grid().getByRole('columnheader', { name: /^编号/ }).locator('.itable-sort').click({ modifiers: ['Shift'] });
    await expect.poll(() => grid().locator('.itable-sort-mark').count()).toBe(2);
    await page.screenshot({ path: join(OUTPUT_DIR, 'table-light.png') });
    app.expectNothingBlocked();
  });

  it('filters by a tag the reader added in the table', async () => {
    await row('T3·I3').locator('[data-col="tags"] .itable-display').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('重点');
    await page.keyboard.press('Enter');
    await row('T3·I3').locator('.itable-chip', { hasText: '重点' }).waitFor();
    await saved(row('T3·I3'), 'tags');
    await grid().getByRole('button', { name: '筛选：标签' }).click();
    const panel = page.getByRole('dialog', { name: '筛选：标签' });
    const option = panel.getByRole('checkbox', { name: /^重点/ });
    await option.waitFor();
    expect(await option.locator('xpath=ancestor::label[1]').textContent()).toBe('重点1');
    await option.check();
    await waitForRows(1);
    expect(await shortIds()).toEqual(['T3·I3']);
    await page.keyboard.press('Escape');
    app.expectNothingBlocked();
  });

  it('saves the view, clears it, and gets it back from the list', async () => {
    await page.getByRole('button', { name: /^视图/ }).click();
    const panel = page.getByRole('dialog', { name: '已保存的视图' });
    await panel.getByRole('textbox', { name: '视图名称' }).fill('重点举措');
    await panel.getByRole('button', { name: '保存当前视图' }).click();
    await panel.getByRole('button', { name: '应用 重点举措' }).waitFor();
    await page.keyboard.press('Escape');
    // The Views button now names the view (the toolbar's layout settles before the next click).
    await page.getByRole('button', { name: /^视图/ }).locator('.itable-view-current').waitFor();
    await page.getByRole('button', { name: '清除全部筛选' }).click();
    await waitForRows(15);
    // The list is stored by the core: it is there after a reload too, and the cleared state with
    // it even right away (a change still waiting for its delayed write is written on pagehide).
    await page.reload();
    await waitForRows(15);
    await page.getByRole('button', { name: /^视图/ }).click();
    await page.getByRole('dialog', { name: '已保存的视图' }).getByRole('button', { name: '应用 重点举措' }).click();
    await waitForRows(1);
    expect(await shortIds()).toEqual(['T3·I3']);
    expect(await grid().getByRole('columnheader', { name: /^状态/ }).getAttribute('aria-sort')).toBe('ascending');
    // The current state (the applied view) is what the table opens with next time, even right away.
    await page.reload();
    await waitForRows(1);
    await page.getByRole('button', { name: '清除全部筛选' }).click();
    await waitForRows(15);
    app.expectNothingBlocked();
  });

  it('has no axe violations, in light and in dark', async () => {
    await expectNoAxeViolations();
    await page.emulateMedia({ colorScheme: 'dark' });
    await waitForRows(15);
    const background = await page.locator('.itable-scroll').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgb(255, 254, 251)');
    await page.screenshot({ path: join(OUTPUT_DIR, 'table-dark.png') });
    await expectNoAxeViolations();
    await page.emulateMedia({ colorScheme: 'light' });
    app.expectNothingBlocked();
  });

  it('prints the rows on landscape paper: no tools, filter buttons or checkboxes; the columns fit the page and wrap', async () => {
    await waitForRows(15);
    // The width of a landscape A4 page inside its margins (297 mm - 2 × 16 mm ≈ 1000 px).
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.emulateMedia({ media: 'print' });
    try {
      const paper = await page.evaluate(() => {
        // Laid out at all (an element inside a display: none one has no boxes either).
        const rendered = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.getClientRects().length > 0);
        const shown = (selector: string) => rendered(selector).length;
        const cells = rendered('.itable-data-row .itable-td');
        const headers = rendered('.itable-th');
        const left = (el: Element | null) => Math.round(el?.getBoundingClientRect().left ?? -1);
        const rows = [...document.querySelectorAll('.itable-data-row')];
        return {
          hidden: ['.itable-toolbar', '.itable-filter-button', '.itable-check', '[data-col="select"]'].map(shown),
          overflow: document.querySelector('.itable-grid')!.getBoundingClientRect().right - document.documentElement.clientWidth,
          cut: cells.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.dataset.col),
          // Every row's cells start where their column's header does (one grid for all rows).
          misaligned: rows.filter((row) =>
            headers.some((th) => left(th) !== left(row.querySelector(`[data-col="${th.dataset.col}"]`))),
          ).length,
          wrapped: rows.filter((row) => row.getBoundingClientRect().height > 40).length,
        };
      });
      expect(paper.hidden).toEqual([0, 0, 0, 0]);
      expect(paper.overflow).toBeLessThanOrEqual(0);
      expect(paper.cut).toEqual([]);
      expect(paper.misaligned).toBe(0);
      // Long themes and headlines wrap onto more lines instead of being cut off.
      expect(paper.wrapped).toBeGreaterThan(0);

      const pdf = join(app.dataDir, 'table.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUTPUT_DIR, 'table-print-1')]);
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => Number(m[1]) > Number(m[2]));
      expect(sizes.length).toBeGreaterThan(0);
      expect(sizes.every((landscape) => landscape)).toBe(true);
      const flat = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      // Read as laid out: the running header in the page's top margin (plan · the day as a packet
      // prints it, 2024年5月11日), the title, then the header row with every visible column side
      // by side in order (a sorted column's label carries its sort rank).
      const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.trim());
      expect(lines[0]!.trim()).toMatch(/^聚焦“深化改革、强基固本”主题主线.* · \d{4}年\d{1,2}月\d{1,2}日$/);
      expect(lines[1]!.trim()).toBe('举措表');
      expect(lines[2]!.replace(/\d/g, ' ').trim().split(/\s+/)).toEqual(
        ['编号', '举措', '主题', '状态', '优先级', '牵头单位', '完成时限', '进展', '标签', '划线', '笔记', '产业'],
      );
      expect(flat).toContain('共15项举措');
      for (const tool of ['导出CSV', '复制所选', '不分组', '按拼音']) expect(flat).not.toContain(tool);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    app.expectNothingBlocked();
  });
});
