// Issue 15 items 2, 4 and 10, end to end in Chromium: the id and headline columns stay at the
// left while the grid scrolls sideways (and can be unfrozen, remembered), the header row stays in
// view; the toolbar names the saved view in use and marks it modified, and "Applied view …" goes
// away once the filters are cleared; in English the headlines have room and the Chinese order
// control is not shown for English text.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from './app-session';
import { join } from 'node:path';
import { POLISH_DIR, settle, shootMatrix } from './shots';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('tablepolish');
  page = app.page;
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(`${app.server.url}#/table`);
  await page.locator('.itable-data-row').nth(14).waitFor();
});

afterAll(() => app?.close());

const grid = () => page.locator('[role="grid"]');
const dataRows = () => grid().locator('.itable-data-row');
const row = (shortId: string): Locator => dataRows().filter({ has: page.getByText(shortId, { exact: true }) });

async function waitForRows(count = 15): Promise<void> {
  await expect.poll(() => dataRows().count(), { timeout: 10_000 }).toBe(count);
}

/** The cell's left edge relative to the scroll box's, after scrolling the grid sideways. */
async function leftAfterScroll(col: string, x: number): Promise<number> {
  await page.locator('.itable-scroll').evaluate((el, left) => el.scrollTo({ left }), x);
  await settle(page);
  return row('T1·I1').locator(`[data-col="${col}"]`).evaluate((el) => {
    const box = el.closest('.itable-scroll')!.getBoundingClientRect();
    return Math.round(el.getBoundingClientRect().left - box.left);
  });
}

describe('frozen columns and header', () => {
  it('keeps the id and headline columns at the left while the grid scrolls sideways', async () => {
    const idBefore = await leftAfterScroll('shortId', 0);
    const headlineBefore = await leftAfterScroll('headline', 0);
    const statusBefore = await leftAfterScroll('status', 0);
    // At the left edge the frozen cells are ordinary ones (sticky cells are layers composited on
    // every scroll frame); scrolled sideways they stick.
    const position = () => row('T1·I1').locator('[data-col="headline"]').evaluate((el) => getComputedStyle(el).position);
    expect(await position()).toBe('relative');
    expect(await leftAfterScroll('shortId', 600)).toBe(idBefore);
    expect(await position()).toBe('sticky');
    expect(await leftAfterScroll('headline', 600)).toBe(headlineBefore);
    expect(await leftAfterScroll('status', 600)).toBeLessThan(statusBefore - 300);
    // Header cells too: the header says what the frozen columns are.
    const th = grid().getByRole('columnheader', { name: /^编号/ });
    const thLeft = await th.evaluate((el) => el.getBoundingClientRect().left - el.closest('.itable-scroll')!.getBoundingClientRect().left);
    expect(Math.round(thLeft)).toBe(idBefore);
    // What is under a frozen cell does not show through it.
    const hit = await row('T1·I1')
      .locator('[data-col="headline"]')
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('[data-col]')?.getAttribute('data-col');
      });
    expect(hit).toBe('headline');
  });

  it('keeps the header row in view when the rows scroll', async () => {
    await page.locator('.itable-scroll').evaluate((el) => el.scrollTo({ top: 300 }));
    await settle(page);
    const tops = await page.evaluate(() => ({
      head: document.querySelector('.itable-head')!.getBoundingClientRect().top,
      box: document.querySelector('.itable-scroll')!.getBoundingClientRect().top,
    }));
    expect(Math.round(tops.head - tops.box)).toBeLessThanOrEqual(1);
    await page.locator('.itable-scroll').evaluate((el) => el.scrollTo({ top: 0, left: 0 }));
  });

  it('unfreezes from the column menu, and remembers it after a reload', async () => {
    await page.getByRole('button', { name: '列', exact: true }).click();
    const freeze = page.getByRole('checkbox', { name: '固定编号和标题列' });
    expect(await freeze.isChecked()).toBe(true);
    await freeze.uncheck();
    await page.keyboard.press('Escape');
    const before = await leftAfterScroll('shortId', 0);
    expect(await leftAfterScroll('shortId', 400)).toBeLessThan(before - 300);
    await page.waitForTimeout(600);
    await page.reload();
    await waitForRows();
    expect(await grid().locator('[data-frozen]').count()).toBe(0);
    await page.getByRole('button', { name: '列', exact: true }).click();
    await page.getByRole('checkbox', { name: '固定编号和标题列' }).check();
    await page.keyboard.press('Escape');
    expect(await row('T1·I1').locator('[data-col="headline"]').getAttribute('data-frozen')).toBe('last');
    await page.locator('.itable-scroll').evaluate((el) => el.scrollTo({ left: 0 }));
    app.expectNothingBlocked();
  });
});

