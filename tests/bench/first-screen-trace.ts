// Where the first screen's time goes: loads the built app on #/ in Chromium a few times (after
// two warm-up loads, as the table-ui bench measures it) with a Chromium trace and a V8 CPU
// profile of each load, and prints, from navigation to the five themes painted (or, on the
// table, --hash '#/table', and on the bench's plain list, --hash baseline, to the first data
// row painted, with every plan in the table's scope as the bench sets it):
//   - the renderer main thread's busy time by trace event (self time: script evaluation,
//     compilation, style recalculation, layout, paint, parsing, GC, …),
//   - the CPU profile's self time by script and by function (top 40),
//   - the app's own performance marks and measures, if it sets any.
// Not a bench (no floor, no ratio): a tool for finding what to cut. Needs the built app (npm run
// build); --static DIR serves another build of the page (say an unminified one, so function
// names are readable), --data DIR a kept data folder (else a fresh one with the embedded plan).
// --ab DIR compares two builds instead: the page (B, --static or out/renderer) and DIR's (A)
// take turns with the static page in one browser, --samples loads each, and it prints their
// wall and main-thread CPU time to the moment. A difference of 10% needs both orders (B and A
// swapped) to be believed: at 11 samples on a loaded machine, one order's ratio moves by that.
//
//   node --import=tsx tests/bench/first-screen-trace.ts [--runs 3] [--static DIR] [--data DIR] [--hash '#/'|'#/table'|baseline|static] [--moment themes|firstRows] [--out DIR]
//   node --import=tsx tests/bench/first-screen-trace.ts --ab DIR [--static DIR] [--samples 9] [--data DIR] [--hash …] [--moment …]
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { API_PREFIX, AUTH_SCHEME, TOKEN_QUERY_PARAM } from '../../shared/api/http';
import { assertBuilt, SERVER_ENTRY } from '../e2e/built-server';
import { REPO_ROOT } from '../helpers/paths';
import { launchBenchBrowser, linkTree, readStream, whenNoted } from './chromium-bench';
import { BASELINE_PATH, PAGE_SCRIPT, STATIC_PATH, staticPageHtml } from './table-ui-page';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    cpu: { type: 'boolean', default: false },
    timeline: { type: 'boolean', default: false },
    static: { type: 'string' },
    ab: { type: 'string' },
    samples: { type: 'string', default: '9' },
    data: { type: 'string' },
    hash: { type: 'string', default: '#/' },
    moment: { type: 'string' },
    out: { type: 'string', default: join(REPO_ROOT, 'tests', 'output', 'first-screen-trace') },
  },
});
const RUNS = Number(values.runs);
// What the trace runs to: the five themes painted (the first screen) or, on the table (and on
// the bench's plain list, --hash baseline), the first data row painted.
const MOMENT: 'themes' | 'firstRows' =
  values.moment === 'themes' || values.moment === 'firstRows'
    ? values.moment
    : values.hash.startsWith('#/table') || values.hash === 'baseline'
      ? 'firstRows'
      : 'themes';
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink',
  'blink.user_timing',
  'loading',
  'toplevel',
  // The CPU profile costs much (its start alone is tens of ms): only with --cpu.
  ...(values.cpu ? ['disabled-by-default-v8.cpu_profiler'] : []),
].join(',');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** A server of the page in `build` (hard links, beside the static page) on a data folder. */
function startServer(dataDir: string, build: string, served: string): Promise<{ url: string; origin: string; stop: () => void }> {
  linkTree(build, served);
  writeFileSync(join(served, STATIC_PATH), staticPageHtml(EMBEDDED_THEMES));
  const args = [SERVER_ENTRY, '--data-dir', dataDir, '--port', '0', '--static', served];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      const m = new RegExp(`https?://127\\.0\\.0\\.1:\\d+/\\S*[?&]${TOKEN_QUERY_PARAM}=\\S+`).exec(out);
      if (m) resolve({ url: m[0], origin: new URL(m[0]).origin, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** The page of the other build (--ab), beside index.html. */
const AB_PAGE = 'index-ab.html';

/** The other build's page and files added to the served folder (see --ab in main). */
function addBuild(from: string, served: string): void {
  const assets = join(served, 'assets');
  mkdirSync(assets, { recursive: true });
  for (const name of readdirSync(join(from, 'assets'))) {
    if (!existsSync(join(assets, name))) copyFileSync(join(from, 'assets', name), join(assets, name));
  }
  copyFileSync(join(from, 'index.html'), join(served, AB_PAGE));
}

/** The embedded plan's five themes: what a fresh library's first screen shows. */
const EMBEDDED_THEMES = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'resources', 'plans', 'hangzhou-2024-05-11.ids.json'), 'utf8')) as {
    sections: { parent: string | null; heading: string }[];
  }
).sections
  .filter((x) => x.parent === null)
  .map((x) => x.heading);

