// What the page fetches before its first screen (the overview's five theme cards), in Chromium
// against the built app: no chart code, no view but reading, and — where the system has the
// Noto CJK SC faces, as the font stacks prefer — no bundled Chinese subset nor the stylesheet
// of their @font-face rules; where it has not, that stylesheet comes before the first screen,
// so no text is drawn in another face first. Also screenshots of the first screen as it is
// first painted (tests/output/first-screen/), Chinese and English, light and dark.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_DIR, startAppSession, type AppSession } from './app-session';
import { systemHas, usedFonts } from './used-fonts';

const SHOTS = join(OUTPUT_DIR, 'first-screen');

/** A fresh load of url (a goto alone may only move within the page: the app drops the token from its address). */
async function load(app: AppSession, url: string): Promise<void> {
  await app.page.goto(url);
  await app.page.reload();
}

/**
 * Records, in the page itself, the moment five theme cards are first in the document. Asking
 * from the test (a poll after the load event) would see them later than they came, and count
 * what the page fetched in idle time after its first screen as fetched before it.
 */
function markThemesInPage(): void {
  const w = window as unknown as { __themesAt?: number };
  new MutationObserver((_, observer) => {
    if (document.querySelectorAll('.theme-card').length < 5) return;
    w.__themesAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Loads url and lists the files the page asked for (from the server or its cache: the
 * resource timings hold both) before five theme cards were in the page.
 */
async function requestsBeforeThemes(app: AppSession, url: string): Promise<string[]> {
  await load(app, url);
  const at = await app.page.waitForFunction(() => (window as unknown as { __themesAt?: number }).__themesAt ?? 0);
  const themesAt = (await at.jsonValue()) as number;
  return app.page.evaluate(
    (before) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.startTime <= before)
        .map((e) => new URL(e.name).pathname),
    themesAt,
  );
}

describe('the first screen', () => {
  let app: AppSession;
  let home: string;
  beforeAll(async () => {
    app = await startAppSession('first-screen');
    await app.page.addInitScript(markThemesInPage);
    await app.page.goto(app.server.url); // keeps the launch token in the tab
    home = `${app.server.origin}/#/`;
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('fetches no chart code and no view but reading before the five themes', async () => {
    const asked = await requestsBeforeThemes(app, home);
    expect(asked.some((p) => /\/assets\/index-[^/]+\.js$/.test(p))).toBe(true);
    for (const view of ['Dashboard-', 'InitiativeTable-', 'LibraryView-', 'AnnotationsView-', 'PacketsView-', 'SearchView-']) {
      expect(asked.filter((p) => p.includes(`/assets/${view}`))).toEqual([]);
    }
    app.expectNothingBlocked();
  });

  it('fetches the bundled Chinese faces only where the system lacks the Noto CJK SC faces', async () => {
    const asked = await requestsBeforeThemes(app, home);
    const cjkSubsets = asked.filter((p) => /\/assets\/noto-(sans|serif)-sc-/.test(p));
    const facesSheet = asked.filter((p) => p.includes('/assets/bundled-cjk-faces-'));
    const installed = systemHas('Noto Sans CJK SC') && systemHas('Noto Serif CJK SC');
    if (installed) {
      expect(facesSheet).toEqual([]);
      expect(cjkSubsets).toEqual([]);
    } else {
      expect(facesSheet).toHaveLength(1);
    }
    // Either way the Chinese text is drawn in a Noto SC design, never in a stand-in face: the
    // installed face where the system has it, else the bundled one (a web font).
    const [drawn] = await usedFonts(app.page, '.theme-card-title');
    expect(drawn!.familyName).toMatch(installed ? /^Noto Sans CJK SC/ : /^Noto Sans SC/);
    expect(drawn!.isCustomFont).toBe(!installed);
    app.expectNothingBlocked();
  });

  it('swaps no face late: once the bundled faces\' rules come in idle time, the screen needs none of them where the system has its own', async () => {
    const installed = systemHas('Noto Sans CJK SC') && systemHas('Noto Serif CJK SC');
    for (const language of ['zh', 'en'] as const) {
      await app.call('settings.set', { key: 'ui.language', value: language });
      await load(app, home);
      // The rules paper takes, asked for in idle time after the first screen (fonts.ts).
      await app.page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.includes('/assets/bundled-cjk-faces-')));
      await app.page.evaluate(() => document.fonts.ready.then(() => undefined));
      const used = await app.page.evaluate(() =>
        [...document.fonts].filter((f) => /^"?Noto (Sans|Serif) SC"?$/.test(f.family) && f.status !== 'unloaded').map((f) => `${f.family} ${f.unicodeRange.slice(0, 40)}`),
      );
      // Where the system has the Noto CJK SC faces, every character on screen is drawn before
      // the rules come; a face fetched after them redraws a glyph in another face (the ▾ of
      // "About this plan" did: the installed faces have none).
      if (installed) expect(used, language).toEqual([]);
    }
    await app.call('settings.set', { key: 'ui.language', value: 'zh' });
    app.expectNothingBlocked();
  });

  it('is painted in its own faces from the first frame (screenshots, zh and en, light and dark)', async () => {
    for (const language of ['zh', 'en'] as const) {
      await app.call('settings.set', { key: 'ui.language', value: language });
      for (const scheme of ['light', 'dark'] as const) {
        await app.page.emulateMedia({ colorScheme: scheme });
        await load(app, home);
        // The first frame with the cards, before any late face could swap in.
        await app.page.waitForFunction(() => document.querySelectorAll('.theme-card').length >= 5, null, { polling: 'raf' });
        await app.page.screenshot({ path: join(SHOTS, `first-${language}-${scheme}.png`) });
        const pending = await app.page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loading').map((f) => f.family));
        expect(pending).toEqual([]);
      }
    }
    await app.page.emulateMedia({ colorScheme: 'light' });
    await app.call('settings.set', { key: 'ui.language', value: 'zh' });
    app.expectNothingBlocked();
  });
});
