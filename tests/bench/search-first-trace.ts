// Where search everywhere's first results spend their time between the answer and the paint:
// a fresh page on #/search, one text put in the box (one request), traced in Chromium. For each
// load: the main thread's CPU time (the trace's thread clock, which a loaded machine stretches
// far less than the wall clock) and the wall time from the search.query answer to the end of
// the first paint after the results were committed, the layouts in between (forced ones, by
// script, apart) and, with --ab DIR, the same for another build of the page, loads taking turns.
// Not a bench (no floor, no ratio): a tool for an A/B decision. Needs the built app.
//
//   node --import=tsx tests/bench/search-first-trace.ts --data DIR [--plans 200] [--ab BUILD] [--samples 9] [--text 营商环境] [--timeline]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { assertBuilt, startBuiltServer, type BuiltServer } from '../e2e/built-server';
import { corpusDataDir, launchBenchBrowser, linkTree, readStream } from './chromium-bench';
import { DEFAULT_SEED } from './corpus';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    plans: { type: 'string', default: '200' },
    ab: { type: 'string' },
    samples: { type: 'string', default: '9' },
    text: { type: 'string', default: '营商环境' },
    timeline: { type: 'boolean', default: false },
    width: { type: 'string', default: '1400' },
    height: { type: 'string', default: '900' },
  },
});

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing'].join(',');

/** In the page: a user-timing mark once the results for the text are committed (data-state). */
const PAGE_SCRIPT = `
window.__first = (text) => new Promise((resolve) => {
  const ready = () => {
    const el = document.querySelector('.search-results');
    return el && el.dataset.query === text && el.dataset.state === 'ready';
  };
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    performance.mark('results-committed');
    // Rows in the DOM at the first frame, and how many of them the scroll area shows.
    requestAnimationFrame(() => {
      const box = document.querySelector('.search-scroll').getBoundingClientRect();
      const rows = [...document.querySelectorAll('.search-row')];
      const seen = rows.filter((r) => { const b = r.getBoundingClientRect(); return b.bottom > box.top && b.top < box.bottom; }).length;
      setTimeout(() => resolve({ rows: rows.length, seen, height: Math.round(box.height) }), 200);
    });
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-query'] });
});
`;

interface Sample {
  wall: number;
  cpu: number;
  layouts: number;
  layoutMs: number;
  forced: number;
  forcedMs: number;
  rows: number;
  /** Rows the scroll area shows at the first frame, and its height. */
  seen: number;
  height: number;
  /** Paints of the list after the first (a correction drawn later), within 200 ms. */
  laterLayoutMs: number;
}

async function one(page: Page, cdp: CDPSession, origin: string, text: string, timeline: boolean): Promise<Sample> {
  await page.goto('about:blank');
  await page.goto(`${origin}/#/search`);
  const box = page.locator('input[role="combobox"][type="search"]');
  await box.waitFor();
  await page.evaluate(() => document.fonts.ready);
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
  const first = page.evaluate((t) => (window as unknown as { __first(t: string): Promise<{ rows: number; seen: number; height: number }> }).__first(t), text);
  await box.fill(text);
  const { rows, seen, height } = await first;
  await cdp.send('Tracing.end');
  const parsed = JSON.parse(await readStream(cdp, await done)) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mark = events.find((e) => e.name === 'results-committed');
  if (!mark) throw new Error('no results-committed mark in the trace');
  const { pid, tid } = mark;
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined);
  // The answer: the renderer's ResourceFinish of the search.query request (the last one).
  const finish = events
    .filter((e) => e.name === 'ResourceFinish' && e.ts <= mark.ts)
    .filter((e) => {
      const id = (e.args as { data?: { requestId?: string } })?.data?.requestId;
      return events.some((s) => s.name === 'ResourceSendRequest' && (s.args as { data?: { requestId?: string; url?: string } })?.data?.requestId === id && /search\.query$/.test((s.args as { data: { url: string } }).data.url));
    })
    .at(-1);
  if (!finish) throw new Error('no search.query answer in the trace');
  const from = finish.ts;
  // The first paint after the commit: the end of the first main-thread Paint (or Commit) event.
  const paint = mine.filter((e) => (e.name === 'Paint' || e.name === 'Commit') && e.ts >= mark.ts).sort((a, b) => a.ts - b.ts)[0];
  if (!paint) throw new Error('no paint after the results');
  const to = paint.ts + paint.dur!;
  const tasks = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts + e.dur! >= from && e.ts <= to);
  // Thread time of each task, prorated where it straddles the window's start.
  let cpu = 0;
  for (const t of tasks) {
    const share = t.ts >= from ? 1 : Math.max(0, (t.ts + t.dur! - from) / t.dur!);
    cpu += ((t.tdur ?? t.dur!) * share) / 1000;
  }
  const layouts = mine.filter((e) => e.name === 'Layout' && e.ts >= from && e.ts <= to);
  const forced = layouts.filter((e) => {
    // A layout inside a script's run (a FunctionCall or EvaluateScript around it) was forced by it.
    return mine.some((f) => (f.name === 'FunctionCall' || f.name === 'EvaluateScript' || f.name === 'v8.callFunction' || f.name === 'TimerFire' || f.name === 'FireAnimationFrame') && f.ts <= e.ts && f.ts + f.dur! >= e.ts + e.dur!);
  });
  const later = mine.filter((e) => e.name === 'Layout' && e.ts > to && e.ts <= to + 200_000);
  if (timeline) {
    console.log(`  timeline from the answer (ms): paint ends @${((to - from) / 1000).toFixed(1)}`);
    for (const e of mine.filter((x) => x.ts >= from - 1000 && x.ts <= to + 60_000 && x.dur! >= 300).sort((a, b) => a.ts - b.ts)) {
      if (['ThreadControllerImpl::RunTask', 'Layout', 'UpdateLayoutTree', 'Paint', 'Commit', 'FunctionCall', 'FireAnimationFrame', 'ResizeObserver::DeliverObservations', 'EventDispatch', 'TimerFire', 'PrePaint', 'Layerize', 'HitTest', 'ParseHTML', 'RunMicrotasks', 'v8.callFunction'].includes(e.name) || e.dur! > 2000) {
        console.log(`   @${((e.ts - from) / 1000).toFixed(1).padStart(7)} ${(e.dur! / 1000).toFixed(1).padStart(6)} (cpu ${((e.tdur ?? 0) / 1000).toFixed(1)}) ${e.name}`);
      }
    }
  }
  return {
    wall: (to - from) / 1000,
    cpu,
    layouts: layouts.length,
    layoutMs: layouts.reduce((s, e) => s + e.dur!, 0) / 1000,
    forced: forced.length,
    forcedMs: forced.reduce((s, e) => s + e.dur!, 0) / 1000,
    rows,
    seen,
    height,
    laterLayoutMs: later.reduce((s, e) => s + e.dur!, 0) / 1000,
  };
}

