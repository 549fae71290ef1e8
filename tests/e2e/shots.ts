// Screenshots of one screen as the reader may see it: 1400×900 and 900×700, Chinese and English,
// light and dark, saved under tests/output/polish/ for a person to look at. `prepare` brings the
// screen back after the language changes (a reload) and again for each window size.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AppSession } from './app-session';
import { OUTPUT_DIR } from './app-session';

export const POLISH_DIR = join(OUTPUT_DIR, 'polish');
export const SIZES = [
  { width: 1400, height: 900 },
  { width: 900, height: 700 },
] as const;

export type UiLanguage = 'zh' | 'en';

/** Sets the interface language through the core (as the preferences do) and reloads. */
export async function useLanguage(app: AppSession, language: UiLanguage, url: string): Promise<void> {
  await app.call('settings.set', { key: 'ui.language', value: language });
  await app.page.goto(url);
  await app.page.reload();
}

/** Fonts loaded and two frames painted. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

export async function shootMatrix(
  app: AppSession,
  name: string,
  url: string,
  prepare: (page: Page, language: UiLanguage) => Promise<void>,
): Promise<string[]> {
  mkdirSync(POLISH_DIR, { recursive: true });
  const page = app.page;
  const files: string[] = [];
  for (const language of ['zh', 'en'] as const) {
    await useLanguage(app, language, url);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await prepare(page, language);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await settle(page);
        const file = join(POLISH_DIR, `${name}-${size.width}x${size.height}-${language}-${scheme}.png`);
        await page.screenshot({ path: file });
        files.push(file);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await useLanguage(app, 'zh', url);
  return files;
}