describe('the saved view in use', () => {
  const viewsButton = () => page.getByRole('button', { name: /^视图/ });

  it('names the applied view, marks it modified after a change, and drops the stale notice', async () => {
    await page.getByRole('searchbox', { name: '搜索举措' }).fill('人才');
    const matching = 2; // T3·I2 and one whose body speaks of 人才
    await waitForRows(matching);
    await viewsButton().click();
    const panel = page.getByRole('dialog', { name: '已保存的视图' });
    await panel.getByRole('textbox', { name: '视图名称' }).fill('人才');
    await panel.getByRole('button', { name: '保存当前视图' }).click();
    await panel.getByRole('button', { name: '应用 人才' }).waitFor();
    await page.keyboard.press('Escape');
    // Saved: it is the view in use, unmodified.
    expect(await viewsButton().getAttribute('aria-label')).toBe('视图: 当前视图 人才');
    await page.getByRole('button', { name: '清除全部筛选' }).click();
    await waitForRows();
    await expect.poll(() => viewsButton().getAttribute('aria-label')).toBe('视图: 当前视图 人才，已修改');
    await viewsButton().locator('.itable-view-modified', { hasText: '已修改' }).waitFor();
    // Apply it again: the notice says so; clearing the filters takes the stale notice away.
    await viewsButton().click();
    await page.getByRole('dialog', { name: '已保存的视图' }).getByRole('button', { name: '应用 人才' }).click();
    await waitForRows(matching);
    const notice = page.locator('.itable-notice');
    await notice.getByText('已应用视图 人才').waitFor();
    expect(await viewsButton().getAttribute('aria-label')).toBe('视图: 当前视图 人才');
    await page.getByRole('button', { name: '清除全部筛选' }).click();
    await waitForRows();
    await expect.poll(() => notice.textContent()).toBe('');
    app.expectNothingBlocked();
  });

  it('screenshots the toolbar with a modified view, both sizes, zh and en, light and dark', async () => {
    const url = `${app.server.url}#/table`;
    await page.waitForTimeout(600);
    const files = await shootMatrix(app, 'table-view-modified', url, async (p) => {
      await p.locator('.itable-data-row').first().waitFor();
      await p.locator('.itable-scroll').evaluate((el) => el.scrollTo({ left: 500 }));
    });
    expect(files).toHaveLength(8);
  });
});

describe('English mode', () => {
  it('gives English headlines room, and hides the Chinese order control for English text', async () => {
    await app.call('settings.set', { key: 'ui.readingMode', value: 'en' });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.reload();
    await waitForRows();
    expect(await page.getByRole('combobox', { name: /中文排序|Chinese order/ }).count()).toBe(0);
    // The headline column is wide enough for most English headlines on one line; the rest say
    // the whole headline on hover.
    const cut = await grid()
      .locator('.itable-data-row [data-col="headline"] .itable-link')
      .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1 && !el.getAttribute('title')).length);
    expect(cut).toBe(0);
    const width = await row('T1·I1').locator('[data-col="headline"]').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(440);
    await app.call('settings.set', { key: 'ui.readingMode', value: 'both' });
    await page.reload();
    await waitForRows();
    expect(await page.getByRole('combobox', { name: '中文排序' }).count()).toBe(1);
  });

  it('screenshots the table in English text, both sizes, zh and en, light and dark', async () => {
    await app.call('settings.set', { key: 'ui.readingMode', value: 'en' });
    const files = await shootMatrix(app, 'table-english-text', `${app.server.url}#/table`, async (p) => {
      await p.locator('.itable-data-row').first().waitFor();
    });
    expect(files).toHaveLength(8);
  });
});

