// Suite "search": search everywhere at corpus scale (the table's corpus: 100k initiatives by
// default, and notes: 100k by default, 1M with --full, 10k --quick). For one-, two- and
// four-character, common, selective, rare and English terms: search.query through the app's
// API (core router: validation, parsing, the index walk, ranking, filters, a page of 20 hits
// with snippets) against the same SQL run directly (raw: every statement the search ran, as it
// ran — an iterated walk read to the row it stopped at — replayed without the JavaScript around
// them; the SQL functions the statements call, search_has and search_mask, run in both, since
// they are part of the SQL; so a cheaper statement in the core lowers both sides alike, and raw
// is never a simpler query than the one the app runs), p50 and p95 side by side; the hit count is checked against a plain substring scan
// (a total marked "about" is the search's estimate: it stopped reading once its page was full),
// and the estimate against the exact total (the same query read to its end); for a search whose total was
// estimated, its second page too (asked after the first, it reuses the first page's estimate). And the index's size: the pages of the
// index tables (dbstat) against the bytes of the texts they index.
//
// The notes are the seeded corpus's (corpus.ts generateNotes: 60–200 characters of Chinese
// with English fragments, on items skewed towards the first plans, random UUIDs), since the
// issue sets its size and speed goals on that corpus; BRIEFBOOK_BENCH_SEARCH_NOTES=short gives
// instead the earlier fixed ~22-character note (one in 50 an English line with "talent"): the
// worst case for the index's cost per note (a key and an id per note weigh most against a
// short text), kept to report both ratios. The English term is one the notes hold: "budget" in
// the seeded notes (no seeded text has "talent"), "talent" in the short ones.
//
// BRIEFBOOK_BENCH_SEARCH_CORPUS=file keeps the loaded database between runs, as the table
// suite's BRIEFBOOK_BENCH_TABLE_CORPUS does: built and saved there (VACUUM INTO) when missing,
// else copied from there (its plans and notes are counted and must match the options). A copy
// is repacked by VACUUM, so its index size is not the size an app's writes leave: the size
// figure of a copied corpus says so.
//
// Before it measures, the suite runs the app's own index maintenance to its end (search/merge.ts
// runSearchMaintenance: the idle-time steps the app would have run by the time a reader searches,
// the same function and policy, here without the pauses), and says so: segments before and after,
// whether the policy chose a full merge, steps, pages, the longest step.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, type Core } from '../../../electron/core/core';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { importPlan } from '../../../electron/core/plan/store';
import { refreshDerivedData } from '../../../electron/core/refresh-derived';
import { runSearchMaintenance } from '../../../electron/core/search/merge';
import { indexNewAnnotations } from '../../../electron/core/search/source-docs';
import { parseQuery } from '../../../electron/core/services/search/parse';
import { forgetEstimates, replaySql, searchQuery, type SqlStep } from '../../../electron/core/services/search/query';
import { createTestCore } from '../../helpers/core';
import { articleText, DEFAULT_SHAPE, generateNotes, generatePlans } from '../corpus';
import { deriveSeed, Prng } from '../prng';
import { fmt, ratioMeasurement } from '../report';
import { measure, runAb } from '../timing';
import { sampleCount, type SuiteContext } from './context';

const SUITE = 'search';
const SHORT_NOTES = process.env.BRIEFBOOK_BENCH_SEARCH_NOTES === 'short';
const KEPT_CORPUS = process.env.BRIEFBOOK_BENCH_SEARCH_CORPUS;

/** Terms by kind; the selective and rare ones are those the table suite uses (see table.ts). */
const TERMS = [
  { kind: 'one character', text: '数' },
  { kind: 'two characters', text: '低空' },
  { kind: 'four characters', text: '营商环境' },
  { kind: 'common', text: '改革' },
  { kind: 'selective', text: '脑机接口' },
  { kind: 'rare', text: '投资873亿元' },
  { kind: 'English', text: SHORT_NOTES ? 'talent' : 'budget' },
  { kind: 'two words', text: '数字 改革' },
];

export function runSearch(ctx: SuiteContext): void {
  const notes = ctx.options.full ? 1_000_000 : ctx.options.quick ? 10_000 : 100_000;
  const dir = join(ctx.tmpDir, 'search');
  const kept = KEPT_CORPUS !== undefined && existsSync(KEPT_CORPUS);
  if (kept) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(KEPT_CORPUS, join(dir, DATABASE_FILE));
  }
  const core = createTestCore(dir);
  try {
    if (kept) checkKept(ctx, core, notes);
    else load(ctx, core, notes);
    merge(ctx, core);
    measureSize(ctx, core, kept);
    if (KEPT_CORPUS && !kept) core.db.prepare('VACUUM INTO ?').run(KEPT_CORPUS);
    for (const term of TERMS) measureTerm(ctx, core, term);
  } finally {
    core.close();
  }
}

