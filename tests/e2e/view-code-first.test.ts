// A page opened on a view with code of its own (the table) waits for that code before its first
// render, as it waits for the start data (main.tsx, within the same short wait): if the shell
// rendered first, it would commit the view's loading placeholder, and React keeps a placeholder
// on screen until 300 ms after it appeared, however soon the code and the rows come. In
// Chromium against the built app, with the table's code held back a little by the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from './app-session';

/** The table's code arrives this long after it was asked for: after the start data (a local
 *  call of a few milliseconds), well within the first render's wait. */
const CODE_DELAY_MS = 100;

/** Notes, in the page, whether a view's loading placeholder was ever in the document. */
function watchPlaceholder(): void {
  const w = window as unknown as { __placeholderSeen?: boolean };
  w.__placeholderSeen = false;
  new MutationObserver(() => {
    if (document.querySelector('.view-loading')) w.__placeholderSeen = true;
  }).observe(document, { childList: true, subtree: true });
}

describe('a page opened on the table', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startAppSession('view-code-first');
    await app.page.addInitScript(watchPlaceholder);
    await app.page.route(/\/assets\/InitiativeTable-[^/]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, CODE_DELAY_MS));
      await route.continue();
    });
    await app.page.goto(app.server.url); // keeps the launch token in the tab
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the table in its first render, never its loading placeholder', async () => {
    for (let i = 0; i < 3; i++) {
      await app.page.goto(`${app.server.origin}/?load=${i}#/table`);
      await app.page.locator('.itable-data-row').first().waitFor();
      expect(await app.page.evaluate(() => (window as unknown as { __placeholderSeen?: boolean }).__placeholderSeen)).toBe(false);
    }
    app.expectNothingBlocked();
  });
});