/** As the table-ui bench: the table lists every plan's initiatives (a setting of the library). */
async function storeScopeAll(page: Page, serverUrl: string): Promise<void> {
  const token = new URL(serverUrl).searchParams.get(TOKEN_QUERY_PARAM)!;
  await page.evaluate(
    async ({ url, auth }) => {
      const body = JSON.stringify({ key: 'ui.tableState', value: JSON.stringify({ scope: 'all' }) });
      await fetch(url, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body });
    },
    { url: `${API_PREFIX}settings.set`, auth: `${AUTH_SCHEME} ${token}` },
  );
}

let cdpOf: CDPSession | null = null;
const themesAt = (_page: Page) => whenNoted(cdpOf!, 'themes');
const momentAt = () => whenNoted(cdpOf!, MOMENT);

/** Another page first, as the bench alternates: going to the same address with only its hash
 *  would not load the page again. */
async function away(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}${STATIC_PATH}`);
  await themesAt(page);
}

async function traceLoad(page: Page, cdp: CDPSession, url: string): Promise<{ events: TraceEvent[]; at: number }> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
  await page.goto(url);
  const at = await momentAt();
  await cdp.send('Tracing.end');
  const parsed = JSON.parse(await readStream(cdp, await done)) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return { events: Array.isArray(parsed) ? parsed : parsed.traceEvents, at };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The V8 CPU profile's samples in the trace (ProfileChunk events), on the trace's clock. */
interface Sample {
  node: ProfileNode;
  ms: number;
  at: number;
  nodes: Map<number, ProfileNode>;
}

function profileSamples(events: TraceEvent[], pid: number, from: number, to: number): Sample[] {
  const nodes = new Map<number, ProfileNode>();
  const out: Sample[] = [];
  const starts = events.filter((e) => e.name === 'Profile' && e.pid === pid);
  for (const head of starts) {
    const id = (head as unknown as { id: string }).id;
    let t = (head.args as { data: { startTime: number } }).data.startTime;
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && (e as unknown as { id: string }).id === id);
    let last: { node: ProfileNode; at: number } | null = null;
    for (const c of chunks) {
      const data = (c.args as { data: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } }).data;
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      samples.forEach((sid, k) => {
        t += deltas[k] ?? 0;
        if (last && last.at >= from && last.at <= to) out.push({ node: last.node, ms: (t - last.at) / 1000, at: last.at, nodes });
        const node = nodes.get(sid);
        last = node ? { node, at: t } : null;
      });
    }
  }
  return out;
}

/** Self time (ms) of each trace event name on the thread, within [from, to] µs. */
function selfTimes(events: TraceEvent[], pid: number, tid: number, from: number, to: number): Map<string, number> {
  const complete = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number }[] = [];
  const add = (name: string, ms: number) => self.set(name, (self.get(name) ?? 0) + ms);
  for (const e of complete) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) add(parent.e.name, -Math.min(e.dur!, parent.end - e.ts) / 1000);
    add(e.name, e.dur! / 1000);
    stack.push({ e, end: e.ts + e.dur! });
  }
  return self;
}

function mainThreadOf(events: TraceEvent[]): { pid: number; tid: number } {
  // The renderer main thread that parsed the app's page.
  const parse = events.find((e) => e.name === 'ParseHTML' && e.ph === 'X') ?? events.find((e) => e.name === 'ParseHTML');
  if (parse) return { pid: parse.pid, tid: parse.tid };
  const named = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain');
  if (!named) throw new Error('no renderer main thread in the trace');
  return { pid: named.pid, tid: named.tid };
}

/** The main thread's tasks in order (≥ 1 ms), each with its longest parts, and the network. */
function printTimeline(events: TraceEvent[], pid: number, tid: number, from: number, to: number): void {
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts <= to);
  const tasks = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const top = tasks.filter((t) => !tasks.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur! >= t.ts + t.dur! && o.dur! > t.dur!));
  for (const task of top) {
    if (task.dur! < 1000) continue;
    const inner = mine
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && !e.name.includes('RunTask'))
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 4)
      .map((e) => {
        const d = (e.args as { data?: { url?: string; functionName?: string } })?.data;
        const what = d?.url ? ` ${d.url.replace(/^.*\//, '')}` : d?.functionName ? ` ${d.functionName}` : '';
        return `${e.name}${what} ${(e.dur! / 1000).toFixed(1)}`;
      });
    console.log(`  @${((task.ts - from) / 1000).toFixed(1).padStart(7)} ${(task.dur! / 1000).toFixed(1).padStart(6)} ms  ${inner.join(' | ')}`);
  }
  for (const e of events.filter((x) => x.name === 'ResourceSendRequest' || x.name === 'ResourceFinish')) {
    if (e.ts < from || e.ts > to) continue;
    const d = (e.args as { data?: { url?: string; requestId?: string } })?.data;
    console.log(`  net @${((e.ts - from) / 1000).toFixed(1).padStart(7)} ${e.name} ${d?.url?.replace(/^.*\//, '') ?? d?.requestId}`);
  }
}

