// The built app end to end: the real browser-mode server (out/main/server.js) on a fresh data
// folder, the real renderer bundle, Debian's Chromium. The tests run in order on one page and
// one data folder, so choices saved by one are what the next one's reload finds. Screenshots
// go to tests/output/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTranslation } from '../../shared/domain/translation';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/security';
import { REPO_ROOT, RESOURCES_DIR } from '../helpers/paths';
import { axeViolations, OUTPUT_DIR, startAppSession, type AppSession } from './app-session';
import { launchChromium } from './browser';
import { systemHas, usedFonts } from './used-fonts';

const TITLE = '聚焦“深化改革、强基固本”主题主线 探索杭州打造中国式现代化城市范例的新思路';
// As shown: the source's half-width comma in its full-width form (the display setting's default).
const LIST_INITIATIVE = '第三 大力发展战略性新兴产业，布局未来产业';
const EMERGING = ['新一代信息技术', '新能源', '新材料', '高端装备', '新能源汽车', '绿色环保', '民用航空', '船舶与海洋工程装备'];
const FUTURE = ['元宇宙', '脑机接口', '量子信息', '人形机器人', '生成式人工智能', '生物制造', '未来显示', '未来网络', '新型储能'];
const UNAUTHORIZED_TEXT = 'Open this page at the address npm run serve shows in the terminal (it carries a one-time key).';
const EN = JSON.parse(readFileSync(join(RESOURCES_DIR, 'plans', 'hangzhou-2024-05-11.en.json'), 'utf8')) as PlanTranslation;
const EN_T3_I3 = EN.initiatives['hz-2024/T3/I3']!;

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('reading');
  page = app.page;
});

afterAll(() => app?.close());

const outline = () => page.getByRole('navigation', { name: '计划大纲' });
const main = () => page.getByRole('main');

async function listItems(scope: Locator, title: string): Promise<string[]> {
  const region = scope.getByRole('region', { name: title });
  return region.getByRole('listitem').allTextContents();
}

async function expectInitiativeWithLists(): Promise<void> {
  await main().getByRole('heading', { level: 2, name: LIST_INITIATIVE }).waitFor();
  expect(await listItems(main(), '8大新兴产业')).toEqual(EMERGING);
  expect(await listItems(main(), '9大未来产业')).toEqual(FUTURE);
  // Lists rendered as lists: one <ol> of 8 and one of 9 items.
  const counts = await main().locator('ol').evaluateAll((ols) => ols.map((ol) => ol.children.length));
  expect(counts).toEqual([8, 9]);
  expect(await outline().getByRole('link', { name: LIST_INITIATIVE }).getAttribute('aria-current')).toBe('page');
}

async function expectNoAxeViolations(): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

const group = (name: string) => page.getByRole('group', { name });
const pressed = async (groupName: string) =>
  group(groupName).locator('button[aria-pressed="true"]').textContent();

/** Text, fonts and layout settled, so a screenshot shows the page as a reader sees it. */
async function settled(): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function shoot(name: string): Promise<void> {
  await settled();
  await page.screenshot({ path: join(OUTPUT_DIR, name), fullPage: false });
}

