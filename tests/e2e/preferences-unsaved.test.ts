// Issue 15 item 1, end to end: the status list's unsaved changes are never thrown away without
// asking. Done saves them; Escape asks (save / discard / keep editing); the "unsaved changes"
// line stays in sight above the footer however the dialog is scrolled.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from './app-session';
import { shootMatrix, useLanguage } from './shots';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await startAppSession('prefs');
  page = app.page;
  await page.goto(app.server.url);
  await page.getByRole('navigation', { name: '计划大纲' }).waitFor();
});

afterAll(() => app?.close());

const dialog = () => page.getByRole('dialog');
const firstZh = () => dialog().getByRole('textbox', { name: /^第 1 个状态的中文名称$|^Chinese name of status 1$/ });

async function openAndRename(name: string): Promise<void> {
  await page.keyboard.press('Control+Comma');
  await dialog().waitFor();
  await firstZh().fill(name);
}

const storedFirst = async () => (await app.call('status.options', {})).options[0]!.label.zh;

describe('preferences keep unsaved status changes', () => {
  it('Done saves the renamed status and closes', async () => {
    await openAndRename('尚未开始');
    await dialog().getByRole('button', { name: '完成', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await storedFirst()).toBe('尚未开始');
  });

  it('Escape asks; Escape again keeps editing; discard closes without saving', async () => {
    await openAndRename('待启动');
    await page.keyboard.press('Escape');
    const ask = dialog().getByRole('alert');
    await ask.getByText('状态列表有尚未保存的更改。').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('保存并关闭');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await firstZh().inputValue()).toBe('待启动');
    await page.keyboard.press('Escape');
    await dialog().getByRole('button', { name: '放弃更改' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await storedFirst()).toBe('尚未开始');
  });

  it('Escape then "Save and close" saves', async () => {
    await openAndRename('未开始');
    await page.keyboard.press('Escape');
    await dialog().getByRole('button', { name: '保存并关闭' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await storedFirst()).toBe('未开始');
    app.expectNothingBlocked();
  });

  it('has the app’s one primary button, filled with the accent also under the pointer, beside plain ones', async () => {
    await openAndRename('未开始（改）');
    const background = (el: Element) => getComputedStyle(el).backgroundColor;
    const accent = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.background = 'var(--accent)';
      const value = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return value;
    });
    const done = dialog().getByRole('button', { name: '完成', exact: true });
    await done.hover();
    expect(await done.evaluate(background)).toBe(accent);
    // The same rule as the primary buttons elsewhere (styles/dialog.css): its weight, not the 700 of a copy.
    expect(await done.evaluate((el) => getComputedStyle(el).fontWeight)).toBe('600');
    const add = dialog().getByRole('button', { name: '添加状态' });
    await add.hover();
    expect(await add.evaluate(background)).not.toBe(accent);
    await page.keyboard.press('Escape');
    await dialog().getByRole('button', { name: '放弃更改' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('keeps the question’s three buttons on one row beside it at 1400 × 900, in English too', async () => {
    for (const language of ['en', 'zh'] as const) {
      await useLanguage(app, language, app.server.url);
      await page.getByRole('navigation', { name: language === 'en' ? 'Plan outline' : '计划大纲' }).waitFor();
      await page.setViewportSize({ width: 1400, height: 900 });
      await openAndRename('未开始（问）');
      await page.keyboard.press('Escape');
      const ask = dialog().getByRole('alert');
      await ask.waitFor();
      const tops = await ask.locator('button').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
      expect(tops).toHaveLength(3);
      expect(new Set(tops).size, `${language}: ${tops.join(', ')}`).toBe(1);
      await ask.getByRole('button', { name: language === 'en' ? 'Discard changes' : '放弃更改' }).click();
      await dialog().waitFor({ state: 'detached' });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows "unsaved changes" whole, above the footer, at 900×700 with the list scrolled to its end', async () => {
    await page.setViewportSize({ width: 900, height: 700 });
    await openAndRename('未开始了');
    await dialog().locator('.prefs-body').evaluate((el) => el.scrollTo(0, 0));
    const note = dialog().getByText('状态列表有尚未保存的更改，点“完成”即保存。');
    await note.waitFor();
    const box = await note.boundingBox();
    const body = await dialog().locator('.prefs-body').boundingBox();
    const footer = await dialog().locator('footer').boundingBox();
    expect(box && footer && body).toBeTruthy();
    // In the footer, not under it.
    expect(box!.y).toBeGreaterThanOrEqual(footer!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(footer!.y + footer!.height);
    await page.keyboard.press('Escape');
    await dialog().getByRole('button', { name: '放弃更改' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('screenshots: the footer note and the question, both sizes, zh and en, light and dark', async () => {
    const url = app.server.url;
    const open = async (p: Page, ask: boolean) => {
      if (await dialog().count()) {
        await p.keyboard.press('Escape');
        const discard = dialog().getByRole('button', { name: /放弃更改|Discard changes/ });
        if (await discard.count()) await discard.click();
      }
      await p.getByRole('navigation').first().waitFor();
      await p.keyboard.press('Control+Comma');
      await dialog().waitFor();
      await firstZh().fill('尚未开始');
      await dialog().locator('.prefs-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      if (ask) await p.keyboard.press('Escape');
    };
    const notes = await shootMatrix(app, 'prefs-unsaved', url, (p) => open(p, false));
    const asks = await shootMatrix(app, 'prefs-ask', url, (p) => open(p, true));
    expect(notes).toHaveLength(8);
    expect(asks).toHaveLength(8);
  });
});
