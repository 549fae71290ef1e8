// Desktop conventions in browser mode, end to end: the built server on a fresh data folder, the
// real renderer bundle, Debian's Chromium. The shortcuts of the shared command table (Ctrl+1/2/3
// switch views, Ctrl+, opens the preferences), and the preferences dialog: keyboard behaviour,
// axe, the language switch, and the status list saved through the core (a status in use refused).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, OUTPUT_DIR, startAppSession, type AppSession } from './app-session';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('shell');
  page = app.page;
  await page.goto(app.server.url);
  await page.getByRole('navigation', { name: '计划大纲' }).waitFor();
});

afterAll(() => app?.close());

const hash = () => new URL(page.url()).hash;
const dialog = () => page.getByRole('dialog');
const viewTab = (name: RegExp) => page.getByRole('navigation', { name: /^(视图|Views)$/ }).getByRole('link', { name });
/** Waits until the app bar marks this view's tab as the current page. */
const currentTab = (name: string) =>
  page.getByRole('navigation', { name: /^(视图|Views)$/ }).locator('a[aria-current="page"]', { hasText: name }).waitFor();

async function expectNoAxeViolations(): Promise<void> {
  expect(await axeViolations(page, 'dialog')).toEqual([]);
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
    await currentTab('仪表盘');
    expect(hash()).toBe('#/dashboard');
    await page.keyboard.press('Control+1');
    await currentTab('阅读');
    await page.getByRole('navigation', { name: '计划大纲' }).waitFor();
    expect(hash()).not.toMatch(/table|dashboard/);
    app.expectNothingBlocked();
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
    app.expectNothingBlocked();
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
    expect(await app.call('settings.get', { key: 'ui.language' })).toBe('en');
    await dialog().getByRole('group', { name: 'Interface language' }).getByRole('radio', { name: '中文' }).check();
    await page.getByRole('dialog', { name: '偏好设置' }).waitFor();
    await viewTab(/^举措表$/).waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    app.expectNothingBlocked();
  });

  it('renames a status and saves it in the core; a status in use cannot be removed', async () => {
    await app.call('initiative.update', { initiativeId: 'hz-2024/T1/I1', baseRevision: 0, patch: { status: 'done' } });
    await openPreferences();
    const zhName = (n: number) => dialog().getByRole('textbox', { name: `第 ${n} 个状态的中文名称` });
    await zhName(1).fill('尚未开始');
    await dialog().getByRole('button', { name: '保存状态' }).click();
    await dialog().getByText('状态已保存。').waitFor();
    expect((await app.call('status.options', {})).options[0]).toEqual({ key: 'not_started', label: { zh: '尚未开始', en: 'Not started' } });

    await dialog().getByRole('button', { name: '删除：已完成' }).click();
    await dialog().getByRole('button', { name: '保存状态' }).click();
    await dialog().getByText(/无法删除仍在使用的状态：“已完成”/).waitFor();
    expect((await app.call('status.options', {})).options.map((o) => o.key)).toContain('done');
    await expectNoAxeViolations();
    await page.screenshot({ path: join(OUTPUT_DIR, 'preferences-status-in-use.png') });
    await dialog().getByRole('button', { name: '撤销更改' }).click();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    app.expectNothingBlocked();
  });
});