describe('browser mode, built app in Chromium', () => {
  it('serves the page with the whole CSP as a header, and the built page repeats it as a meta', async () => {
    const response = await fetch(`${app.server.origin}/`);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = readFileSync(join(REPO_ROOT, 'out', 'renderer', 'index.html'), 'utf8');
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY_META}"`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]/);
  });

  it('opens the printed address: title, theme line and 5 themes with 3 initiatives each', async () => {
    await page.goto(app.server.url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
    await page.getByText('深化改革、强基固本', { exact: true }).waitFor();
    expect(await outline().getByRole('heading', { level: 2 }).count()).toBe(5);
    expect(await outline().locator('.outline-initiatives').evaluateAll((ols) => ols.map((ol) => ol.children.length))).toEqual([3, 3, 3, 3, 3]);
    // The one-time key left the address bar (it lives in this tab's sessionStorage).
    expect(page.url()).not.toContain('token=');
    await shoot('first-screen.png');
    app.expectNothingBlocked();
  });

  it('reads in Noto SC: the installed Noto CJK SC faces where the system has them, else the bundled ones served from the app', async () => {
    await settled();
    const installed = systemHas('Noto Sans CJK SC') && systemHas('Noto Serif CJK SC');
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, '')),
    );
    // Only bundled faces are ever loaded (the Latin ones serve English text, e.g. the "English" switch).
    expect(loaded.filter((f) => !['Noto Sans SC', 'Noto Serif SC', 'Noto Sans', 'Noto Serif'].includes(f))).toEqual([]);
    if (!installed) expect(loaded).toEqual(expect.arrayContaining(['Noto Sans SC', 'Noto Serif SC']));
    // The faces the reader sees, as drawn: sans for the interface, serif for the theme line.
    const [serif] = await usedFonts(page, '.theme-line-text');
    expect(serif!.familyName).toMatch(installed ? /^Noto Serif CJK SC/ : /^Noto Serif SC/);
    const [sans] = await usedFonts(page, '.outline .outline-initiatives a');
    expect(sans!.familyName).toMatch(installed ? /^Noto Sans CJK SC/ : /^Noto Sans SC/);
    // No data: fonts (CSP font-src 'self' would refuse them) and nothing from elsewhere.
    app.expectNothingBlocked();
  });

  it('has no accessibility violations on the overview, with the plan context open', async () => {
    await page.getByRole('button', { name: '计划背景' }).click();
    await page.getByRole('region', { name: '计划背景' }).waitFor();
    await expectNoAxeViolations();
    await page.getByRole('button', { name: '计划背景' }).click();
  });

  it('opens 大力发展战略性新兴产业,布局未来产业 and shows its 8 and 9 industries', async () => {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings.set') && r.ok());
    await outline().getByRole('link', { name: LIST_INITIATIVE }).click();
    await expectInitiativeWithLists();
    await saved;
    await shoot('initiative.png');
    await shoot('reading-zh.png');
    await expectNoAxeViolations();
    app.expectNothingBlocked();
  });

  it('shows the same initiative after a reload, and restores it on a fresh start without a view', async () => {
    await page.reload();
    await expectInitiativeWithLists();
    // The bare address (no view, no key in the URL): the remembered initiative comes back.
    await page.goto(`${app.server.origin}/`);
    await expectInitiativeWithLists();
    expect(new URL(page.url()).hash).toBe('#/initiative/hz-2024/T3/I3');
    app.expectNothingBlocked();
  });

  it('moves through the outline with the keyboard and between initiatives with Alt+↑/↓', async () => {
    const current = outline().getByRole('link', { name: LIST_INITIATIVE });
    await current.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const previous = '第二 打造适应新质生产力发展需要的创新人才队伍';
    await main().getByRole('heading', { level: 2, name: previous }).waitFor();
    expect(await outline().getByRole('link', { name: previous }).getAttribute('aria-current')).toBe('page');
    await page.keyboard.press('Alt+ArrowDown');
    await expectInitiativeWithLists();
    await page.keyboard.press('Alt+ArrowDown');
    await main().getByRole('heading', { level: 2, name: '第一 打造“绿色生活”之城' }).waitFor();
    // The outline keeps what is open in sight.
    await expect(outline().getByRole('link', { name: '第一 打造“绿色生活”之城' }).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Alt+ArrowUp');
    await expectInitiativeWithLists();
    app.expectNothingBlocked();
  });

  it('switches the interface to English and back, and a reload keeps the choice', async () => {
    await group('界面语言').getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Plan outline' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('navigation', { name: 'Views' }).getByRole('link').allTextContents()).toEqual([
      'Read',
      'Table',
      'Dashboard',
      'Library',
      'Annotations',
      'Packets',
    ]);
    expect(await main().getByRole('link', { name: /^Next/ }).getAttribute('title')).toBe('Next initiative (Alt+↓)');
    // Plan text follows the reading mode, not the interface: still Chinese.
    await main().getByRole('heading', { level: 2, name: LIST_INITIATIVE }).waitFor();
    expect(await listItems(main(), '8大新兴产业')).toEqual(EMERGING);

    await page.reload();
    await page.getByRole('navigation', { name: 'Plan outline' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The title follows the initiative once it has loaded, a moment after the outline.
    await expect.poll(() => page.title()).toBe(`${LIST_INITIATIVE} · Briefbook`);

    await group('Interface language').getByRole('button', { name: '中文' }).click();
    await outline().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect.poll(() => page.title()).toBe(`${LIST_INITIATIVE} · 简报本`);
    app.expectNothingBlocked();
  });

  it('shows English beside Chinese, sentence by sentence, with the industry lists paired (中英对照)', async () => {
    await group('正文语言').getByRole('button', { name: '中英对照' }).click();
    const rows = main().locator('.reading .parallel-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const zh = rows.first().locator('[lang="zh-CN"]');
    const en = rows.first().locator('[lang="en"]');
    expect(await en.textContent()).toBe(EN_T3_I3.body[0]);
    // Side by side: the English starts right of the Chinese, on the same line.
    const [zhBox, enBox] = [await zh.boundingBox(), await en.boundingBox()];
    expect(enBox!.x).toBeGreaterThan(zhBox!.x + zhBox!.width);
    expect(Math.abs(enBox!.y - zhBox!.y)).toBeLessThan(zhBox!.height);
    for (const [title, listId, zhItems] of [
      ['8大新兴产业', 'hz-2024/L1', EMERGING],
      ['9大未来产业', 'hz-2024/L2', FUTURE],
    ] as const) {
      const items = main().getByRole('region', { name: new RegExp(`^${title}`) }).getByRole('listitem');
      expect(await items.locator('[lang="zh-CN"]').allTextContents()).toEqual(zhItems);
      expect(await items.locator('[lang="en"]').allTextContents()).toEqual(EN.lists[listId]!.items);
    }
    // Marked unofficial once per screen (the plan strip), not on every block of English.
    expect(await page.getByText('非官方译文', { exact: true }).count()).toBe(1);
    await shoot('reading-both.png');
    await expectNoAxeViolations();

    await page.reload();
    await main().locator('.reading .parallel-row').first().waitFor();
    expect(await pressed('正文语言')).toBe('中英对照');
    app.expectNothingBlocked();
  });

  it('stacks each sentence over its English in a narrow window', async () => {
    await page.setViewportSize({ width: 720, height: 900 });
    try {
      const row = main().locator('.reading .parallel-row').first();
      const [zhBox, enBox] = [await row.locator('[lang="zh-CN"]').boundingBox(), await row.locator('[lang="en"]').boundingBox()];
      expect(enBox!.y).toBeGreaterThanOrEqual(zhBox!.y + zhBox!.height);
      await main().locator('.parallel-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shoot('reading-both-narrow.png');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('reads in English alone, labelled as an unofficial translation', async () => {
    await group('正文语言').getByRole('button', { name: 'English' }).click();
    await main().getByText(EN_T3_I3.body[0]!).waitFor();
    expect(await main().getByRole('heading', { level: 2 }).first().textContent()).toBe(`3. ${EN_T3_I3.headline}`);
    expect(await page.getByText('非官方译文', { exact: true }).isVisible()).toBe(true);
    expect(await outline().getByRole('link', { name: `3. ${EN_T3_I3.headline}` }).getAttribute('aria-current')).toBe('page');
    await shoot('reading-en.png');
    await expectNoAxeViolations();
    await group('正文语言').getByRole('button', { name: '中文' }).click();
    await expectInitiativeWithLists();
    app.expectNothingBlocked();
  });

  it('changes the reading size with A+ / A− and keeps it', async () => {
    const body = main().locator('.reading p').first();
    const before = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await group('字号').getByRole('button', { name: '放大字号' }).click();
    await expect(body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).resolves.toBeGreaterThan(before);
    await page.reload();
    await expectInitiativeWithLists();
    const after = await main().locator('.reading p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after).toBeGreaterThan(before);
    await group('字号').getByRole('button', { name: '缩小字号' }).click();
    await expect(
      main().locator('.reading p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ).resolves.toBe(before);
  });

  it('switches to the dark theme by hand, keeps it after a reload, and goes back to the system', async () => {
    const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.getByRole('combobox', { name: '外观' }).selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(dark).not.toBe(light);
    await page.reload();
    await expectInitiativeWithLists();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await shoot('reading-dark.png');
    await expectNoAxeViolations();
    await page.getByRole('combobox', { name: '外观' }).selectOption('system');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(light);
    app.expectNothingBlocked();
  });

  it('follows the system into the dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectInitiativeWithLists();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('system');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).not.toBe('rgb(246, 244, 239)');
    await page.screenshot({ path: join(OUTPUT_DIR, 'initiative-dark.png'), fullPage: false });
    await page.emulateMedia({ colorScheme: 'light' });
    app.expectNothingBlocked();
  });

  it('prints an initiative on light paper: its whole text and lists under the plan’s title and source, none of the app around it', async () => {
    await expectInitiativeWithLists();
    // On screen the app bar names the plan; the print header is for paper only.
    expect(await page.locator('main .print-header').isVisible()).toBe(false);
    // Paper is light whatever the screen shows.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const colours = await page.evaluate(() => ({
      paper: getComputedStyle(document.documentElement).backgroundColor,
      text: getComputedStyle(document.querySelector('main h2')!).color,
      chrome: ['.top-bar', '.outline', '.skip-link', '.pager'].map((s) => getComputedStyle(document.querySelector(s)!).display),
    }));
    expect(colours.paper).toBe('rgb(255, 255, 255)');
    expect(colours.text).toBe('rgb(31, 35, 40)');
    expect(colours.chrome).toEqual(['none', 'none', 'none', 'none']);
    // The print header stands in for the app bar: the plan's title and its source line.
    const header = page.locator('main .print-header');
    expect(await header.isVisible()).toBe(true);
    expect(await header.locator('.print-header-title').textContent()).toBe(TITLE);
    expect((await header.locator('.print-header-source').textContent())?.replace(/\s+/g, '')).toBe(
      '来源杭州日报栏目杭州有理发布时间2024-05-1115:55作者赵亚东',
    );
    const pdf = join(app.dataDir, 'initiative.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    const flat = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(flat).toContain(LIST_INITIATIVE.replace(/\s+/g, ''));
    expect(flat).toContain('来源杭州日报·栏目杭州有理·发布时间2024-05-1115:55·作者赵亚东');
    // The body's last sentence: the main pane flows onto paper, not just what was on screen.
    expect(flat).toContain('新型储能等9大未来产业。');
    for (const item of [...EMERGING, ...FUTURE]) expect(flat).toContain(item);
    // No app bar (its name, and the plan title: that is printed once, by the print header),
    // outline (another initiative) or pager.
    expect(flat).not.toContain('简报本');
    expect(flat.split(TITLE.replace(/\s+/g, '')).length - 1).toBe(1);
    expect(flat).not.toContain('建立解难题促发展政策机制');
    expect(flat).not.toContain('上一条');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUTPUT_DIR, 'initiative-print-1')]);
    app.expectNothingBlocked();
  });

  it('shows the access-key screen when opened without the token', async () => {
    const stranger = await launchChromium(app.server.origin);
    try {
      const fresh = await stranger.context.newPage();
      await fresh.goto(`${app.server.origin}/`);
      const alert = fresh.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(UNAUTHORIZED_TEXT);
      expect(await alert.textContent()).toContain('需要访问密钥');
      expect(await fresh.getByRole('navigation').count()).toBe(0);
      await fresh.screenshot({ path: join(OUTPUT_DIR, 'unauthorized.png') });
      // The browser reports the refused call itself; nothing else may go wrong.
      expect(stranger.problems.consoleErrors.every((e) => e.includes('401'))).toBe(true);
      expect(stranger.problems.cspViolations).toEqual([]);
      expect(stranger.problems.foreignRequests).toEqual([]);
    } finally {
      await stranger.close();
    }
  });
});
