// Issue 15 item 3, end to end in Chromium: one editing rule for every editable cell. Enter, a
// double-click or typing a character starts the edit; Escape cancels and leaves the editor (the
// status one too); Tab saves and moves on, Shift+Tab back. Deadlines show and take the
// interface's format, not the browser's mm/dd/yyyy; the tag editor suggests the tags in use.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from './app-session';
import { shootMatrix, useLanguage } from './shots';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('tableedit');
  page = app.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${app.server.url}#/table`);
  await page.locator('.itable-data-row').nth(14).waitFor();
});

afterAll(() => app?.close());

const row = (shortId: string): Locator =>
  page.locator('.itable-data-row').filter({ has: page.getByText(shortId, { exact: true }) });
const cell = (shortId: string, col: string) => row(shortId).locator(`[data-col="${col}"]`);
const focusedCol = () => page.evaluate(() => document.activeElement?.closest('[data-col]')?.getAttribute('data-col') ?? null);
const focusedTag = () => page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? null);
const stored = async (id: string) => (await app.call('table.rows', { ids: [`hz-2024/${id.replace('·', '/')}`] }))[0]!;

describe('one editing rule for every editable cell', () => {
  it('status: Enter starts the edit, Escape leaves it with nothing changed and the cell focused', async () => {
    await cell('T1·I1', 'status').locator('.itable-display').focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedTag).toBe('select');
    // Keyboard: the list stays closed; ↓ picks the next status, Escape drops it and leaves.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect.poll(focusedTag).toBe('button');
    expect(await focusedCol()).toBe('status');
    expect(await cell('T1·I1', 'status').locator('select').count()).toBe(0);
    expect((await stored('T1·I1')).status).toBeNull();
    // ↓ then Enter saves the status picked.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(focusedTag).toBe('button');
    await expect.poll(async () => (await stored('T1·I1')).status).toBe('in_progress');
  });

  it('a click selects a cell without opening it; a double-click opens it; Tab saves and moves on, Shift+Tab back', async () => {
    await cell('T1·I2', 'leadUnit').locator('.itable-display').click();
    expect(await focusedTag()).toBe('button');
    await cell('T1·I2', 'leadUnit').locator('.itable-display').dblclick();
    await expect.poll(focusedTag).toBe('input');
    await page.keyboard.type('市发改委');
    await page.keyboard.press('Tab');
    await expect.poll(focusedCol).toBe('deadline');
    expect(await focusedTag()).toBe('button');
    await expect.poll(async () => (await stored('T1·I2')).leadUnit).toBe('市发改委');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focusedCol).toBe('leadUnit');
  });

  it('typing a character on a selected cell starts the edit with it; Escape puts the stored text back', async () => {
    await cell('T1·I3', 'progressNote').locator('.itable-display').focus();
    await page.keyboard.press('a');
    const input = cell('T1·I3', 'progressNote').locator('input');
    expect(await input.inputValue()).toBe('a');
    await page.keyboard.type('bc');
    expect(await input.inputValue()).toBe('abc');
    await page.keyboard.press('Escape');
    expect(await cell('T1·I3', 'progressNote').locator('input').count()).toBe(0);
    expect((await stored('T1·I3')).progressNote).toBeNull();
  });

  it('deadlines: typed as 年-月-日 (or 2025/6/5, 2025年6月5日), shown that way, never as mm/dd/yyyy', async () => {
    await cell('T2·I1', 'deadline').locator('.itable-display').focus();
    await page.keyboard.press('Enter');
    const field = cell('T2·I1', 'deadline').locator('input');
    expect(await field.getAttribute('type')).toBe('text');
    expect(await field.getAttribute('placeholder')).toBe('年-月-日');
    await page.keyboard.type('2025/6/5');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored('T2·I1')).deadline).toBe('2025-06-05');
    expect(await cell('T2·I1', 'deadline').locator('.itable-display-text').textContent()).toBe('2025-06-05');
    // Something it cannot read stays in the field, marked, and is not saved.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('06/05/2025');
    await page.keyboard.press('Enter');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    expect((await stored('T2·I1')).deadline).toBe('2025-06-05');
  });

  it('shows deadlines as "5 Jun 2025" in English and takes that form too', async () => {
    await useLanguage(app, 'en', `${app.server.url}#/table`);
    await page.locator('.itable-data-row').nth(14).waitFor();
    expect(await cell('T2·I1', 'deadline').locator('.itable-display-text').textContent()).toBe('5 Jun 2025');
    await cell('T2·I2', 'deadline').locator('.itable-display').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('30 Sep 2025');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored('T2·I2')).deadline).toBe('2025-09-30');
    await useLanguage(app, 'zh', `${app.server.url}#/table`);
    await page.locator('.itable-data-row').nth(14).waitFor();
  });

  it('tags: the editor suggests the tags already in use, with their counts', async () => {
    const slot = (id: string) => cell(id, 'tags').locator('.itable-display');
    await slot('T3·I1').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('重点');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored('T3·I1')).tags).toEqual(['重点']);
    await page.keyboard.press('Escape');
    await slot('T3·I2').dblclick();
    const input = cell('T3·I2', 'tags').locator('input');
    const listId = await input.getAttribute('list');
    expect(listId).toBeTruthy();
    await expect
      .poll(() => page.locator(`datalist[id="${listId}"] option`).evaluateAll((os) => os.map((o) => `${(o as HTMLOptionElement).value}|${(o as HTMLOptionElement).label}`)))
      .toEqual(['重点|1 项举措']);
    await page.keyboard.press('Escape');
    app.expectNothingBlocked();
  });

  it('screenshots a deadline being typed and a refused one, both sizes, zh and en, light and dark', async () => {
    const files = await shootMatrix(app, 'table-editing', `${app.server.url}#/table`, async (p) => {
      await p.locator('.itable-data-row').nth(14).waitFor();
      // The refused date stays open across window sizes: type it once per page load.
      const display = cell('T2·I3', 'deadline').locator('.itable-display');
      if (await display.count()) {
        await display.focus();
        await p.keyboard.press('Enter');
        await p.keyboard.type('2025-13-01');
        await p.keyboard.press('Enter');
      }
      await cell('T2·I2', 'deadline').locator('.itable-display').focus();
    });
    expect(files).toHaveLength(8);
  });
});
