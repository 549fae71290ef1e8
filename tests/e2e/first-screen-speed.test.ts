// What the built app asks its server for before its first screens, in Chromium: the overview's
// five themes after one app.start call (no settings.get, settings.getAll, plan.list or plan.get
// before them), and the table's first rows queried before anything else is read (its stored
// state came with app.start; the plan list, for the scope choice, after the rows). Also
// screenshots of both screens at 1400×900 and 900×700, Chinese and English, light and dark
// (tests/output/first-screen-speed/), for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../shared/api/http';
import { OUTPUT_DIR, startAppSession, type AppSession } from './app-session';
import { settle, SIZES } from './shots';

const SHOTS = join(OUTPUT_DIR, 'first-screen-speed');
const START_READS = ['settings.get', 'settings.getAll', 'plan.list', 'plan.get'];

/** Notes, in the page itself, when five theme cards and when the first table row are in it. */
function markInPage(): void {
  const w = window as unknown as { __themesAt?: number; __rowsAt?: number };
  new MutationObserver((_, observer) => {
    if (w.__themesAt === undefined && document.querySelectorAll('.theme-card').length >= 5) w.__themesAt = performance.now();
    if (w.__rowsAt === undefined && document.querySelector('.itable-data-row')) w.__rowsAt = performance.now();
    if (w.__themesAt !== undefined && w.__rowsAt !== undefined) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/** The API methods the page called (by start time) up to the moment `mark` was noted. */
async function callsUntil(app: AppSession, url: string, mark: '__themesAt' | '__rowsAt'): Promise<string[]> {
  await app.page.goto(url);
  await app.page.reload();
  const at = await app.page.waitForFunction((m) => (window as unknown as Record<string, number | undefined>)[m] ?? 0, mark, { timeout: 30_000 });
  const until = (await at.jsonValue()) as number;
  return app.page.evaluate(
    ({ before, prefix }) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.startTime <= before && new URL(e.name).pathname.startsWith(prefix))
        .sort((a, b) => a.startTime - b.startTime)
        .map((e) => new URL(e.name).pathname.slice(prefix.length)),
    { before: until, prefix: API_PREFIX },
  );
}

/** One fresh load of the overview (the token stays in the tab's sessionStorage) with the
 *  files matching `held` held back until app.start and storage.status have both been asked for
 *  (or 5 s): how many were held, and whether both calls were asked for while each was. */
async function loadHolding(app: AppSession, resource: RegExp): Promise<{ held: number; askedWhileHeld: boolean | null }> {
  const page = app.page;
  const asked = new Set<string>();
  const onRequest = (request: { url(): string }) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith(API_PREFIX)) asked.add(path.slice(API_PREFIX.length));
  };
  page.on('request', onRequest);
  const bothAsked = () => asked.has('app.start') && asked.has('storage.status');
  let held = 0;
  let askedWhileHeld: boolean | null = null;
  const hold = async (route: { continue(): Promise<void> }) => {
    held += 1;
    const until = Date.now() + 5000;
    while (!bothAsked() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    askedWhileHeld = (askedWhileHeld ?? true) && bothAsked();
    await route.continue();
  };
  await page.goto('about:blank');
  asked.clear();
  await page.route(resource, hold);
  try {
    await page.goto(`${app.server.origin}/#/`);
    await page.locator('.theme-card').nth(4).waitFor();
  } finally {
    await page.unroute(resource, hold);
    page.off('request', onRequest);
  }
  return { held, askedWhileHeld };
}

describe('the first screens’ calls', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startAppSession('first-screen-speed');
    await app.page.addInitScript(markInPage);
    await app.page.goto(app.server.url); // keeps the launch token in the tab
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('draws the overview’s five themes after one app.start call and no other read of settings or plans', async () => {
    await app.call('settings.set', { key: 'ui.theme', value: 'light' });
    const calls = await callsUntil(app, `${app.server.origin}/#/`, '__themesAt');
    expect(calls.filter((m) => m === 'app.start')).toEqual(['app.start']);
    expect(calls.filter((m) => START_READS.includes(m))).toEqual([]);
    app.expectNothingBlocked();
  });

  it('sends app.start and storage.status before the app’s own script has even arrived (the page’s first script sends them)', async () => {
    // The app's entry chunk is held back until both calls have been asked for (or 5 s have
    // passed): the calls must not wait for the app's graph to be fetched, compiled and run.
    const { held, askedWhileHeld } = await loadHolding(app, /\/assets\/index-[^/]+\.js$/);
    expect(held).toBeGreaterThan(0);
    expect(askedWhileHeld).toBe(true);
    app.expectNothingBlocked();
  });

  it('sends app.start and storage.status while the page’s stylesheet is still on its way (the first script is async, not deferred behind the document and its styles)', async () => {
    // A module script without async runs only once the document is parsed and no stylesheet is
    // pending: the stylesheet is held back until both calls have been asked for (or 5 s).
    const { held, askedWhileHeld } = await loadHolding(app, /\/assets\/[^/]+\.css$/);
    expect(held).toBeGreaterThan(0);
    expect(askedWhileHeld).toBe(true);
    app.expectNothingBlocked();
  });

  it('queries the table’s first rows before reading anything else, on its stored state', async () => {
    await app.call('settings.set', { key: 'ui.tableState', value: JSON.stringify({ sort: [{ column: 'headline', desc: true }] }) });
    const calls = await callsUntil(app, `${app.server.origin}/#/table`, '__rowsAt');
    const first = calls.indexOf('table.query');
    expect(first).toBeGreaterThan(0);
    expect(calls.slice(0, first).filter((m) => START_READS.includes(m))).toEqual([]);
    expect(await app.page.locator('.itable-th[aria-sort="descending"]').count()).toBe(1);
    app.expectNothingBlocked();
  });

  it('looks right as first painted (screenshots: overview and table, two sizes, zh and en, light and dark)', async () => {
    // The system's light or dark, as a reader who never chose one sees it.
    await app.call('settings.set', { key: 'ui.theme', value: null });
    await app.call('settings.set', { key: 'ui.tableState', value: null });
    const page = app.page;
    for (const language of ['zh', 'en'] as const) {
      await app.call('settings.set', { key: 'ui.language', value: language });
      for (const [name, hash, ready] of [
        ['overview', '#/', '.theme-card'],
        ['table', '#/table', '.itable-data-row'],
      ] as const) {
        for (const size of SIZES) {
          await page.setViewportSize(size);
          for (const scheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme: scheme });
            await page.goto(`${app.server.origin}/${hash}`);
            await page.reload();
            await page.locator(ready).first().waitFor();
            await settle(page);
            await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}-${language}-${scheme}.png`) });
          }
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await app.call('settings.set', { key: 'ui.language', value: 'zh' });
    app.expectNothingBlocked();
  }, 240_000);
});
