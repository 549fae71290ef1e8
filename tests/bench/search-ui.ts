// Bench "search-ui": typing into search everywhere in Chromium, on the bench's corpus (the
// table's: generated plans, 50 initiatives each, plus the embedded plan). For each keystroke of
// a word typed into the built app's search box (browser mode), the time from the keystroke's
// input event to that text's results on screen (the view's data-state="ready" for it, then the
// next animation frame: painted), side by side with the same search.query call (same text,
// filters, page) timed from the page with fetch: the API round trip the view cannot beat. The
// difference is the view's own cost, split by the page's resource timing of the keystroke's
// search.query request into: before the request (scheduling: the view asks at once, or waits
// for the one request in flight), the request as the view saw it, and after it (React's work
// and the paint). Each word is typed on a freshly loaded page (an empty query cache) one
// keystroke at a time, each keystroke waiting for its results, so every one is measured.
// `npm run bench` runs it as its suite search-ui (suites/search-ui.ts starts this file as a
// child process); it also runs alone after `npm run build`:
//
//   node --import=tsx tests/bench/search-ui.ts [--plans 2000] [--samples 5] [--seed N] [--out FILE] [--data DIR]
//
// --data DIR keeps the corpus in DIR for the next run (reused when its seed and size match).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { API_PREFIX, AUTH_SCHEME, TOKEN_QUERY_PARAM } from '../../shared/api/http';
import { assertBuilt, SERVER_ENTRY, startBuiltServer } from '../e2e/built-server';
import { DEFAULT_SEED, DEFAULT_SHAPE } from './corpus';
import { corpusDataDir, launchBenchBrowser } from './chromium-bench';
import { describeEnvironment, loadAverage } from './environment';
import { fmt, formatMeasurement, writeReport, type Measurement } from './report';
import { summarize } from './stats';
import { nowMs } from './timing';

const SUITE = 'search-ui';
/** Words typed, each keystroke measured: Chinese (a character a keystroke, as an IME commits
 *  it) and English (a letter a keystroke). */