const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0]!.toFixed(1)}–${s[Math.floor(s.length / 2)]!.toFixed(1)}–${s[s.length - 1]!.toFixed(1)}`;
};

async function main(): Promise<void> {
  assertBuilt();
  if (!values.data) throw new Error('--data DIR: a folder for the corpus (kept for the next run)');
  const initiatives = corpusDataDir(values.data, DEFAULT_SEED, Number(values.plans));
  console.log(`${initiatives} initiatives`);
  const temp = mkdtempSync(join(os.tmpdir(), 'briefbook-search-trace-'));
  const servers: { name: string; server: BuiltServer }[] = [];
  try {
    servers.push({ name: 'B (out/renderer)', server: await startBuiltServer(values.data) });
    if (values.ab) {
      linkTree(values.ab, join(temp, 'served-ab'));
      servers.push({ name: `A (${values.ab})`, server: await startBuiltServer(values.data, join(temp, 'served-ab')) });
    }
    const context = await launchBenchBrowser(join(temp, 'chromium'));
    try {
      await context.addInitScript({ content: PAGE_SCRIPT });
      const page = await context.newPage();
      await page.setViewportSize({ width: Number(values.width), height: Number(values.height) });
      const cdp = await context.newCDPSession(page);
      for (const { server } of servers) await page.goto(server.url); // each token in its origin's storage
      const samples = new Map<string, Sample[]>(servers.map((s) => [s.name, []]));
      // Warm-up: each build once.
      for (const { server } of servers) await one(page, cdp, server.origin, values.text!, false);
      const n = Number(values.samples);
      for (let i = 0; i < n; i++) {
        const order = i % 2 === 0 ? servers : [...servers].reverse();
        for (const { name, server } of order) {
          samples.get(name)!.push(await one(page, cdp, server.origin, values.text!, values.timeline && i === 0));
        }
      }
      console.log(`load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; ${values.width}×${values.height}; "${values.text}"; min–median–max of ${n}`);
      for (const [name, xs] of samples) {
        const f = (pick: (s: Sample) => number) => spread(xs.map(pick));
        console.log(
          `${name}: answer→paint wall ${f((s) => s.wall)} ms, main-thread CPU ${f((s) => s.cpu)} ms; layouts ${f((s) => s.layouts)} (${f((s) => s.layoutMs)} ms), ` +
            `forced by script ${f((s) => s.forced)} (${f((s) => s.forcedMs)} ms); layout in the 200 ms after ${f((s) => s.laterLayoutMs)} ms; rows ${f((s) => s.rows)}, ${f((s) => s.seen)} of them in the ${f((s) => s.height)} px shown`,
        );
      }
    } finally {
      await context.close();
    }
  } finally {
    for (const { server } of servers) await server.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
