// Two tabs editing the same field of the same initiative, in the built app in Chromium: the
// second save was made on data the first one changed, so it is refused and the conflict dialog
// shows both values; the reader chooses. Nothing is saved over the other tab's value without
// the reader seeing it.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, OUTPUT_DIR, startAppSession, type AppSession } from './app-session';

let app: AppSession;
let tabA: Page;
let tabB: Page;

beforeAll(async () => {
  app = await startAppSession('conflicts');
  tabA = app.page;
  tabB = await app.browser.context.newPage();
});

afterAll(() => app?.close());

const ID = 'hz-2024/T2/I2';
const row = (page: Page, shortId: string): Locator =>
  page.getByRole('grid').locator('.itable-data-row').filter({ has: page.getByText(shortId, { exact: true }) });

async function openTable(page: Page): Promise<void> {
  await page.goto(`${app.server.url}#/table`);
  await expect.poll(() => page.getByRole('grid').locator('.itable-data-row').count(), { timeout: 15_000 }).toBe(15);
}

/** Types into T2·I2's lead unit and presses Enter. */
async function typeLeadUnit(page: Page, text: string, label = '牵头单位（T2·I2）'): Promise<void> {
  const r = row(page, 'T2·I2');
  const input = r.getByRole('textbox', { name: label, exact: true });
  if ((await input.count()) === 0) {
    // The table's one editing rule: a focused cell starts its edit on Enter.
    await r.locator(`.itable-display[aria-label^="${label}"]`).focus();
    await page.keyboard.press('Enter');
  }
  await input.fill(text);
  await input.press('Enter');
}

describe('two tabs editing the same field', () => {
  it('shows the conflict to the second tab and overwrites only when asked', async () => {
    await tabA.setViewportSize({ width: 1400, height: 900 });
    await tabB.setViewportSize({ width: 1400, height: 900 });
    await openTable(tabA);
    await openTable(tabB);

    await typeLeadUnit(tabA, '市发改委');
    await row(tabA, 'T2·I2').locator('[data-phase="saved"]').waitFor();

    // Tab B still shows the row as it loaded it (revision 0).
    await typeLeadUnit(tabB, '市科技局');
    const dialog = tabB.getByRole('alertdialog', { name: '此内容已在别处修改' });
    await dialog.waitFor();
    expect(await dialog.getByRole('region', { name: '已保存的版本' }).textContent()).toContain('市发改委');
    expect(await dialog.getByRole('region', { name: '您的版本' }).textContent()).toContain('市科技局');
    // Nothing was saved over tab A's value.
    expect((await app.call('table.rows', { ids: [ID] }))[0]).toMatchObject({ leadUnit: '市发改委', revision: 1 });
    expect(await axeViolations(tabB, '.conflict-dialog')).toEqual([]);
    await tabB.screenshot({ path: join(OUTPUT_DIR, 'conflict-dialog-zh-1400.png') });

    await dialog.getByRole('button', { name: '用我的版本覆盖' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await app.call('table.rows', { ids: [ID] }))[0]!.leadUnit).toBe('市科技局');
    expect((await app.call('table.rows', { ids: [ID] }))[0]!.revision).toBe(2);
  });

  it('lets the other tab keep the saved version', async () => {
    // Tab A last saw revision 1; tab B stored revision 2.
    await typeLeadUnit(tabA, '市经信局');
    const dialog = tabA.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('region', { name: '已保存的版本' }).textContent()).toContain('市科技局');
    await dialog.getByRole('button', { name: '保留已保存的版本' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row(tabA, 'T2·I2').locator('[data-col="leadUnit"]').textContent()).toContain('市科技局');
    expect((await app.call('table.rows', { ids: [ID] }))[0]).toMatchObject({ leadUnit: '市科技局', revision: 2 });
    app.expectNothingBlocked();
  });

  it('reads well in English and dark at 900 × 700', async () => {
    await app.call('settings.set', { key: 'ui.language', value: 'en' });
    await tabB.setViewportSize({ width: 900, height: 700 });
    await tabB.emulateMedia({ colorScheme: 'dark' });
    await openTable(tabB);
    await app.call('initiative.update', { initiativeId: ID, baseRevision: 2, patch: { leadUnit: 'Municipal Development and Reform Commission' } });
    await typeLeadUnit(tabB, 'Municipal Science and Technology Bureau', 'Lead unit (T2·I2)');
    const dialog = tabB.getByRole('alertdialog', { name: 'This was changed elsewhere' });
    await dialog.waitFor();
    expect(await axeViolations(tabB, '.conflict-dialog')).toEqual([]);
    await tabB.screenshot({ path: join(OUTPUT_DIR, 'conflict-dialog-en-dark-900.png') });
    await tabB.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Keep editing: my text stays in the cell, not saved.
    expect(await row(tabB, 'T2·I2').getByRole('textbox', { name: 'Lead unit (T2·I2)' }).inputValue()).toBe(
      'Municipal Science and Technology Bureau',
    );
    expect((await app.call('table.rows', { ids: [ID] }))[0]!.leadUnit).toBe('Municipal Development and Reform Commission');
  });
});