const WORDS = ['营商环境', '数字经济', 'talent'];
/** The view's page size (renderer/src/features/search/queries.ts): the API side asks the same. */
const PAGE = 50;
const BOX = 'input[role="combobox"][type="search"]';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function options() {
  const { values } = parseArgs({
    options: { plans: { type: 'string' }, samples: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } },
  });
  const count = (name: string, raw: string | undefined, fallback: number, min: number): number => {
    const n = Number(raw ?? fallback);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${raw}`);
    return n;
  };
  return {
    plans: count('plans', values.plans, DEFAULT_SHAPE.plans, 1),
    samples: count('samples', values.samples, 5, 1),
    seed: count('seed', values.seed, DEFAULT_SEED, 0),
    out: values.out ?? join(repoRoot, 'tests', 'output', 'bench-search-ui.json'),
    data: values.data ?? null,
  };
}

/** In the page: the input event's time of each keystroke, a wait for a text's results painted,
 *  and the search.query requests' resource timing (every one kept). */
const PAGE_SCRIPT = `
window.__searchBench = { inputAt: [] };
performance.setResourceTimingBufferSize(100000);
document.addEventListener('input', (e) => window.__searchBench.inputAt.push(e.timeStamp), true);
window.__searchBench.painted = (text) => new Promise((resolve) => {
  const ready = () => {
    const el = document.querySelector('.search-results');
    return el && el.dataset.query === text && el.dataset.state === 'ready';
  };
  const done = () => requestAnimationFrame(() => resolve(performance.now()));
  if (ready()) return done();
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    done();
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-query'] });
});
window.__searchBench.request = (from, to) => {
  const all = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/search.query') && e.startTime >= from && e.responseEnd <= to);
  const last = all.at(-1);
  return last ? { start: last.startTime, end: last.responseEnd, count: all.length } : null;
};
window.__searchBench.api = async (url, auth, text, page) => {
  const body = JSON.stringify({ text, filters: {}, offset: 0, limit: page });
  const start = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body });
  const json = await res.json();
  const ms = performance.now() - start;
  if (!json.ok) throw new Error('search.query failed: ' + JSON.stringify(json.error));
  return { ms, hits: json.value.hits.length, total: json.value.total };
};
`;

interface Bench {
  inputAt: number[];
  painted(text: string): Promise<number>;
  /** The last search.query request between two times (the one whose answer was painted). */
  request(from: number, to: number): { start: number; end: number; count: number } | null;
  api(url: string, auth: string, text: string, page: number): Promise<{ ms: number; hits: number; total: number }>;
}
// Written out in each page.evaluate (a function sent to the page takes no closure with it).
type BenchWindow = { __searchBench: Bench };

/** One keystroke's time to its results painted, and its parts (ms). */
interface Keystroke {
  total: number;
  /** Input event to its search.query request sent. */
  before: number;
  /** The request, sent to answered, as the page saw it. */
  request: number;
  /** Answered to painted: React's work, layout and the paint. */
  after: number;
  /** search.query requests sent for this keystroke (superseded ones included). */
  requests: number;
}

/** Types `word` a keystroke at a time into a fresh search view; each keystroke's latency to painted. */
/** A new document (the same address would only be a hash change): an empty box and cache. */
async function loadView(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.locator(BOX).waitFor();
}

async function typeWord(page: Page, url: string, word: string): Promise<Keystroke[]> {
  await loadView(page, url);
  await page.locator(BOX).focus();
  const out: Keystroke[] = [];
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const text = chars.slice(0, i + 1).join('');
    const before = await page.evaluate(() => (window as unknown as BenchWindow).__searchBench.inputAt.length);
    const painted = page.evaluate((t) => (window as unknown as BenchWindow).__searchBench.painted(t), text);
    // Not left unhandled if typing fails first.
    painted.catch(() => undefined);
    await page.keyboard.type(chars[i]!);
    const paintedAt = await Promise.race([
      painted,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the results of "${text}" were not on screen in 20 s`)), 20_000)),
    ]);
    const inputAt = await page.evaluate((n) => (window as unknown as BenchWindow).__searchBench.inputAt[n], before);
    if (inputAt === undefined) throw new Error(`no input event for "${text}"`);
    const request = await page.evaluate(([from, to]) => (window as unknown as BenchWindow).__searchBench.request(from, to), [inputAt, paintedAt] as const);
    if (!request) throw new Error(`no search.query request for "${text}" between its keystroke and its results`);
    out.push({
      total: paintedAt - inputAt,
      before: request.start - inputAt,
      request: request.end - request.start,
      after: paintedAt - request.end,
      requests: request.count,
    });
  }
  return out;
}

