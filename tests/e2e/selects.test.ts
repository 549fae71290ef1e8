// The app's selects drawn as the search's menu buttons: no native arrow, their chevron at the
// right end, in the select's text colour — in the dark theme too, where Chromium's arrow kept
// its light-theme grey. Checked on every view that holds selects; screenshots (1400×900 and
// 900×700, zh and en, light and dark) go to tests/output/polish/selects-*.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from './app-session';
import { settle, shootMatrix } from './shots';

let app: AppSession;
let page: Page;

/** Each visible select's look: its appearance, and its chevron (where from the right end, and
 *  whether its stroke is the select's text colour). */
async function selectLooks(): Promise<{ name: string; appearance: string; chevron: number[] | null; sameColour: boolean }[]> {
  return page.locator('select').evaluateAll((selects) =>
    selects
      .filter((s) => s.getClientRects().length > 0)
      .map((select) => {
        const box = select.getBoundingClientRect();
        const chevron = select.parentElement?.querySelector(':scope > svg.chevron');
        const c = chevron?.getBoundingClientRect();
        return {
          name: select.getAttribute('aria-label') ?? select.closest('label')?.textContent?.slice(0, 12) ?? select.className,
          appearance: getComputedStyle(select).appearance,
          chevron: c ? [Math.round(box.right - c.right), Math.round(c.top + c.height / 2 - (box.top + box.height / 2))] : null,
          sameColour: chevron ? getComputedStyle(chevron).stroke === getComputedStyle(select).color : false,
        };
      }),
  );
}

const VIEWS = [
  { hash: '#/initiative/hz-2024/T1/I2', ready: () => page.locator('#view-title').waitFor() },
  { hash: '#/library', ready: () => page.locator('.library-sort select').waitFor() },
  { hash: '#/table', ready: () => page.locator('.itable-control select').first().waitFor() },
  { hash: '#/annotations', ready: () => page.locator('.alist-field select').first().waitFor() },
  { hash: '#/search', ready: () => page.locator('.search-field select').waitFor() },
];

describe('selects', () => {
  beforeAll(async () => {
    app = await startAppSession('selects');
    page = app.page;
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(app.server.url);
    await page.getByRole('navigation', { name: /^(计划大纲|Plan outline)$/ }).waitFor();
  });

  afterAll(() => app?.close());

  it('draws every select with the menu buttons’ chevron and no native arrow, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const view of VIEWS) {
        await page.goto(`${app.server.origin}/${view.hash}`);
        await view.ready();
        await settle(page);
        const looks = await selectLooks();
        expect(looks.length, view.hash).toBeGreaterThan(0);
        for (const look of looks) {
          const where = `${view.hash} ${scheme} ${JSON.stringify(look)}`;
          expect(look, where).toMatchObject({ appearance: 'none', sameColour: true });
          // Inside the right end, where the menu buttons have theirs, and centred.
          const [fromRight, offCentre] = look.chevron!;
          expect(fromRight, where).toBeGreaterThanOrEqual(6);
          expect(fromRight, where).toBeLessThanOrEqual(10);
          expect(Math.abs(offCentre!), where).toBeLessThanOrEqual(1);
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('screenshots: the top bar’s appearance select, the library, the table and the annotations', async () => {
    for (const view of VIEWS.slice(0, 4)) {
      const name = `selects-${view.hash.split('/')[1]}`;
      const files = await shootMatrix(app, name, `${app.server.origin}/${view.hash}`, async (p) => {
        await p.goto(`${app.server.origin}/${view.hash}`);
        await view.ready();
      });
      expect(files).toHaveLength(8);
    }
  }, 240_000);
});
