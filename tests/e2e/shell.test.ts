// Desktop conventions in browser mode, end to end: the built server on a fresh data folder, the
// real renderer bundle, Debian's Chromium. The shortcuts of the shared command table (Ctrl+1/2/3
// switch views, Ctrl+, opens the preferences), and the preferences dialog: keyboard behaviour,
// axe, the language switch, and the status list saved through the core (a status in use refused).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiMethod, ApiResult } from '../../shared/api/contract';
import { API_PREFIX, AUTH_SCHEME, TOKEN_QUERY_PARAM } from '../../shared/api/http';
import type { Result } from '../../shared/api/result';
import { REPO_ROOT } from '../helpers/paths';
import { assertBuilt, startBuiltServer, type BuiltServer } from './built-server';
import { launchChromium, type Browser } from './browser';

const OUTPUT_DIR = join(REPO_ROOT, 'tests', 'output');

let dataDir: string;
let server: BuiltServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  assertBuilt();
  mkdirSync(OUTPUT_DIR, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'briefbook-e2e-shell-'));
  server = await startBuiltServer(dataDir);
  browser = await launchChromium(server.origin);
  page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByRole('navigation', { name: '计划大纲' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Calls the API from inside the page (same origin, with the launch token), as the renderer does. */
async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  const token = new URL(server.url).searchParams.get(TOKEN_QUERY_PARAM)!;
  const result = await page.evaluate(
    async ({ url, auth, body }) => {
      const response = await fetch(url, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body });
      return (await response.json()) as unknown;
    },
    { url: `${API_PREFIX}${method}`, auth: `${AUTH_SCHEME} ${token}`, body: JSON.stringify(args) },
  );
  const envelope = result as Result<ApiResult<M>>;
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

const hash = () => new URL(page.url()).hash;
const dialog = () => page.getByRole('dialog');
const viewTab = (name: RegExp) => page.getByRole('navigation', { name: /^(视图|Views)$/ }).getByRole('link', { name });
/** Waits until the app bar marks this view's tab as the current page. */
const currentTab = (name: string) =>
  page.getByRole('navigation', { name: /^(视图|Views)$/ }).locator('a[aria-current="page"]', { hasText: name }).waitFor();

function expectNothingBlocked(): void {
  expect(browser.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
}

async function expectNoAxeViolations(): Promise<void> {
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function openPreferences(): Promise<void> {
  await page.keyboard.press('Control+Comma');
  await dialog().waitFor();
}

describe('shortcuts in browser mode', () => {
  it('Ctrl+2 opens the table, Ctrl+3 the dashboard, Ctrl+1 goes back to reading', async () => {
    await page.keyboard.press('Control+2');
    await currentTab('举措表');
    expect(hash()).toBe('#/table');
    await page.keyboard.press('Control+3');
    await currentTab('仪表板');
    expect(hash()).toBe('#/dashboard');
    await page.keyboard.press('Control+1');
    await currentTab('阅读');
    await page.getByRole('navigation', { name: '计划大纲' }).waitFor();
    expect(hash()).not.toMatch(/table|dashboard/);
    expectNothingBlocked();
  });

  it('leaves a text field its keys: Ctrl+2 typed in the dialog’s name field switches nothing', async () => {
    await openPreferences();
    const field = dialog().getByRole('textbox').first();
    await field.focus();
    const before = hash();
    await page.keyboard.press('Control+2');
    expect(hash()).toBe(before);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });
});

describe('preferences dialog', () => {
  it('Ctrl+, opens it as a modal dialog; axe finds no violations, light and dark', async () => {
    await page.getByRole('navigation', { name: '计划大纲' }).getByRole('link').first().focus();
    await openPreferences();
    expect(await page.getByRole('dialog', { name: '偏好设置' }).count()).toBe(1);
    expect(await dialog().evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).toBe(true);
    await dialog().getByRole('textbox').first().waitFor();
    expect(await page.evaluate(() => document.querySelector('dialog')!.contains(document.activeElement))).toBe(true);
    await expectNoAxeViolations();
    await page.screenshot({ path: join(OUTPUT_DIR, 'preferences.png') });

    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations();
    await page.screenshot({ path: join(OUTPUT_DIR, 'preferences-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    expectNothingBlocked();
  });

  it('keeps Tab inside and gives the focus back on Escape', async () => {
    const inside = () => page.evaluate(() => document.querySelector('dialog')?.contains(document.activeElement) ?? false);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await inside()).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inside()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    const focused = await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'));
    expect(focused).toBe('计划大纲');
  });

  it('switches the whole UI to English and back', async () => {
    await openPreferences();
    await dialog().getByRole('group', { name: '界面语言' }).getByRole('radio', { name: 'English' }).check();
    await page.getByRole('dialog', { name: 'Preferences' }).waitFor();
    await viewTab(/^Table$/).waitFor();
    expect(await call('settings.get', { key: 'ui.language' })).toBe('en');
    await dialog().getByRole('group', { name: 'Interface language' }).getByRole('radio', { name: '中文' }).check();
    await page.getByRole('dialog', { name: '偏好设置' }).waitFor();
    await viewTab(/^举措表$/).waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expectNothingBlocked();
  });

  it('renames a status and saves it in the core; a status in use cannot be removed', async () => {
    await call('initiative.update', { initiativeId: 'hz-2024/T1/I1', patch: { status: 'done' } });
    await openPreferences();
    const zhName = (n: number) => dialog().getByRole('textbox', { name: `第 ${n} 个状态的中文名称` });
    await zhName(1).fill('尚未开始');
    await dialog().getByRole('button', { name: '保存状态' }).click();
    await dialog().getByText('状态已保存。').waitFor();
    expect((await call('status.options', {}))[0]).toEqual({ key: 'not_started', label: { zh: '尚未开始', en: 'Not started' } });

    await dialog().getByRole('button', { name: '删除：已完成' }).click();
    await dialog().getByRole('button', { name: '保存状态' }).click();
    await dialog().getByText(/无法删除仍在使用的状态：“已完成”/).waitFor();
    expect((await call('status.options', {})).map((o) => o.key)).toContain('done');
    await expectNoAxeViolations();
    await page.screenshot({ path: join(OUTPUT_DIR, 'preferences-status-in-use.png') });
    await dialog().getByRole('button', { name: '撤销更改' }).click();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expectNothingBlocked();
  });
});