/** The app's idle-time index maintenance, run to its end as the app would have by now. */
function merge(ctx: SuiteContext, core: Core): void {
  const cpu = process.cpuUsage();
  const { ms, value: r } = measure(() => runSearchMaintenance(core.db));
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  ctx.record({
    kind: 'fixed',
    suite: SUITE,
    name: 'search index maintenance',
    text:
      `the app's own idle-time index maintenance (search/merge.ts runSearchMaintenance) run to its end on this copy before measuring: ` +
      `segments ${r.segmentsBefore} → ${r.segmentsAfter} (per level ${r.levelsAfter.join(' ')}), ${r.full ? 'a full merge (bulk work found)' : 'level merges only'}, ` +
      `${r.steps} steps, ${r.pages} pages, ${fmt(ms / 1000)} s wall, ${fmt(cpuMs / 1000)} s CPU; longest step ${fmt(r.longestStepMs)} ms wall, ${fmt(r.longestStepCpuMs)} ms CPU`,
    values: { ...r, levelsAfter: r.levelsAfter.join(' '), full: r.full ? 1 : 0, ms, cpuMs },
  });
}

/** A kept corpus must be the one these options would load. */
function checkKept(ctx: SuiteContext, core: Core, notes: number): void {
  const count = (sql: string) => (core.db.prepare(sql).get() as { n: number }).n;
  const plans = count("SELECT count(*) AS n FROM plans WHERE id LIKE 'bench-%'");
  const stored = count('SELECT count(*) AS n FROM user_annotations');
  const short = count("SELECT count(*) AS n FROM user_annotations WHERE id LIKE '00000007-%'") > 0;
  if (plans !== ctx.options.tablePlans || stored !== notes || short !== SHORT_NOTES) {
    throw new Error(
      `BRIEFBOOK_BENCH_SEARCH_CORPUS ${KEPT_CORPUS} holds ${plans} plans and ${stored} ${short ? 'short' : 'seeded'} notes; ` +
        `this run needs ${ctx.options.tablePlans} and ${notes} ${SHORT_NOTES ? 'short' : 'seeded'}`,
    );
  }
  ctx.log(`search corpus copied from ${KEPT_CORPUS}: ${plans} plans, ${stored} notes`);
}

/** Notes per transaction of the load. */
const NOTES_PER_TRANSACTION = 20_000;

interface BenchNote {
  id: string;
  planId: string;
  itemId: string;
  body: string;
  at: string;
}

