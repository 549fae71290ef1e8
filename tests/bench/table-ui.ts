// Bench "table-ui": the initiative table in Chromium at corpus scale (100k initiatives by
// default), against a plain virtual list of the same rows from the same server (side b, see
// table-ui-page.ts). Needs the built app (npm run build) and a Chromium (tests/helpers/find-browser.ts). `npm run bench`
// runs it as its suite table-ui (suites/table-ui.ts starts this file as a child process, since
// the harness is synchronous and this is not); it also runs alone:
//
//   node --import=tsx tests/bench/table-ui.ts [--plans 2000] [--samples 15] [--scroll-samples 7] [--seed N] [--out FILE] [--data DIR] [--page DIR]
//
// --page DIR serves another build of the page than out/renderer (e.g. a copy of an earlier
// build, to compare the two with the same bench).
// --data keeps the corpus's data folder in DIR and reuses it on the next run with the same
// DIR (building 100k initiatives takes minutes): for comparing builds side by side, run after
// run. The folder is only reused if it was made for the same --plans and --seed; any other
// folder that is not empty is refused.
//
// first screen: page load to the five theme cards of the overview painted (the whole app
//   booting on #/), against a static page of the same five headlines (no script, no style), a
//   file served from the same folder by the same server as the app's index.html.
// first rows: page load to the first data row painted (the table: the whole app booting on
//   #/table with "all plans" stored as its scope; the baseline: one fetch and a plain list).
//   The note gives when the table's frame appeared: what comes before it is the app's start.
// scroll frame: scripted scrolling of the list, 3 rows a frame for 240 frames; each sample is
//   the 95th percentile of the intervals between animation frames (16.7 ms = every frame made).
//   Scrolled after the first --scroll-samples loads of each side (a scroll takes seconds, a load
//   a fraction of one).
// Timings are ratios against the baseline measured in the same run, as the harness does. A load
// of either side swings by half between runs on a quiet machine, so the loads take 15 samples a
// side by default, taken in turns; each note also gives the spread of the paired ratios (sample
// i of a over sample i of b), which shows how far one median's ratio can be trusted.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import type { AppStart } from '../../shared/api/app/methods';
import { API_PREFIX, AUTH_SCHEME, TOKEN_QUERY_PARAM } from '../../shared/api/http';
import { assertBuilt, SERVER_ENTRY, startBuiltServer } from '../e2e/built-server';
import { DEFAULT_SEED, DEFAULT_SHAPE } from './corpus';
import { corpusDataDir, launchBenchBrowser, linkTree, whenNoted } from './chromium-bench';
import { describeEnvironment, loadAverage } from './environment';
import { fmt, formatMeasurement, writeReport, type Measurement, type RatioMeasurement } from './report';
import { summarize } from './stats';
import { nowMs } from './timing';
import { BASELINE_PATH, PAGE_SCRIPT, ROW_SELECTOR, SCROLLER_SELECTOR, STATIC_PATH, staticPageHtml } from './table-ui-page';

