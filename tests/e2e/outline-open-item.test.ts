// The outline keeps the open item in its view: a page opened on an item far down a low window's
// outline shows that item there, drawn (Chromium against the built app). It guards against one
// way of making the first screen cheaper that broke it: content-visibility: auto on the
// outline's themes (tried; see the README's Performance section) left the themes above the item
// at guessed sizes when the outline scrolled to it, and the item ended out of view once they
// were drawn at their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from './app-session';

/** Whether an element is wholly in the outline's view (a pixel's rounding spared). */
function inOutlineView(a: Element): boolean {
  const r = a.getBoundingClientRect();
  const o = a.closest('.outline')!.getBoundingClientRect();
  return r.height > 0 && r.top >= o.top - 1 && r.bottom <= o.bottom + 1;
}

describe('the outline’s open item', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startAppSession('outline-open-item');
    await app.page.goto(app.server.url); // keeps the launch token in the tab
    // Low, so the last theme is far below the outline's fold (further than the one and a half
    // viewports around the view that Chromium draws of content-visibility: auto).
    await app.page.setViewportSize({ width: 1400, height: 360 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is in the outline’s view, drawn, when the page opens on an item far down it', async () => {
    const page = app.page;
    await page.goto(`${app.server.origin}/#/`);
    await page.reload();
    await page.locator('.theme-card').first().waitFor();
    const href = (await page.locator('.outline-theme').last().locator('a').last().getAttribute('href'))!;
    await page.goto(`${app.server.origin}/${href}`);
    await page.reload();
    const current = page.locator('.outline a[aria-current="page"]');
    await current.waitFor();
    // Two frames, for whatever is drawn after the first.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await current.getAttribute('href')).toBe(href);
    expect(await current.evaluate((a) => a.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
    expect(await current.evaluate(inOutlineView)).toBe(true);
  });
});