/** The short notes: a fixed ~22-character Chinese sentence, one in 50 an English line. */
function* shortNotes(count: number, items: readonly { id: string; planId: string }[]): Generator<BenchNote> {
  const at = '2024-01-01T00:00:00.000Z';
  for (let n = 0; n < count; n++) {
    const id = `${(7).toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    const item = items[(n * 7919) % items.length]!;
    const body = n % 50 === 0 ? `Talent review ${n}: follow up with the bureau.` : `第${n}条笔记：推进数字化改革，落实重点任务。`;
    yield { id, planId: item.planId, itemId: item.id, body, at };
  }
}

/** The seeded corpus's notes, each with a random (seeded) version-4 UUID as the app gives one:
 *  random keys land all over the key index, as a reader's do. */
function* seededNotes(seed: number, count: number, shape: typeof DEFAULT_SHAPE): Generator<BenchNote> {
  const r = new Prng(deriveSeed(seed, 0x75756964));
  const hex = (n: number) => Array.from({ length: n }, () => r.int(16).toString(16)).join('');
  for (const note of generateNotes(seed, count, shape)) {
    const id = `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + r.int(4)).toString(16)}${hex(3)}-${hex(12)}`;
    const planId = note.initiativeId.slice(0, note.initiativeId.indexOf('/'));
    yield { id, planId, itemId: note.initiativeId, body: note.body, at: note.createdAt };
  }
}

function load(ctx: SuiteContext, core: Core, notes: number): void {
  const db = core.db;
  const shape = { ...DEFAULT_SHAPE, plans: ctx.options.tablePlans };
  let initiatives = 0;
  const { ms: importMs } = measure(() => {
    for (const doc of generatePlans(ctx.options.seed, shape)) {
      importPlan(db, doc, articleText(doc));
      initiatives += doc.initiatives.length;
    }
  });
  refreshDerivedData(db);
  const items = db.prepare('SELECT id, plan_id AS planId FROM initiatives ORDER BY id').all() as { id: string; planId: string }[];
  const insert = db.prepare(
    `INSERT INTO user_annotations (id, plan_id, item_id, kind, body, created_at, modified_at, revision) VALUES (?, ?, ?, 'note', ?, ?, ?, 1)`,
  );
  const stream = SHORT_NOTES ? shortNotes(notes, items) : seededNotes(ctx.options.seed, notes, shape);
  let contentBytes = 0;
  // Rows in batches, each batch indexed in bulk (indexNewAnnotations: the documents and ids a
  // note-by-note indexAnnotation gives, without a segment per step down of the ids). Only
  // FTS5's segments differ from a reader's notes saved one per transaction: measured on 20k
  // seeded notes, those cost about 3% more index per note (268 B against 260 B).
  const { ms: notesMs } = measure(() => {
    for (let from = 0; from < notes; from += NOTES_PER_TRANSACTION) {
      writeTransaction(db, () => {
        const ids: string[] = [];
        for (let n = from; n < Math.min(notes, from + NOTES_PER_TRANSACTION); n++) {
          const note = stream.next().value as BenchNote;
          insert.run(note.id, note.planId, note.itemId, note.body, note.at, note.at);
          contentBytes += Buffer.byteLength(note.body);
          ids.push(note.id);
        }
        indexNewAnnotations(db, ids);
      });
    }
  });
  ctx.record({
    kind: 'fixed',
    suite: SUITE,
    name: 'search setup',
    text:
      `${initiatives} initiatives imported in ${fmt(importMs / 1000)} s; ${notes} ${SHORT_NOTES ? 'short' : 'seeded'} notes ` +
      `(${fmt(contentBytes / Math.max(1, notes))} B each) written and indexed in ${fmt(notesMs / 1000)} s`,
    values: { initiatives, importMs, notes, notesMs, noteBytes: contentBytes },
  });
}

/** Index pages (dbstat) against the UTF-8 bytes of every text the index holds. */
function measureSize(ctx: SuiteContext, core: Core, kept: boolean): void {
  const db = core.db;
  const pages = db
    .prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%' GROUP BY name")
    .all() as { name: string; bytes: number }[];
  const index = pages.reduce((n, p) => n + p.bytes, 0);
  const content = (
    db
      .prepare(
        `SELECT
          (SELECT coalesce(sum(length(CAST(headline AS BLOB)) + length(CAST(body AS BLOB))), 0) FROM initiatives)
        + (SELECT coalesce(sum(length(CAST(t.headline AS BLOB))), 0) FROM initiatives i JOIN themes t ON t.id = i.theme_id)
        + (SELECT coalesce(sum(length(CAST(title AS BLOB))), 0) FROM plans)
        + (SELECT coalesce(sum(length(CAST(body AS BLOB))), 0) FROM user_annotations WHERE deleted_at IS NULL)
        + (SELECT coalesce(sum(length(CAST(tag AS BLOB))), 0) FROM user_annotation_tags)
        + (SELECT coalesce(sum(length(CAST(tag AS BLOB))), 0) FROM user_initiative_tags)
        + (SELECT coalesce(sum(length(CAST(coalesce(lead_unit, '') || coalesce(responsible_units, '') || coalesce(progress_note, '') AS BLOB))), 0)
             FROM user_initiative_state) AS bytes`,
      )
      .get() as { bytes: number }
  ).bytes;
  const file = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  ctx.record({
    kind: 'fixed',
    suite: SUITE,
    name: 'index size',
    text:
      `${kept ? '(kept corpus, repacked by VACUUM) ' : ''}${SHORT_NOTES ? 'short' : 'seeded'} notes: index ${fmt(index / 1e6)} MB ÷ content ${fmt(content / 1e6)} MB = ${fmt(index / content)} ` +
      `(${pages.map((p) => `${p.name} ${fmt(p.bytes / 1e6)}`).join(', ')}; file ${fmt(file / 1e6)} MB)`,
    values: { indexBytes: index, contentBytes: content, ratio: index / content, fileBytes: file, kept: kept ? 1 : 0, shortNotes: SHORT_NOTES ? 1 : 0 },
  });
}

function measureTerm(ctx: SuiteContext, core: Core, term: { kind: string; text: string }): void {
  const db = core.db;
  const query = { text: term.text, filters: {}, offset: 0, limit: 20 };
  // The router runs the handler synchronously inside dispatch (its result settles later), so
  // timing the call times the work; the hits are read once through the service itself.
  const log: SqlStep[] = [];
  const result = searchQuery(db, query, { log });
  const oracle = substringCount(core, parseQuery(term.text).terms);
  const raw = () => replaySql(db, log);
  // The first page as first asked: the estimate it remembers (for the next page) forgotten.
  const r = runAb(
    sampleCount(ctx, 15, 5),
    () => {
      forgetEstimates(db);
      return measure(() => core.router.dispatch('search.query', query)).ms;
    },
    () => measure(raw).ms,
  );
  // The estimate against the exact total (the same query read to its end, once).
  const exact = result.totalExact ? result : searchQuery(db, query, { exactRows: Infinity });
  const error = result.total / Math.max(1, exact.total) - 1;
  ctx.record({
    kind: 'fixed',
    suite: SUITE,
    name: `search ${term.kind} total`,
    text: `“${term.text}”: ${result.totalExact ? 'exact' : 'about'} ${result.total}, exactly ${exact.total} (${result.totalExact ? 'counted' : `estimate off by ${fmt(error * 100)}%`})`,
    values: { shown: result.total, exact: exact.total, estimated: result.totalExact ? 0 : 1, error },
  });
  ctx.record(
    ratioMeasurement(SUITE, `search ${term.kind}`, ['api', 'raw'], r, {
      note: `“${term.text}”: ${result.totalExact ? '' : 'about '}${result.total} hits (items/plans; substring scan of plan text and notes: ${oracle}), p50 ${fmt(r.a.median)}/${fmt(r.b.median)} ms, p95 ${fmt(r.a.p95)}/${fmt(r.b.p95)} ms, api÷raw p95 ${fmt(r.a.p95 / r.b.p95)}`,
      detail: { query: term.text, hits: result.total, totalExact: result.totalExact ? 1 : 0, statements: log.length, p95Ratio: r.a.p95 / r.b.p95 },
    }),
  );
  if (!result.totalExact) measureNextPage(ctx, core, term, { p50: r.a.median });
}

/** The next page (offset 20) of a search whose total was estimated, asked after the first: it
 *  reuses the first page's estimate, so its raw side is the statements it runs then. */
function measureNextPage(ctx: SuiteContext, core: Core, term: { kind: string; text: string }, first: { p50: number }): void {
  const db = core.db;
  const next = { text: term.text, filters: {}, offset: 20, limit: 20 };
  forgetEstimates(db);
  searchQuery(db, { ...next, offset: 0 });
  const log: SqlStep[] = [];
  searchQuery(db, next, { log });
  const r = runAb(
    sampleCount(ctx, 15, 5),
    () => measure(() => core.router.dispatch('search.query', next)).ms,
    () => measure(() => replaySql(db, log)).ms,
  );
  ctx.record(
    ratioMeasurement(SUITE, `search ${term.kind} page 2`, ['api', 'raw'], r, {
      note: `“${term.text}” offset 20 (the first page's estimate reused): p50 ${fmt(r.a.median)}/${fmt(r.b.median)} ms, p95 ${fmt(r.a.p95)}/${fmt(r.b.p95)} ms, api÷raw p95 ${fmt(r.a.p95 / r.b.p95)}; first page api p50 ${fmt(first.p50)} ms`,
      detail: { query: term.text, statements: log.length, p95Ratio: r.a.p95 / r.b.p95 },
    }),
  );
}

/** Items and plans whose plan text or notes contain every term, by a plain scan (instr after
 *  lower(): the corpus is Chinese and ASCII, so that is the stated normalization here). */
function substringCount(core: Core, terms: string[]): number {
  if (terms.length === 0) return 0;
  const has = (col: string) => terms.map(() => `instr(lower(${col}), ?) > 0`).join(' AND ');
  const items = core.db
    .prepare(
      `SELECT i.id FROM initiatives i JOIN themes t ON t.id = i.theme_id
       WHERE ${terms.map(() => "instr(lower(i.headline || ' ' || i.body || ' ' || t.headline), ?) > 0").join(' AND ')}
       UNION SELECT coalesce(a.item_id, 'plan:' || a.plan_id) FROM user_annotations a WHERE a.deleted_at IS NULL AND ${has('a.body')}
       UNION SELECT 'plan:' || p.id FROM plans p WHERE ${has('p.title')}`,
    )
    .all(...terms, ...terms, ...terms).length;
  return items;
}
