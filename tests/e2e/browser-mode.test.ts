// The built app end to end: the real browser-mode server (out/main/server.js) on a fresh data
// folder, the real renderer bundle, Debian's Chromium. Screenshots go to tests/output/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/security';
import { REPO_ROOT } from '../helpers/paths';
import { assertBuilt, startBuiltServer, type BuiltServer } from './built-server';
import { launchChromium, type Browser } from './browser';

const OUTPUT_DIR = join(REPO_ROOT, 'tests', 'output');
const TITLE = '聚焦“深化改革、强基固本”主题主线 探索杭州打造中国式现代化城市范例的新思路';
const LIST_INITIATIVE = '第三 大力发展战略性新兴产业,布局未来产业';
const EMERGING = ['新一代信息技术', '新能源', '新材料', '高端装备', '新能源汽车', '绿色环保', '民用航空', '船舶与海洋工程装备'];
const FUTURE = ['元宇宙', '脑机接口', '量子信息', '人形机器人', '生成式人工智能', '生物制造', '未来显示', '未来网络', '新型储能'];
const UNAUTHORIZED_TEXT = 'This page needs the address printed by npm run serve (it carries a one-time key).';

let dataDir: string;
let server: BuiltServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  assertBuilt();
  mkdirSync(OUTPUT_DIR, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'briefbook-e2e-data-'));
  server = await startBuiltServer(dataDir);
  browser = await launchChromium(server.origin);
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

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

function expectNothingBlocked(): void {
  expect(browser.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
}

describe('browser mode, built app in Chromium', () => {
  it('serves the page with the whole CSP as a header, and the built page repeats it as a meta', async () => {
    const response = await fetch(`${server.origin}/`);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = readFileSync(join(REPO_ROOT, 'out', 'renderer', 'index.html'), 'utf8');
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY_META}"`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]/);
  });

  it('opens the printed address: title, theme line and 5 themes with 3 initiatives each', async () => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
    await page.getByText('深化改革、强基固本', { exact: true }).waitFor();
    expect(await outline().getByRole('heading', { level: 2 }).count()).toBe(5);
    expect(await outline().locator('.outline-initiatives').evaluateAll((ols) => ols.map((ol) => ol.children.length))).toEqual([3, 3, 3, 3, 3]);
    // The one-time key left the address bar (it lives in this tab's sessionStorage).
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: join(OUTPUT_DIR, 'first-screen.png'), fullPage: false });
    expectNothingBlocked();
  });

  it('opens 大力发展战略性新兴产业,布局未来产业 and shows its 8 and 9 industries', async () => {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings.set') && r.ok());
    await outline().getByRole('link', { name: LIST_INITIATIVE }).click();
    await expectInitiativeWithLists();
    await saved;
    await page.screenshot({ path: join(OUTPUT_DIR, 'initiative.png'), fullPage: false });
    expectNothingBlocked();
  });

  it('shows the same initiative after a reload, and restores it on a fresh start without a view', async () => {
    await page.reload();
    await expectInitiativeWithLists();
    // The bare address (no view, no key in the URL): the remembered initiative comes back.
    await page.goto(`${server.origin}/`);
    await expectInitiativeWithLists();
    expect(new URL(page.url()).hash).toBe('#/initiative/hz-2024/T3/I3');
    expectNothingBlocked();
  });

  it('looks right in the dark theme too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectInitiativeWithLists();
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).not.toBe('rgb(246, 244, 239)');
    await page.screenshot({ path: join(OUTPUT_DIR, 'initiative-dark.png'), fullPage: false });
    await page.emulateMedia({ colorScheme: 'light' });
    expectNothingBlocked();
  });

  it('shows the access-key screen when opened without the token', async () => {
    const stranger = await launchChromium(server.origin);
    try {
      const fresh = await stranger.context.newPage();
      await fresh.goto(`${server.origin}/`);
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