const SUITE = 'table-ui';
const SCROLL_FRAMES = 240;
const SCROLL_STEP = 3 * 34;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function options() {
  const { values } = parseArgs({
    options: {
      plans: { type: 'string' },
      samples: { type: 'string' },
      'scroll-samples': { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
      page: { type: 'string' },
    },
  });
  const count = (name: string, raw: string | undefined, fallback: number, min: number): number => {
    const n = Number(raw ?? fallback);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${raw}`);
    return n;
  };
  return {
    plans: count('plans', values.plans, DEFAULT_SHAPE.plans, 1),
    samples: count('samples', values.samples, 15, 1),
    scrollSamples: count('scroll-samples', values['scroll-samples'], 7, 1),
    seed: count('seed', values.seed, DEFAULT_SEED, 0),
    out: values.out ?? join(repoRoot, 'tests', 'output', 'bench-table-ui.json'),
    data: values.data ?? null,
    page: values.page ?? join(repoRoot, 'out', 'renderer'),
  };
}

/** When the table's frame appeared on the last load (the app's start before it), or null. */
const tableAt = (page: Page) => page.evaluate(() => (window as unknown as { __bench: { tableAt: number | null } }).__bench.tableAt);

let loads = 0;
/** A new document at `url`, from the page before as every load of either side: going to the
 *  address the tab is on would change its hash only, no load (the app's sample taken twice in a
 *  row, as the first screen's order does, read the earlier load's time again), so each load's
 *  address gets a query of its own. */
async function load(page: Page, url: string): Promise<void> {
  const address = new URL(url);
  address.searchParams.set('load', String(++loads));
  await page.goto(address.href);
}

async function firstRowsMs(page: Page, cdp: CDPSession, url: string): Promise<number> {
  await load(page, url);
  const at = await whenNoted(cdp, 'firstRows');
  await page.locator(ROW_SELECTOR).first().waitFor();
  return at;
}

async function firstThemesMs(page: Page, cdp: CDPSession, url: string): Promise<number> {
  await load(page, url);
  return whenNoted(cdp, 'themes');
}

async function scrollP95(page: Page): Promise<{ p95: number; median: number }> {
  const intervals = await page.evaluate(
    ([selector, frames, step]) =>
      (window as unknown as { __benchScroll: (s: string, f: number, st: number) => Promise<number[]> }).__benchScroll(selector, frames, step),
    [SCROLLER_SELECTOR, SCROLL_FRAMES, SCROLL_STEP] as const,
  );
  const s = summarize(intervals);
  return { p95: s.p95, median: s.median };
}

/** min–median–max of a[i] / b[i]: the samples were taken in pairs, one side after the other. */
function pairedRatios(a: number[], b: number[]): string {
  const s = summarize(a.map((x, i) => x / b[i]!));
  return `paired ratios ${fmt(s.min)}–${fmt(s.median)}–${fmt(s.max)}`;
}

function ratio(name: string, a: number[], b: number[], note: string): RatioMeasurement {
  const sa = summarize(a);
  const sb = summarize(b);
  return {
    kind: 'ratio', suite: SUITE, name, labels: ['table', 'plain'], unit: 'ms',
    a: sa, b: sb, ratio: sa.median / sb.median, samples: { a, b }, note: `${note}; ${pairedRatios(a, b)}`,
  };
}

async function main(): Promise<void> {
  assertBuilt();
  const opts = options();
  const started = new Date();
  const start = nowMs();
  const environment = describeEnvironment();
  const dataDir = opts.data ?? mkdtempSync(join(os.tmpdir(), 'briefbook-bench-ui-'));
  const profile = mkdtempSync(join(os.tmpdir(), 'briefbook-bench-chromium-'));
  const served = mkdtempSync(join(os.tmpdir(), 'briefbook-bench-served-'));
  const measurements: Measurement[] = [];
  const record = (m: Measurement) => {
    measurements.push(m);
    console.log(formatMeasurement(m));
  };
  try {
    const loadStart = nowMs();
    const initiatives = corpusDataDir(dataDir, opts.seed, opts.plans);
    const loadMs = nowMs() - loadStart;
    // The bundle's age, so a run on a build older than the code it means to measure shows it.
    const builtAt = statSync(SERVER_ENTRY).mtime.toISOString();
    record({
      kind: 'fixed',
      suite: SUITE,
      name: 'ui setup',
      text: `${initiatives} initiatives in ${fmt(loadMs / 1000)} s; built app of ${builtAt}`,
      values: { initiatives, loadMs, builtAt },
    });
    linkTree(opts.page, served);
    const server = await startBuiltServer(dataDir, served);
    const context = await launchBenchBrowser(profile);
    try {
      await context.addInitScript({ content: PAGE_SCRIPT });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await page.goto(server.url); // keeps the launch token in this tab's sessionStorage
      const token = new URL(server.url).searchParams.get(TOKEN_QUERY_PARAM)!;
      // The static page shows the themes the app's first screen shows: the current plan's.
      const start = await page.evaluate(
        async ({ url, auth }) => {
          const res = await fetch(url, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: '{}' });
          return (await res.json()) as { value?: AppStart };
        },
        { url: `${API_PREFIX}app.start`, auth: `${AUTH_SCHEME} ${token}` },
      ).then((answer) => {
        if (!answer.value) throw new Error(`app.start gave no start data: ${JSON.stringify(answer).slice(0, 300)}`);
        return answer.value;
      });
      const headlines = (start.outline?.themes ?? []).slice(0, 5).map((t) => t.headline);
      if (headlines.length < 5) throw new Error(`the current plan has ${headlines.length} themes; the first screen's probe waits for five`);
      writeFileSync(join(served, STATIC_PATH), staticPageHtml(headlines));
      // The table lists every plan's initiatives: the scope the reader would choose.
      await page.evaluate(
        async ({ url, auth }) => {
          const body = JSON.stringify({ key: 'ui.tableState', value: JSON.stringify({ scope: 'all' }) });
          await fetch(url, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body });
        },
        { url: `${API_PREFIX}settings.set`, auth: `${AUTH_SCHEME} ${token}` },
      );
      const tableUrl = `${server.origin}/#/table`;
      const baselineUrl = `${server.origin}${BASELINE_PATH}`;
      const first = { a: [] as number[], b: [] as number[], shell: [] as number[] };
      const screen = { a: [] as number[], b: [] as number[] };
      const appUrl = `${server.origin}/#/`;
      const staticUrl = `${server.origin}${STATIC_PATH}`;
      await firstThemesMs(page, cdp, appUrl);
      await firstThemesMs(page, cdp, staticUrl);
      for (let i = 0; i < opts.samples; i++) {
        if (i % 2 === 0) {
          screen.a.push(await firstThemesMs(page, cdp, appUrl));
          screen.b.push(await firstThemesMs(page, cdp, staticUrl));
        } else {
          screen.b.push(await firstThemesMs(page, cdp, staticUrl));
          screen.a.push(await firstThemesMs(page, cdp, appUrl));
        }
      }
      record({ ...ratio('first screen', screen.a, screen.b, 'page load to the five themes painted'), labels: ['app', 'static'] });
      const scroll = { a: [] as number[], b: [] as number[], medianA: [] as number[], medianB: [] as number[] };
      // Warm-up (disk cache, SQLite page cache), then alternate so drift hits both sides alike.
      await firstRowsMs(page, cdp, tableUrl);
      await firstRowsMs(page, cdp, baselineUrl);
      for (let i = 0; i < opts.samples; i++) {
        const scrolled = i < opts.scrollSamples;
        first.a.push(await firstRowsMs(page, cdp, tableUrl));
        first.shell.push((await tableAt(page)) ?? Number.NaN);
        if (scrolled) {
          const sa = await scrollP95(page);
          scroll.a.push(sa.p95);
          scroll.medianA.push(sa.median);
        }
        first.b.push(await firstRowsMs(page, cdp, baselineUrl));
        if (scrolled) {
          const sb = await scrollP95(page);
          scroll.b.push(sb.p95);
          scroll.medianB.push(sb.median);
        }
      }
      const rows = await page.evaluate(() => document.querySelectorAll('.bench-row').length);
      if (rows === 0) throw new Error('the baseline list showed no rows');
      const shell = summarize(first.shell).median;
      record(
        ratio('first rows', first.a, first.b, `${initiatives} rows; the table's includes the app's start (table frame at ${fmt(shell)} ms)`),
      );
      const medianA = summarize(scroll.medianA).median;
      const medianB = summarize(scroll.medianB).median;
      record(
        ratio('scroll frame', scroll.a, scroll.b, `p95 frame interval; median ${fmt(medianA)} / ${fmt(medianB)} ms, ${SCROLL_FRAMES} frames`),
      );
    } finally {
      await context.close();
      await server.stop();
    }
  } finally {
    if (!opts.data) rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
    rmSync(served, { recursive: true, force: true });
  }
  environment.loadAverage.end = loadAverage();
  writeReport(opts.out, {
    startedAt: started.toISOString(),
    durationMs: nowMs() - start,
    environment,
    options: { ...opts },
    measurements,
  });
  console.log(`JSON: ${opts.out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