describe('popovers near the window edges (900×700)', () => {
  /** The panel's box and the window's size, with the panel's own content scrolled inside it. */
  async function panelBox(name: string | RegExp) {
    const panel = page.getByRole('dialog', { name });
    await panel.waitFor();
    await settle(page);
    const box = await panel.evaluate((el) => {
      const r = el.getBoundingClientRect();
      // Inside the window is not enough: nothing else may paint over its corners.
      const corners = [
        [r.left + 4, r.top + 4],
        [r.right - 4, r.top + 4],
        [r.left + 4, r.bottom - 4],
        [r.right - 4, r.bottom - 4],
      ];
      const covered = corners.filter(([x, y]) => !el.contains(document.elementFromPoint(x!, y!))).length;
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, covered };
    });
    return { ...box, width: page.viewportSize()!.width, height: page.viewportSize()!.height };
  }

  function expectInside(box: { left: number; right: number; top: number; bottom: number; width: number; height: number; covered: number }) {
    expect(box.covered).toBe(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.width);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
  }

  /** Brings a column's header as far to the window's right edge as the grid scrolls, and opens
   *  its filter (the theme column stays where it is: it is left of the edge by less than a panel's
   *  width, which is what used to push its panel out). */
  async function openFilterAtRightEdge(column: string): Promise<void> {
    const button = grid().getByRole('button', { name: `筛选：${column}` });
    await button.evaluate((el) => {
      const scroll = el.closest('.itable-scroll')!;
      const box = scroll.getBoundingClientRect();
      scroll.scrollLeft += Math.max(0, el.getBoundingClientRect().right - box.right + 4);
    });
    await settle(page);
    await button.click();
  }

  it('keeps every column filter inside the window, also on the rightmost filterable column', async () => {
    await page.setViewportSize({ width: 900, height: 700 });
    await page.reload();
    await waitForRows();
    const filters = await grid().getByRole('button', { name: /^筛选：/ }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')!));
    expect(filters.length).toBeGreaterThanOrEqual(4);
    for (const label of filters) {
      const column = label.replace(/^筛选：/, '');
      await openFilterAtRightEdge(column);
      const box = await panelBox(label);
      expectInside(box);
      // A right-hand column's panel grows leftwards from its button, so it is not squeezed.
      expect(box.right - box.left).toBeGreaterThanOrEqual(200);
      await page.keyboard.press('Escape');
    }
    // The theme filter on the window's right edge, for a person to look at.
    await openFilterAtRightEdge('主题');
    await page.getByRole('dialog', { name: '筛选：主题' }).locator('.itable-facet-option').first().waitFor();
    expectInside(await panelBox('筛选：主题'));
    await page.screenshot({ path: join(POLISH_DIR, 'table-theme-filter-right-edge-900x700-zh-light.png') });
    await page.keyboard.press('Escape');
  });

  it('keeps a filter inside a short window (upwards or scrolling when there is no room below)', async () => {
    for (const height of [420, 330]) {
      await page.setViewportSize({ width: 900, height });
      await settle(page);
      await openFilterAtRightEdge('主题');
      await page.getByRole('dialog', { name: '筛选：主题' }).locator('.itable-facet-option').first().waitFor();
      expectInside(await panelBox('筛选：主题'));
      await page.screenshot({ path: join(POLISH_DIR, `table-theme-filter-short-900x${height}-zh-light.png`) });
      await page.keyboard.press('Escape');
    }
    await page.setViewportSize({ width: 900, height: 700 });
  });

  it('keeps the column menu and the saved views inside the window', async () => {
    await page.setViewportSize({ width: 900, height: 700 });
    await page.getByRole('button', { name: '列', exact: true }).click();
    expectInside(await panelBox('显示与排列列'));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^视图/ }).click();
    expectInside(await panelBox('已保存的视图'));
    await page.keyboard.press('Escape');
    await page.locator('.itable-scroll').evaluate((el) => el.scrollTo({ left: 0 }));
    app.expectNothingBlocked();
  });

  it('leaves no toolbar control alone on a line of its own in a 900 px window', async () => {
    // The table as it first opens (no view applied, every control shown), over Chinese text, so
    // the Chinese order control is there too.
    await app.call('settings.set', { key: 'ui.tableState', value: null });
    await app.call('settings.set', { key: 'ui.readingMode', value: 'zh' });
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(`${app.server.url}#/table`);
    await page.reload();
    await dataRows().first().waitFor();
    await page.locator('.itable-toolbar').getByRole('combobox', { name: '中文排序' }).waitFor();
    // The toolbar's controls by line (their tops), the stretching gap left out.
    const lines = await page.locator('.itable-toolbar').evaluate((bar) => {
      const counts = new Map<number, number>();
      for (const el of bar.children) {
        if (el.classList.contains('itable-toolbar-gap') || !(el as HTMLElement).offsetParent) continue;
        const top = Math.round(el.getBoundingClientRect().top);
        const line = [...counts.keys()].find((t) => Math.abs(t - top) < 12) ?? top;
        counts.set(line, (counts.get(line) ?? 0) + 1);
      }
      return [...counts.values()];
    });
    expect(lines.every((n) => n > 1), `controls per line: ${lines.join(', ')}`).toBe(true);
  });
});
