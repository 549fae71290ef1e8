// Suite "search": search everywhere at corpus scale (the table's corpus: 100k initiatives by
// default, and notes: 100k by default, 1M with --full, 10k --quick). For one-, two- and
// four-character, common, selective, rare and English terms: search.query through the app's
// API (core router: validation, parsing, the index walk, ranking, filters, a page of 20 hits
// with snippets) against the same SQL run directly (raw: every statement the search ran, as it
// ran — an iterated walk read to the row it stopped at — replayed without the JavaScript around
// them), p50 and p95 side by side; the hit count is checked against a plain substring scan
// (a total marked "about" is the search's estimate: it stopped reading once its page was full),
// and the estimate against the exact total (the same query read to its end); for a search whose total was
// estimated, its second page too (asked after the first, it reuses the first page's estimate). And the index's size: the pages of the
// index tables (dbstat) against the bytes of the texts they index.
import { join } from 'node:path';
import type { Core } from '../../../electron/core/core';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { importPlan } from '../../../electron/core/plan/store';
import { refreshDerivedData } from '../../../electron/core/refresh-derived';
import { indexAnnotation } from '../../../electron/core/search/source-docs';
import { parseQuery } from '../../../electron/core/services/search/parse';
import { forgetEstimates, replaySql, searchQuery, type SqlStep } from '../../../electron/core/services/search/query';
import { createTestCore } from '../../helpers/core';
import { articleText, DEFAULT_SHAPE, generatePlans } from '../corpus';
import { fmt, ratioMeasurement } from '../report';
import { measure, runAb } from '../timing';
import { sampleCount, type SuiteContext } from './context';

const SUITE = 'search';

/** Terms by kind; the selective and rare ones are those the table suite uses (see table.ts). */
const TERMS = [
  { kind: 'one character', text: '数' },
  { kind: 'two characters', text: '低空' },
  { kind: 'four characters', text: '营商环境' },
  { kind: 'common', text: '改革' },
  { kind: 'selective', text: '脑机接口' },
  { kind: 'rare', text: '投资873亿元' },
  { kind: 'English', text: 'talent' },
  { kind: 'two words', text: '数字 改革' },
];

export function runSearch(ctx: SuiteContext): void {
  const notes = ctx.options.full ? 1_000_000 : ctx.options.quick ? 10_000 : 100_000;
  const core = createTestCore(join(ctx.tmpDir, 'search'));
  try {
    load(ctx, core, notes);
    measureSize(ctx, core);
    for (const term of TERMS) measureTerm(ctx, core, term);
  } finally {
    core.close();
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
  const at = '2024-01-01T00:00:00.000Z';
  const insert = db.prepare(
    `INSERT INTO user_annotations (id, plan_id, item_id, kind, body, created_at, modified_at, revision) VALUES (?, ?, ?, 'note', ?, ?, ?, 1)`,
  );
  const { ms: notesMs } = measure(() => {
    for (let from = 0; from < notes; from += 20_000) {
      writeTransaction(db, () => {
        for (let n = from; n < Math.min(notes, from + 20_000); n++) {
          const id = `${(7).toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
          const item = items[(n * 7919) % items.length]!;
          // One note in 50 in English, so an English term is rare but present.
          const body = n % 50 === 0 ? `Talent review ${n}: follow up with the bureau.` : `第${n}条笔记：推进数字化改革，落实重点任务。`;
          insert.run(id, item.planId, item.id, body, at, at);
          indexAnnotation(db, id);
        }
      });
    }
  });
  ctx.record({
    kind: 'fixed',
    suite: SUITE,
    name: 'search setup',
    text: `${initiatives} initiatives imported in ${fmt(importMs / 1000)} s; ${notes} notes written and indexed in ${fmt(notesMs / 1000)} s`,
    values: { initiatives, importMs, notes, notesMs },
  });
}

/** Index pages (dbstat) against the UTF-8 bytes of every text the index holds. */
function measureSize(ctx: SuiteContext, core: Core): void {
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
      `index ${fmt(index / 1e6)} MB ÷ content ${fmt(content / 1e6)} MB = ${fmt(index / content)} ` +
      `(${pages.map((p) => `${p.name} ${fmt(p.bytes / 1e6)}`).join(', ')}; file ${fmt(file / 1e6)} MB)`,
    values: { indexBytes: index, contentBytes: content, ratio: index / content, fileBytes: file },
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
