// A start on the table (#/table) in the built app, in Chromium: the page's first script asks for
// the first page of the query the table showed last, beside app.start, not one round trip after
// app.start's answer (features/table/first-query.ts); the table takes that answer only when its
// stored state makes the same call, and otherwise asks for its own and shows that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request, Route } from 'playwright-core';
import { API_PREFIX } from '../../shared/api/http';
import { startAppSession, type AppSession } from './app-session';

const START_PATH = `${API_PREFIX}app.start`;

describe('the table’s first page on a start at #/table', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startAppSession('table-first-query');
    await app.page.goto(app.server.url); // keeps the launch token in the tab
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Loads #/table again with app.start's answer held until a table.query has been asked (at
   *  most 5 s); the table.query calls' bodies up to the first row, and whether one was asked
   *  while app.start was held. */
  async function startOnTable(): Promise<{ queries: string[]; askedWhileHeld: boolean }> {
    const page = app.page;
    const queries: string[] = [];
    const onRequest = (request: Request) => {
      if (new URL(request.url()).pathname === `${API_PREFIX}table.query`) queries.push(request.postData() ?? '');
    };
    let askedWhileHeld = false;
    const hold = async (route: Route) => {
      const until = Date.now() + 5000;
      while (queries.length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      askedWhileHeld = queries.length > 0;
      await route.continue();
    };
    await page.goto('about:blank');
    page.on('request', onRequest);
    await page.route((url) => url.pathname === START_PATH, hold);
    try {
      await page.goto(`${app.server.origin}/#/table`);
      await page.locator('.itable-data-row').first().waitFor();
    } finally {
      await page.unroute((url) => url.pathname === START_PATH, hold);
      page.off('request', onRequest);
    }
    return { queries: [...queries], askedWhileHeld };
  }

  it('asks for the first page the table showed last beside app.start, and takes it: one table.query', async () => {
    await app.call('settings.set', { key: 'ui.tableState', value: JSON.stringify({ sort: [{ column: 'headline', desc: true }] }) });
    // The table opens once on that state, and remembers its first page's call.
    await app.page.goto(`${app.server.origin}/#/table`);
    await app.page.reload();
    await app.page.locator('.itable-data-row').first().waitFor();
    const { queries, askedWhileHeld } = await startOnTable();
    expect(askedWhileHeld).toBe(true);
    expect(queries, queries.join("\n")).toHaveLength(1);
    expect(JSON.parse(queries[0]!)).toMatchObject({ sort: [{ column: 'headline', desc: true }], offset: 0 });
    expect(await app.page.locator('.itable-th[aria-sort="descending"]').count()).toBe(1);
    app.expectNothingBlocked();
  });

  it('drops that guess when the stored state has changed since, and shows the stored state’s rows', async () => {
    // Stored while the table was not open (as by another window): the guess is the old sort.
    await app.page.goto(`${app.server.origin}/#/`);
    await app.page.locator('.theme-card').first().waitFor();
    await app.call('settings.set', { key: 'ui.tableState', value: JSON.stringify({ sort: [{ column: 'headline', desc: false }] }) });
    const { queries } = await startOnTable();
    expect(queries).toHaveLength(2);
    expect(JSON.parse(queries[0]!)).toMatchObject({ sort: [{ column: 'headline', desc: true }] });
    expect(JSON.parse(queries[1]!)).toMatchObject({ sort: [{ column: 'headline', desc: false }] });
    expect(await app.page.locator('.itable-th[aria-sort="ascending"]').count()).toBe(1);
    // The rows are the ascending query's: the first row's headline sorts first.
    const answer = await app.call('table.query', { ...JSON.parse(queries[1]!) });
    await expect
      .poll(() => app.page.locator('.itable-data-row').first().textContent())
      .toContain(answer.rows[0]!.headline);
    app.expectNothingBlocked();
  });
});
