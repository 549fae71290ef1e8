// The plan dashboard end to end: the built browser-mode server on a fresh data folder, the real
// renderer bundle in Debian's Chromium. The reader's fields are set through the API (as the
// table would), and the dashboard must show them; axe checks the page; the print stylesheet is
// checked by printing to PDF and reading the PDF back (text, embedded fonts, a rendered page).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, OUTPUT_DIR, startAppSession, type AppSession } from './app-session';

const T3_HEADLINE = '在顺应大势中把握培育发展新质生产力';
const T3_I3 = { id: 'hz-2024/T3/I3', headline: '大力发展战略性新兴产业,布局未来产业' };
// As shown with the punctuation display setting (on by default): full-width between Chinese.
const T3_I3_SHOWN = T3_I3.headline.replace(',', '，');
const T2_I1 = { id: 'hz-2024/T2/I1', headline: '补齐制造业比重偏低的短板' };
const T1_I1 = 'hz-2024/T1/I1';

let app: AppSession;
let page: Page;

/** A local calendar day `days` from today, as the dashboard's "today" is the local date. */
function localDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The cell texts of a (visually hidden) data table, by its caption. */
async function tableRows(caption: string): Promise<string[][]> {
  return page
    .getByRole('table', { name: caption })
    .locator('tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('th, td'), (c) => (c.textContent ?? '').trim())));
}

async function tileValue(label: string): Promise<string> {
  const tile = page.locator('.dashboard-tile').filter({ has: page.locator('dt', { hasText: label }) });
  return (await tile.locator('.dashboard-tile-value').textContent()) ?? '';
}

/** Loads the dashboard afresh (a hash-only goto to the current address would not reload). */
async function openDashboard(): Promise<void> {
  const url = `${app.server.origin}/#/dashboard`;
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.getByRole('heading', { level: 2, name: '计划仪表盘' }).waitFor();
}

beforeAll(async () => {
  app = await startAppSession('dashboard');
  page = app.page;
  // The printed address leaves its key in this tab's sessionStorage for the later loads.
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
});

afterAll(() => app?.close());

describe('plan dashboard in Chromium', () => {
  it('starts with every initiative unset, no deadlines and no notes', async () => {
    await openDashboard();
    expect(await tileValue('举措')).toBe('15');
    expect(await tileValue('已完成')).toBe('0%');
    expect(await tileValue('设有期限')).toBe('0');
    await page.getByText('暂无设定完成时限的举措。', { exact: false }).waitFor();
    await page.getByText('暂无笔记或划线。', { exact: false }).waitFor();
    const rows = await tableRows('各主题举措按状态的数量');
    expect(rows[0]).toEqual(['主题', '未开始', '进行中', '已完成', '关注中', '未设置', '合计']);
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual(Array.from({ length: 5 }, () => ['0', '0', '0', '0', '3', '3']));
  });

  it('shows a status and deadlines set through the API: tiles, stacked counts and the deadline list', async () => {
    await app.call('initiative.update', { initiativeId: T3_I3.id, baseRevision: 0, patch: { status: 'in_progress', deadline: localDay(5) } });
    // Done, with its deadline passed: on neither deadline list, yet it has a deadline.
    await app.call('initiative.update', { initiativeId: T1_I1, baseRevision: 0, patch: { status: 'done', deadline: localDay(-10) } });
    await app.call('initiative.update', { initiativeId: T2_I1.id, baseRevision: 0, patch: { deadline: localDay(-3) } });
    await openDashboard();

    expect(await tileValue('已完成')).toBe('7%');
    expect(await tileValue('进行中')).toBe('1');
    expect(await tileValue('设有期限')).toBe('3');
    expect(await tileValue('已逾期')).toBe('1');

    const rows = await tableRows('各主题举措按状态的数量');
    expect(rows[1]!.slice(1)).toEqual(['0', '0', '1', '0', '2', '3']);
    expect(rows[3]!.slice(1)).toEqual(['0', '1', '0', '0', '2', '3']);

    const deadlines = page.getByRole('region', { name: '近期到期' });
    const overdue = deadlines.getByRole('region', { name: /已逾期/ }).getByRole('button');
    const upcoming = deadlines.getByRole('region', { name: /即将到期/ }).getByRole('button');
    expect(await overdue.allTextContents()).toEqual([expect.stringContaining(`T2·I1${T2_I1.headline}未设置`)]);
    expect(await overdue.first().textContent()).toContain('3天前');
    expect(await upcoming.allTextContents()).toEqual([expect.stringContaining(`T3·I3${T3_I3_SHOWN}进行中`)]);
    expect(await upcoming.first().textContent()).toContain('5天后');

    // The chart draws the segment (its pattern fill resolves to the in-progress colour).
    const inProgress = page.getByRole('img', { name: '堆叠条形图：各主题举措按状态的数量' }).locator('path.dashboard-bar-s1');
    expect(await inProgress.count()).toBe(1);
  });

  it('has no axe violations, light and dark; screenshots both', async () => {
    await page.setViewportSize({ width: 1280, height: 1400 });
    await openDashboard();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUTPUT_DIR, scheme === 'light' ? 'dashboard.png' : 'dashboard-dark.png') });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('lays the five tiles out in full rows: one row of five, or three and two on a narrow window, never one alone', async () => {
    const rows = async () => {
      const tops = await page.locator('.dashboard-tile').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
      const counts = new Map<number, number>();
      for (const top of tops) counts.set(top, (counts.get(top) ?? 0) + 1);
      return [...counts.values()];
    };
    for (const [width, expected] of [[1400, [5]], [900, [5]], [700, [3, 2]]] as const) {
      await page.setViewportSize({ width, height: 800 });
      await openDashboard();
      expect(await rows(), `${width} px wide`).toEqual(expected);
    }
    await page.setViewportSize({ width: 900, height: 700 });
    await page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-tiles-900x700.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('opens the initiative of a deadline', async () => {
    await openDashboard();
    await page.getByRole('button', { name: new RegExp(T3_I3_SHOWN) }).click();
    await page.waitForURL(/#\/initiative\//);
    await page.getByRole('heading', { level: 2, name: new RegExp(T3_I3_SHOWN) }).waitFor();
  });

  it('prints to A4 PDF with its text, an embedded Noto font and no app chrome', async () => {
    await openDashboard();
    // Paper takes the bundled Noto faces first; the app asks for their rules in idle time after
    // its first screen. Printed sooner, the page falls back to the system's CJK faces, which
    // Chromium's PDF writes as unnamed Type 3 fonts (CI printed once before the rules came).
    await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.includes('/assets/bundled-cjk-faces-')));
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = join(app.dataDir, 'dashboard.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('计划仪表盘');
    expect(flat).toContain(T3_HEADLINE);
    expect(flat).toContain(T3_I3_SHOWN);
    // App chrome stays off paper: the app bar (its app name) and the dashboard's print button.
    expect(flat).not.toContain('简报本');
    expect(flat).not.toContain('打印仪表盘');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/Noto/i);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUTPUT_DIR, 'dashboard-print-1')]);
  });

  it('caused no console errors, page errors, CSP violations or foreign requests', () => {
    app.expectNothingBlocked();
  });
});