/** The longest JavaScript call's inclusive time by function (each function once per stack). */
function printLongestTask(events: TraceEvent[], pid: number, tid: number, from: number, to: number, samples: Sample[]): void {
  const calls = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'FunctionCall' && e.ts >= from && e.ts <= to)
    .sort((a, b) => b.dur! - a.dur!);
  for (const call of calls.slice(0, 2)) {
    const inclusive = new Map<string, number>();
    let total = 0;
    for (const s of samples) {
      if (s.at < call.ts || s.at > call.ts + call.dur!) continue;
      total += s.ms;
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = s.node; n; n = n.parent === undefined ? undefined : s.nodes.get(n.parent)) {
        const key = `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').replace(/^.*\/assets\//, '')}:${n.callFrame.lineNumber + 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + s.ms);
      }
    }
    console.log(`  longest call @${((call.ts - from) / 1000).toFixed(1)} ${(call.dur! / 1000).toFixed(1)} ms (${total.toFixed(1)} ms sampled), inclusive:`);
    [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, 70).forEach(([k, v]) => console.log(`    ${v.toFixed(1).padStart(6)} ${k}`));
  }
}

const fmt = (ms: number) => ms.toFixed(1).padStart(7);

/** min–median–max of xs. */
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0]!.toFixed(0)}–${s[Math.floor(s.length / 2)]!.toFixed(0)}–${s[s.length - 1]!.toFixed(0)}`;
};
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  assertBuilt();
  const temp = mkdtempSync(join(os.tmpdir(), 'briefbook-trace-'));
  const dataDir = values.data ?? join(temp, 'data');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(values.out, { recursive: true });
  const build = values.static ?? join(REPO_ROOT, 'out', 'renderer');
  const served = join(temp, 'served');
  // --ab: the other build's page beside this one's, from the same folder, server, origin and
  // data: its index.html as AB_PAGE, its files in the same assets folder (their names carry a
  // hash of their content, so a name both builds have is the same file). The two sides then
  // differ by their build alone. (Served by a second server, the other build was on another
  // origin than the static page and the first build: the same pair of builds read 0.73 and
  // 0.79 with one build on this server's side, 0.97 with it on the other's.)
  const server = await startServer(dataDir, build, served);
  if (values.ab) addBuild(values.ab, served);
  const context = await launchBenchBrowser(join(temp, 'chromium'));
  try {
    await context.addInitScript({ content: PAGE_SCRIPT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    cdpOf = cdp;
    const origin = server.origin;
    // --hash static: the static page itself, for its own breakdown.
    const appUrl =
      values.hash === 'static' ? `${origin}${STATIC_PATH}` : values.hash === 'baseline' ? `${origin}${BASELINE_PATH}` : `${origin}/${values.hash}`;
    if (values.ab) {
      await page.goto(server.url);
      if (MOMENT === 'firstRows') await storeScopeAll(page, server.url);
      const sides = { static: [] as number[], b: [] as number[], a: [] as number[] };
      const cpu = { static: [] as number[], b: [] as number[], a: [] as number[] };
      // Each load traced (lightly), for the main thread's CPU time up to the five themes: the
      // thread's own clock, which a loaded machine stretches far less than the wall clock.
      const load = async (url: string) => {
        const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
        await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing,loading,devtools.timeline', transferMode: 'ReturnAsStream' });
        await page.goto(url);
        const at = await whenNoted(cdp, MOMENT);
        await cdp.send('Tracing.end');
        const parsed = JSON.parse(await readStream(cdp, await done)) as { traceEvents: TraceEvent[] } | TraceEvent[];
        const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
        const nav = events.find(
          (e) => e.name === 'navigationStart' && (e.args as { data?: { documentLoaderURL?: string } })?.data?.documentLoaderURL === url,
        );
        if (!nav) throw new Error(`no navigationStart for ${url}`);
        const to = nav.ts + at * 1000;
        const busy = events
          .filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.ts >= nav.ts && e.ts <= to)
          .reduce((sum, e) => sum + ((e as unknown as { tdur?: number }).tdur ?? 0), 0);
        return { at, cpu: busy / 1000 };
      };
      // The floor: the static page for the first screen, the plain list for the first rows.
      const floor = MOMENT === 'firstRows' ? BASELINE_PATH : STATIC_PATH;
      const urls = { static: `${origin}${floor}`, b: appUrl, a: `${origin}/${AB_PAGE}${values.hash}` };
      for (const k of ['static', 'b', 'a'] as const) await load(urls[k]);
      const n = Number(values.samples);
      for (let i = 0; i < n; i++) {
        const order = (['static', 'b', 'a'] as const).map((_, j, all) => all[(i + j) % all.length]!);
        for (const k of order) {
          const r = await load(urls[k]);
          sides[k].push(r.at);
          cpu[k].push(r.cpu);
        }
      }
      console.log(`load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
      console.log(`static: wall ${spread(sides.static)} ms, main-thread CPU ${spread(cpu.static)} ms`);
      for (const [k, name] of [['b', build], ['a', values.ab]] as const) {
        console.log(
          `${k.toUpperCase()} ${name}: wall ${spread(sides[k])} ms (ratio ${(med(sides[k]) / med(sides.static)).toFixed(2)}), ` +
            `CPU ${spread(cpu[k])} ms (ratio ${(med(cpu[k]) / med(cpu.static)).toFixed(2)})`,
        );
      }
      console.log(`B / A: wall ${(med(sides.b) / med(sides.a)).toFixed(2)}, CPU ${(med(cpu.b) / med(cpu.a)).toFixed(2)}`);
      return;
    }
    await page.goto(server.url);
    if (MOMENT === 'firstRows') await storeScopeAll(page, server.url);
    for (let i = 0; i < 2; i++) {
      await away(page, origin);
      await page.goto(appUrl);
      await momentAt();
    }
    const totals = new Map<string, number[]>();
    const byScript = new Map<string, number[]>();
    const byFunction = new Map<string, number[]>();
    const marks: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      await away(page, origin);
      const { events, at } = await traceLoad(page, cdp, appUrl);
      writeFileSync(join(values.out, `trace-${run}.json`), JSON.stringify(events));
      const { pid, tid } = mainThreadOf(events);
      // The app's own navigation (a new renderer process starts with an empty document's first).
      const nav = events.find(
        (e) => e.name === 'navigationStart' && (e.args as { data?: { documentLoaderURL?: string } })?.data?.documentLoaderURL === appUrl,
      );
      const from = nav?.ts ?? Math.min(...events.filter((e) => e.pid === pid).map((e) => e.ts));
      const to = from + at * 1000;
      const self = selfTimes(events, pid, tid, from, to);
      let busy = 0;
      for (const [name, ms] of self) {
        if (!totals.has(name)) totals.set(name, []);
        totals.get(name)![run] = ms;
        busy += ms;
      }
      console.log(`run ${run + 1}: ${MOMENT} painted at ${at.toFixed(1)} ms; main thread busy ${busy.toFixed(1)} ms`);
      if (values.timeline) printTimeline(events, pid, tid, from, to);
      for (const e of events.filter((x) => x.cat.includes('blink.user_timing') && x.pid === pid && x.ts >= from && x.ts <= to + 1e6)) {
        marks.push(`run ${run + 1} ${e.ph} ${e.name} @${((e.ts - from) / 1000).toFixed(1)} ms${e.dur ? ` dur ${(e.dur / 1000).toFixed(1)}` : ''}`);
      }
      const funcSelf = new Map<string, number>();
      const scriptSelf = new Map<string, number>();
      const samples = profileSamples(events, pid, from, to);
      if (values.cpu && samples.length > 0) printLongestTask(events, pid, tid, from, to, samples);
      for (const { node: n, ms: dt } of samples) {
        if (n.callFrame.functionName === '(idle)') continue;
        const script = (n.callFrame.url ?? "").replace(/^.*\/assets\//, '') || `(${n.callFrame.functionName || 'program'})`;
        const fn = `${n.callFrame.functionName || '(anonymous)'} ${script}:${n.callFrame.lineNumber + 1}`;
        funcSelf.set(fn, (funcSelf.get(fn) ?? 0) + dt);
        scriptSelf.set(script, (scriptSelf.get(script) ?? 0) + dt);
      }
      for (const [k, v] of funcSelf) {
        if (!byFunction.has(k)) byFunction.set(k, []);
        byFunction.get(k)![run] = v;
      }
      for (const [k, v] of scriptSelf) {
        if (!byScript.has(k)) byScript.set(k, []);
        byScript.get(k)![run] = v;
      }
    }
    const median = (xs: (number | undefined)[]) => {
      const s = Array.from({ length: RUNS }, (_, i) => xs[i] ?? 0).sort((a, b) => a - b);
      return s[Math.floor(s.length / 2)]!;
    };
    const print = (title: string, map: Map<string, number[]>, top: number) => {
      console.log(`\n${title} (median of ${RUNS}, then each run, ms)`);
      [...map.entries()]
        .map(([k, v]) => [k, median(v), v] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .filter(([, m]) => m >= 0.2)
        .forEach(([k, m, v]) => console.log(`${fmt(m)}  [${Array.from({ length: RUNS }, (_, i) => (v[i] ?? 0).toFixed(1)).join(' ')}]  ${k}`));
    };
    print('main thread self time by trace event', totals, 30);
    print('CPU profile self time by script', byScript, 20);
    print('CPU profile self time by function', byFunction, 50);
    if (marks.length) console.log(`\nmarks\n${marks.join('\n')}`);
  } finally {
    await context.close();
    server.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
