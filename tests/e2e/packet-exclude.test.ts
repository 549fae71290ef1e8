// Leaving single items out of a briefing packet, in Chromium against the built browser-mode
// server and a real database: a packet of a whole plan is opened in the builder, one of its
// items is left out with the row's button (its headline leaves the list and the preview, the
// count says so), the left-out list is opened and the item brought back, and the saved packet
// carries the left-out id. Screenshots of the builder with an item left out go to
// tests/output/packet-exclude/ (1400×900 and 900×700, Chinese and English, light and dark) for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PacketDefinition } from '../../shared/api/packets/methods';
import { OUTPUT_DIR, SANDBOXED_FRAME_REFUSAL, startAppSession, type AppSession } from './app-session';
import { SIZES, settle, useLanguage } from './shots';

const SHOTS = join(OUTPUT_DIR, 'packet-exclude');
const TITLE = '周例会简报';
let app: AppSession;
let page: Page;
let themes: { headline: string; items: { id: string; headline: string }[] }[] = [];

beforeAll(async () => {
  app = await startAppSession('packet-exclude');
  page = app.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${app.server.url}#/library`);
  await page.getByRole('list', { name: '计划库' }).waitFor();
  const outline = await app.call('plan.get', { planId: 'hz-2024' });
  themes = outline.themes.map((t) => ({ headline: t.headline, items: t.initiatives.map((i) => ({ id: i.id, headline: i.headline })) }));
  const definition: PacketDefinition = {
    cover: { title: TITLE, subtitle: '', preparedFor: '', preparedBy: '', date: '2024-06-01', marking: '' },
    sources: [{ kind: 'themes', themeIds: [outline.themes[0]!.id, outline.themes[1]!.id] }],
    order: [],
    excluded: [],
    options: { language: 'zh', highlights: true, notes: 'margin', fields: true, summary: true, ruledSpace: 'none', paper: 'A4', orientation: 'portrait' },
  };
  await app.call('packet.save', { baseRevision: 0, definition });
}, 120_000);

afterAll(() => app?.close());

const url = () => `${app.server.url}#/packets`;
const preview = (): FrameLocator => page.frameLocator('iframe[title="简报包预览"], iframe[title="Packet preview"]');
const listed = () => page.locator('.pk-item-list .pk-item-headline');

async function openBuilder(p: Page): Promise<void> {
  const frame = p.locator('iframe[title="简报包预览"], iframe[title="Packet preview"]');
  // After a reload the list shows first; at another window size the builder is still open.
  if ((await frame.count()) === 0) await p.getByRole('button', { name: TITLE, exact: true }).click();
  await frame.waitFor({ timeout: 30_000 });
}

describe('leaving an item out of a packet', () => {
  it('leaves one out with the row button: gone from the list, the count and the preview; brought back from the left-out list', async () => {
    await page.goto(url());
    await openBuilder(page);
    const second = themes[0]!.items[1]!;
    const total = themes[0]!.items.length + themes[1]!.items.length;
    await expect.poll(() => listed().count(), { timeout: 15_000 }).toBe(total);
    await expect.poll(() => preview().locator('body').textContent(), { timeout: 30_000 }).toContain(second.headline);

    const button = page.getByRole('button', { name: new RegExp(`^不包含：.*${second.headline.slice(0, 8)}`) });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => listed().count(), { timeout: 15_000 }).toBe(total - 1);
    expect((await listed().allTextContents()).some((text) => text.includes(second.headline))).toBe(false);
    await page.getByText(`共 ${total - 1} 条，未包含 1 条`).waitFor();
    await expect.poll(() => preview().locator('body').textContent(), { timeout: 30_000 }).not.toContain(second.headline);

    await page.getByText('未包含的举措（1 条）').click();
    await page.getByRole('button', { name: new RegExp(`^恢复：.*${second.headline.slice(0, 8)}`) }).click();
    await expect.poll(() => listed().count(), { timeout: 15_000 }).toBe(total);
    await expect.poll(() => preview().locator('body').textContent(), { timeout: 30_000 }).toContain(second.headline);

    // Left out again and saved: the stored packet carries it.
    await page.getByRole('button', { name: new RegExp(`^不包含：.*${second.headline.slice(0, 8)}`) }).click();
    await expect.poll(() => listed().count(), { timeout: 15_000 }).toBe(total - 1);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存', { exact: true }).waitFor();
    const [stored] = await app.call('packet.list', {});
    expect(stored!.definition.excluded).toEqual([second.id]);
    // Nothing blocked, except the harness's own init script refused by the sandboxed preview frame.
    app.expectNothingBlocked(SANDBOXED_FRAME_REFUSAL);
  }, 120_000);

  it('screenshots the builder with an item left out, 1400×900 and 900×700, zh and en', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const language of ['zh', 'en'] as const) {
      await useLanguage(app, language, url());
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await openBuilder(page);
        const details = page.locator('details.pk-left-out');
        await details.waitFor({ timeout: 15_000 });
        if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
        // The items group from its heading (with the count) down to the left-out list.
        await page.locator('fieldset.pk-items').evaluate((f) => f.scrollIntoView({ block: 'start' }));
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await settle(page);
          await page.screenshot({ path: join(SHOTS, `builder-${size.width}x${size.height}-${language}-${scheme}.png`) });
        }
        await page.emulateMedia({ colorScheme: 'light' });
      }
    }
    await useLanguage(app, 'zh', url());
  }, 240_000);
});