async function main(): Promise<void> {
  assertBuilt();
  const opts = options();
  const started = new Date();
  const start = nowMs();
  const environment = describeEnvironment();
  const dataDir = opts.data ?? mkdtempSync(join(os.tmpdir(), 'briefbook-bench-search-ui-'));
  const profile = mkdtempSync(join(os.tmpdir(), 'briefbook-bench-chromium-'));
  const measurements: Measurement[] = [];
  const record = (m: Measurement) => {
    measurements.push(m);
    console.log(formatMeasurement(m));
  };
  try {
    const loadStart = nowMs();
    const initiatives = corpusDataDir(dataDir, opts.seed, opts.plans);
    const loadMs = nowMs() - loadStart;
    const builtAt = statSync(SERVER_ENTRY).mtime.toISOString();
    record({
      kind: 'fixed',
      suite: SUITE,
      name: 'ui setup',
      text: `${initiatives} initiatives in ${fmt(loadMs / 1000)} s; built app of ${builtAt}`,
      values: { initiatives, loadMs, builtAt },
    });
    const server = await startBuiltServer(dataDir);
    const context = await launchBenchBrowser(profile);
    try {
      await context.addInitScript({ content: PAGE_SCRIPT });
      const page = await context.newPage();
      await page.goto(server.url); // keeps the launch token in this tab's sessionStorage
      const auth = `${AUTH_SCHEME} ${new URL(server.url).searchParams.get(TOKEN_QUERY_PARAM)!}`;
      const apiUrl = `${API_PREFIX}search.query`;
      const viewUrl = `${server.origin}/#/search`;
      const all = { a: [] as number[], b: [] as number[] };
      const keystrokes: Keystroke[] = [];
      for (const word of WORDS) {
        const prefixes = [...word].map((_, i) => [...word].slice(0, i + 1).join(''));
        // Warm-up: the page, the server's statements and SQLite's page cache.
        await typeWord(page, viewUrl, word);
        for (const text of prefixes) await page.evaluate(([u, a, t, p]) => (window as unknown as BenchWindow).__searchBench.api(u, a, t, p), [apiUrl, auth, text, PAGE] as const);
        const a: number[] = [];
        const b: number[] = [];
        let hits = '';
        for (let s = 0; s < opts.samples; s++) {
          const typed = await typeWord(page, viewUrl, word);
          keystrokes.push(...typed);
          a.push(...typed.map((k) => k.total));
          // The same calls in the state the view's were made in: after a fresh load of the page,
          // each prefix in order. A start on #/search writes nothing, so both sides find what the
          // core remembers while nothing is written (a text's estimated total) as the other left
          // it. (When a start wrote the view it opened on, calls asked right after the view's
          // keystrokes reused what those left, 17 ms against 30 for 营 on a quiet machine, and
          // the ratio charged the view for it: hence the load before them.)
          await loadView(page, viewUrl);
          for (const text of prefixes) {
            const r = await page.evaluate(([u, au, t, p]) => (window as unknown as BenchWindow).__searchBench.api(u, au, t, p), [apiUrl, auth, text, PAGE] as const);
            b.push(r.ms);
            if (s === 0) hits += `${hits ? ', ' : ''}${text} ${r.total}`;
          }
        }
        all.a.push(...a);
        all.b.push(...b);
        const sa = summarize(a);
        const sb = summarize(b);
        record({
          kind: 'ratio', suite: SUITE, name: `typing ${word}`, labels: ['on screen', 'API'], unit: 'ms',
          a: sa, b: sb, ratio: sa.median / sb.median, samples: { a, b },
          note: `per keystroke, ${prefixes.length} keystrokes × ${opts.samples}; hits: ${hits}`,
        });
      }
      const sa = summarize(all.a);
      const sb = summarize(all.b);
      record({
        kind: 'ratio', suite: SUITE, name: 'typing, every keystroke', labels: ['on screen', 'API'], unit: 'ms',
        a: sa, b: sb, ratio: sa.median / sb.median, samples: all,
        note: 'keystroke to results painted, against the same call from the page',
      });
      // Where a keystroke's time goes (medians of each part, so they need not add up exactly).
      const part = (pick: (k: Keystroke) => number) => summarize(keystrokes.map(pick));
      const parts = { before: part((k) => k.before), request: part((k) => k.request), after: part((k) => k.after) };
      const sent = keystrokes.reduce((n, k) => n + k.requests, 0);
      record({
        kind: 'fixed',
        suite: SUITE,
        name: 'keystroke, its parts',
        text:
          `before the request ${fmt(parts.before.min)}–${fmt(parts.before.median)}–${fmt(parts.before.max)} ms, ` +
          `request ${fmt(parts.request.min)}–${fmt(parts.request.median)}–${fmt(parts.request.max)} ms, ` +
          `answer to painted ${fmt(parts.after.min)}–${fmt(parts.after.median)}–${fmt(parts.after.max)} ms (min–median–max); ` +
          `${sent} requests for ${keystrokes.length} keystrokes`,
        values: {
          beforeMedian: parts.before.median, requestMedian: parts.request.median, afterMedian: parts.after.median,
          afterP95: parts.after.p95, requests: sent, keystrokes: keystrokes.length,
        },
      });
    } finally {
      await context.close();
      await server.stop();
    }
  } finally {
    if (!opts.data) rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
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
