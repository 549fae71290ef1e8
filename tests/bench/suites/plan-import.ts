// Suite "plan import": importPlan against hand-written inserts of the same rows, and the
// article parser against a plain line scan of the same text (a floor, not a competitor).
//
// Two floors, each written by plain prepared statements in one transaction per plan (as the app
// commits each import) into the same migrated schema, so each pays for every index of the
// tables it writes and their foreign-key checks:
// - "raw": the plan's content alone (plan, theme, initiative, list and item rows; the search
//   index's search_initiative_units included). It writes none of what the app derives from the
//   text, though the app needs it in the same transaction (search must find a plan as soon as
//   its import is acknowledged; the table sorts by the ranks): the ratio charges the whole cost
//   of the sort keys and the search index to the import, which shows what the design costs.
// - "same rows": every row the import leaves behind, in the plainest code that writes them —
//   the content; the table's sort-key rows (each plan's rows marked unranked, as the import
//   marks them, and one ranking by the collators after the load); the search documents (each
//   text normalized, tokenized by an array of characters and a Set, its id the next of its
//   score code counted in a Map, written in the order of the codes) and their FTS5 entries;
//   the initiatives' search index (search/initiative-index.ts, migration 0020): each plan's
//   base, RANK_GAP × its place in the import (the bench's plan ids rise in that order, so the
//   core gives each new plan the next gap above the last), its slots in the default order
//   (theme ordinal, ordinal, id) and one document per slot, the tokens of the initiative's
//   headline, body and theme headline by the same hand-written tokenizer (no reader text in a
//   fresh file); and the plan's names in initiative_search_stale, written by the sort-key rows'
//   trigger, deleted again as the import's refresh deletes them.
//   Checked row for row (and both indexes token for token) against the core before timing. Its
//   ratio is what the import's own code costs beyond writing those rows.
// The core side includes what the import leaves to be done before the table can show its
// plans: one ranking of the sort keys (refreshInitiativeSortKeys) after the sample's plans, as
// the first table query after an import runs it.
//
// Pages written (WAL frames, checkpoints held off) are counted once per side outside the timing,
// with the B-trees that wrote the most, to see where the import's writes go.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { PlanDocument } from '../../../shared/domain/plan';
import { openDatabase } from '../../../electron/core/db/open';
import { importPlan } from '../../../electron/core/plan/store';
import { refreshInitiativeSortKeys } from '../../../electron/core/collation/initiative-sort-keys';
import { parseArticle } from '../../../electron/core/plan/parse-article';
import { EMBEDDED_PLAN } from '../../../electron/core/plan/embedded';
import { denseRanks, COLLATORS } from '../../../electron/core/collation/collators';
import { RANK_GAP, SPACED_ORDERS } from '../../../electron/core/collation/spaced-ranks';
import { FIELD_CODES } from '../../../electron/core/search/documents';
import { normalizeForSearch } from '../../../electron/core/search/normalize';
import { ID_SEQ, scoreCode } from '../../../electron/core/search/score';
import { PLAN_SLOTS } from '../../../electron/core/search/initiative-index';
import { articleText, DEFAULT_SHAPE, generatePlan, generatePlans } from '../corpus';
import { fmt, ratioMeasurement } from '../report';
import { median, summarize } from '../stats';
import { runAb, timed, type AbResult } from '../timing';
import { freshDbPath, removeDb, sampleCount, type SuiteContext } from './context';

const SUITE = 'import';

export function runPlanImport(ctx: SuiteContext): void {
  measureImport(ctx);
  measureIntoLibrary(ctx);
  measureParse(ctx);
}

/**
 * One plan at a time into a library that holds the sample's plans already, ranked, each import
 * followed by the ranking the table waits for: what a reader's import costs once the library is
 * large. Import and ranking per plan, CPU time of the process (the machine is shared). With
 * dense ranks the ranking re-ranked the whole library each time (2.6 s of CPU per plan at 100k
 * items); spaced ranks place the plan's texts only.
 */
function measureIntoLibrary(ctx: SuiteContext): void {
  const shape = { ...DEFAULT_SHAPE, plans: ctx.options.importPlans };
  const extra = ctx.options.quick ? 5 : 20;
  const file = freshDbPath(ctx, 'library-import');
  const db = openDatabase(file);
  try {
    let initiatives = 0;
    for (const doc of generatePlans(ctx.options.seed, shape)) {
      importPlan(db, doc, articleText(doc));
      initiatives += doc.initiatives.length;
    }
    refreshInitiativeSortKeys(db);
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    const importCpu: number[] = [];
    const rankCpu: number[] = [];
    for (let k = 0; k < extra; k++) {
      const doc = generatePlan(ctx.options.seed, shape.plans + k, shape);
      const source = articleText(doc);
      let at = process.cpuUsage();
      importPlan(db, doc, source);
      importCpu.push(cpuMs(at));
      at = process.cpuUsage();
      refreshInitiativeSortKeys(db);
      rankCpu.push(cpuMs(at));
    }
    const mid = (xs: number[]) => median([...xs].sort((x, y) => x - y));
    ctx.record({
      kind: 'fixed',
      suite: SUITE,
      name: 'import into library',
      text:
        `one plan into ${initiatives} items, CPU per plan: import ${fmt(mid(importCpu))} ms, ` +
        `then ranking ${fmt(mid(rankCpu))} ms (medians of ${extra})`,
      values: { initiatives, plans: extra, importCpuMs: mid(importCpu), rankCpuMs: mid(rankCpu) },
    });
  } finally {
    db.close();
    removeDb(file);
  }
}

type Side = 'core' | 'raw' | 'rows';

function measureImport(ctx: SuiteContext): void {
  const shape = { ...DEFAULT_SHAPE, plans: ctx.options.importPlans };
  const docs = [...generatePlans(ctx.options.seed, shape)];
  const sources = docs.map(articleText);
  const initiatives = docs.reduce((n, d) => n + d.initiatives.length, 0);
  const pages = checkSameRows(ctx, docs, sources);

  // Each sample imports into a fresh migrated file; opening and closing it are not timed. The
  // process's CPU time is kept beside the wall time: on a loaded machine a sample's wall time
  // depends on the share of the CPU it got, its CPU time much less (but not on fsync waits).
  const cpu: Record<Side, number[]> = { core: [], raw: [], rows: [] };
  const side = (stem: Side, load: (db: Database.Database) => void) => () => {
    const file = freshDbPath(ctx, `${stem}-import`);
    const db = openDatabase(file);
    const before = process.cpuUsage();
    const ms = timed(() => load(db));
    const used = process.cpuUsage(before);
    cpu[stem].push((used.user + used.system) / 1000);
    db.close();
    removeDb(file);
    return ms;
  };
  const wall = runSides(sampleCount(ctx, 15, 5), {
    core: side('core', (db) => coreImport(db, docs, sources)),
    raw: side('raw', (db) => rawImport(db, docs, sources)),
    rows: side('rows', (db) => sameRowsImport(db, docs, sources)),
  });
  // The warm-up sample of each side is not one of the samples.
  const cpuMedian = (side: Side) => median(cpu[side].slice(1).sort((x, y) => x - y));
  const cpuOf = { core: cpuMedian('core'), raw: cpuMedian('raw'), rows: cpuMedian('rows') };
  const pair = (a: Side, b: Side): AbResult => {
    const sa = summarize(wall[a]);
    const sb = summarize(wall[b]);
    return { a: sa, b: sb, ratio: sa.median / sb.median, aSamples: wall[a], bSamples: wall[b] };
  };
  const perSecond = (initiatives / summarize(wall.core).median) * 1000;
  for (const floor of ['raw', 'rows'] as const) {
    const r = pair('core', floor);
    ctx.record(
      ratioMeasurement(SUITE, floor === 'raw' ? 'plan import' : 'plan import, same rows', ['core', floor], r, {
        note:
          `${docs.length} plans × ${shape.themesPerPlan * shape.initiativesPerTheme} initiatives per sample; core ${fmt(perSecond / 1000)}k initiatives/s; ` +
          `pages written core ${pages.core.total} ${floor} ${pages[floor].total} (${fmt(pages.core.total / pages[floor].total)}×); ` +
          `CPU time core ${fmt(cpuOf.core)} ${floor} ${fmt(cpuOf[floor])} ms (${fmt(cpuOf.core / cpuOf[floor])}×)`,
        detail: {
          plans: docs.length,
          initiatives,
          coreInitiativesPerSecond: Math.round(perSecond),
          corePagesWritten: pages.core.total,
          floorPagesWritten: pages[floor].total,
          coreCpuMs: Math.round(cpuOf.core),
          floorCpuMs: Math.round(cpuOf[floor]),
          cpuRatio: cpuOf.core / cpuOf[floor],
        },
      }),
    );
  }
}

/** runAb for three sides: a warm-up of each, then samples with the order rotated each round,
 *  so drift lands on every side alike. */
function runSides(samples: number, sides: Record<Side, () => number>): Record<Side, number[]> {
  const names = Object.keys(sides) as Side[];
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  for (const n of names) {
    gc();
    sides[n]();
  }
  const out = { core: [], raw: [], rows: [] } as Record<Side, number[]>;
  for (let i = 0; i < samples; i++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(i + k) % names.length]!;
      gc();
      out[n].push(sides[n]());
    }
  }
  return out;
}

/** What the app does: each plan imported in its own transaction, then the ranking the table
 *  waits for before its first query. */
function coreImport(db: Database.Database, docs: PlanDocument[], sources: string[]): void {
  docs.forEach((d, i) => importPlan(db, d, sources[i]!));
  refreshInitiativeSortKeys(db);
}

/** The minimal baseline: statements prepared once, positional parameters, one transaction
 * per plan, and the same row values importPlan writes (sha256 of the source included). */
function rawImport(db: Database.Database, docs: PlanDocument[], sources: string[]): void {
  const content = contentWriter(db);
  const one = db.transaction((doc: PlanDocument, source: string) => content(doc, source));
  docs.forEach((d, i) => one(d, sources[i]!));
}

/** Writes a plan's content rows (inside the caller's transaction). */
function contentWriter(db: Database.Database): (doc: PlanDocument, source: string) => void {
  const plan = db.prepare(
    `INSERT INTO plans (id, title, column_name, published_at, source, author, editor, graphics, tags_json,
      theme_line, lead, author_note, language, source_sha256, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const theme = db.prepare('INSERT INTO themes (id, plan_id, ordinal, headline) VALUES (?,?,?,?)');
  const initiative = db.prepare(
    'INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body) VALUES (?,?,?,?,?,?,?)',
  );
  const list = db.prepare(
    'INSERT INTO plan_lists (id, plan_id, initiative_id, ordinal, label, stated_count) VALUES (?,?,?,?,?,?)',
  );
  const item = db.prepare('INSERT INTO list_items (id, list_id, ordinal, text) VALUES (?,?,?,?)');
  return (doc, source) => {
    const m = doc.meta;
    const sha = createHash('sha256').update(source, 'utf8').digest('hex');
    plan.run(m.id, m.title, m.column, m.publishedAt, m.source, m.author, m.editor, m.graphics,
      JSON.stringify(m.tags), m.themeLine, m.lead, m.authorNote, m.language, sha, new Date().toISOString());
    for (const t of doc.themes) theme.run(t.id, m.id, t.ordinal, t.headline);
    for (const i of doc.initiatives) initiative.run(i.id, m.id, i.themeId, i.ordinal, i.numeral, i.headline, i.body);
    for (const l of doc.lists) {
      list.run(l.id, m.id, l.initiativeId, l.ordinal, l.label, l.statedCount);
      for (const it of l.items) item.run(it.id, l.id, it.ordinal, it.text);
    }
  };
}

/** The search tokens of a text's normalized values, written plainly (see tokens.ts for what
 *  they are): each character but ASCII punctuation and space, and each pair of such
 *  neighbours, once. */
function plainTokens(values: readonly string[]): string {
  const indexable = (ch: string) => ch.charCodeAt(0) >= 0x80 || /^[0-9a-z]$/i.test(ch);
  const tokens = new Set<string>();
  for (const v of values) {
    const chars = Array.from(v);
    for (let i = 0; i < chars.length; i++) {
      if (!indexable(chars[i]!)) continue;
      tokens.add(chars[i]!);
      if (i + 1 < chars.length && indexable(chars[i + 1]!)) tokens.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...tokens].join(' ');
}

/** The floor with every row the import leaves: content, sort-key rows ranked once after the
 *  load, search documents and their FTS5 entries, the initiatives' search index (see the top of
 *  the file). Knows it is the only writer of a fresh file: the next id of each score code is
 *  counted in a Map, and each plan's base is the next gap. */
function sameRowsImport(db: Database.Database, docs: PlanDocument[], sources: string[]): void {
  const content = contentWriter(db);
  const sortKey = db.prepare(
    `INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal,
       theme_pinyin, theme_stroke, headline_pinyin, headline_stroke) VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  const docId = db.prepare('INSERT INTO search_doc_ids (id, key, field) VALUES (?,?,?)');
  const tokens = db.prepare('INSERT INTO search_fts (rowid, tok) VALUES (?,?)');
  const planBase = db.prepare('INSERT INTO initiative_search_plans (plan_id, base) VALUES (?,?)');
  const slot = db.prepare('INSERT INTO initiative_search_slots (slot, initiative_id) VALUES (?,?)');
  const slotDoc = db.prepare('INSERT INTO initiative_search (rowid, tok) VALUES (?,?)');
  const unname = db.prepare('DELETE FROM initiative_search_stale');
  const nextId = new Map<number, number>();
  const one = db.transaction((doc: PlanDocument, source: string, unranked: number, base: number) => {
    content(doc, source);
    const themes = new Map(doc.themes.map((t) => [t.id, t]));
    for (const i of doc.initiatives) {
      sortKey.run(i.id, doc.meta.id, i.themeId, themes.get(i.themeId)!.ordinal, i.ordinal, unranked, unranked, unranked, unranked);
    }
    const industries = new Map<string, string[]>();
    for (const l of doc.lists) industries.set(l.initiativeId, [...(industries.get(l.initiativeId) ?? []), ...l.items.map((it) => it.text)]);
    const texts: { key: string; field: string; values: string[]; code: number }[] = [];
    const add = (key: string, field: string, values: string[] | undefined) => {
      if (!values) return;
      const normalized = values.map(normalizeForSearch);
      const length = normalized.reduce((n, v) => n + v.length, 0);
      if (length > 0) texts.push({ key, field, values: normalized, code: scoreCode(field, length) });
    };
    add(doc.meta.id, 'title', [doc.meta.title]);
    for (const i of doc.initiatives) {
      add(i.id, 'headline', [i.headline]);
      add(i.id, 'body', [i.body]);
      add(i.id, 'theme', [themes.get(i.themeId)!.headline]);
      add(i.id, 'industries', industries.get(i.id));
    }
    // Array.prototype.sort is stable: within a code, the order above.
    texts.sort((a, b) => a.code - b.code);
    for (const t of texts) {
      const id = nextId.get(t.code) ?? t.code * ID_SEQ + 1;
      nextId.set(t.code, id + 1);
      docId.run(BigInt(id), t.key, FIELD_CODES[t.field]!);
      tokens.run(BigInt(id), plainTokens(t.values));
    }
    // The initiatives' search index: the plan's base, then its initiatives in the default order,
    // each a slot and a document of its headline, body and theme headline.
    planBase.run(doc.meta.id, base);
    const ordered = [...doc.initiatives].sort(
      (a, b) => themes.get(a.themeId)!.ordinal - themes.get(b.themeId)!.ordinal || a.ordinal - b.ordinal || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    ordered.forEach((i, n) => {
      const at = BigInt(base * PLAN_SLOTS + n + 1);
      slot.run(at, i.id);
      slotDoc.run(at, plainTokens([i.headline, i.body, themes.get(i.themeId)!.headline].map(normalizeForSearch)));
    });
    unname.run();
  });
  docs.forEach((d, i) => one(d, sources[i]!, -1 - i, (i + 1) * RANK_GAP));
  // One ranking of every headline and theme text by each collator, after the load.
  db.transaction(() => {
    const rows = db
      .prepare(
        `SELECT k.initiative_id AS id, i.headline AS headline, t.headline AS theme FROM initiative_sort_keys k
         JOIN initiatives i ON i.id = k.initiative_id JOIN themes t ON t.id = k.theme_id`,
      )
      .all() as { id: string; headline: string; theme: string }[];
    const texts = rows.flatMap((r) => [r.headline, r.theme]);
    const [pinyin, stroke] = SPACED_ORDERS.map((c) => denseRanks(texts, COLLATORS[c]));
    const spaced = (ranks: Map<string, number>, text: string) => (text === '' ? ranks.get('')! : ranks.get(text)! * RANK_GAP);
    const update = db.prepare(
      'UPDATE initiative_sort_keys SET theme_pinyin = ?, theme_stroke = ?, headline_pinyin = ?, headline_stroke = ? WHERE initiative_id = ?',
    );
    for (const r of rows) {
      update.run(spaced(pinyin!, r.theme), spaced(stroke!, r.theme), spaced(pinyin!, r.headline), spaced(stroke!, r.headline), r.id);
    }
  }).immediate();
}

const CONTENT_TABLES = ['plans', 'themes', 'initiatives', 'plan_lists', 'list_items'];

/** Digest of every plan-content row except the import time, which differs by design; with
 *  `derived`, also every sort-key row, search document, text's token count and token's
 *  document count (the FTS5 index read through fts5vocab), and the initiatives' search index:
 *  plans' bases, slots, names left for a rewrite, each slot's token count and each token's
 *  document count. */
function contentDigest(db: Database.Database, derived = false): string {
  const hash = createHash('sha256');
  const queries = CONTENT_TABLES.map((table) => [table, `SELECT * FROM ${table} ORDER BY id`]);
  if (derived) {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, 'search_fts', 'row')");
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_slot_vocab USING fts5vocab(main, 'initiative_search', 'row')");
    queries.push(
      ['initiative_sort_keys', 'SELECT * FROM initiative_sort_keys ORDER BY initiative_id'],
      ['search_doc_ids', 'SELECT * FROM search_doc_ids ORDER BY id'],
      ['search_fts_docsize', 'SELECT id, sz FROM search_fts_docsize ORDER BY id'],
      ['search_vocab', 'SELECT term, doc FROM temp.bench_vocab ORDER BY term'],
      ['initiative_search_plans', 'SELECT * FROM initiative_search_plans ORDER BY plan_id'],
      ['initiative_search_slots', 'SELECT * FROM initiative_search_slots ORDER BY slot'],
      ['initiative_search_stale', 'SELECT * FROM initiative_search_stale ORDER BY plan, key'],
      ['initiative_search_docsize', 'SELECT id, sz FROM initiative_search_docsize ORDER BY id'],
      ['initiative_search_vocab', 'SELECT term, doc FROM temp.bench_slot_vocab ORDER BY term'],
    );
  }
  for (const [table, sql] of queries) {
    for (const row of db.prepare(sql!).iterate() as Iterable<Record<string, unknown>>) {
      delete row['imported_at'];
      hash.update(`${table}\t${JSON.stringify(row, (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))}\n`);
    }
  }
  return hash.digest('hex');
}

interface PagesWritten {
  total: number;
  /** Frames per table or index, by the B-tree owning the page when counted. */
  byTree: Map<string, number>;
}

/**
 * Runs `load` with checkpoints held off and counts the pages it appended to the WAL, each
 * charged to the B-tree that owns its page once `load` is done (a page freed by an FTS5 merge
 * and used again elsewhere is charged to its last owner).
 */
function countPagesWritten(db: Database.Database, load: () => void): PagesWritten {
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  load();
  const owner = new Map<number, string>();
  for (const r of db.prepare('SELECT name, pageno FROM dbstat WHERE aggregate = FALSE').iterate() as Iterable<{ name: string; pageno: number }>) {
    owner.set(r.pageno, r.name);
  }
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const fd = openSync(`${db.name}-wal`, 'r');
  const byTree = new Map<string, number>();
  let total = 0;
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.alloc(4);
    // A 32-byte WAL header, then frames of a 24-byte header (page number first) and a page.
    for (let at = 32; at + 24 + pageSize <= size; at += 24 + pageSize) {
      readSync(fd, header, 0, 4, at);
      const tree = owner.get(header.readUInt32BE(0)) ?? '(free)';
      byTree.set(tree, (byTree.get(tree) ?? 0) + 1);
      total++;
    }
  } finally {
    closeSync(fd);
  }
  return { total, byTree };
}

/** The ratio means something only if both sides write the same rows: check before timing. */
function checkSameRows(ctx: SuiteContext, docs: PlanDocument[], sources: string[]): Record<Side, PagesWritten> {
  const loads: Record<Side, (db: Database.Database) => void> = {
    core: (db) => coreImport(db, docs, sources),
    raw: (db) => rawImport(db, docs, sources),
    rows: (db) => sameRowsImport(db, docs, sources),
  };
  const files = { core: freshDbPath(ctx, 'check-core-import'), raw: freshDbPath(ctx, 'check-raw-import'), rows: freshDbPath(ctx, 'check-rows-import') };
  const dbs = { core: openDatabase(files.core), raw: openDatabase(files.raw), rows: openDatabase(files.rows) };
  try {
    const pages = {} as Record<Side, PagesWritten>;
    for (const side of ['core', 'raw', 'rows'] as const) pages[side] = countPagesWritten(dbs[side], () => loads[side](dbs[side]));
    if (contentDigest(dbs.core) !== contentDigest(dbs.raw)) {
      throw new Error('plan import baseline writes different rows from importPlan: fix rawImport before comparing');
    }
    if (contentDigest(dbs.core, true) !== contentDigest(dbs.rows, true)) {
      throw new Error('plan import same-rows baseline writes different rows from importPlan: fix sameRowsImport before comparing');
    }
    for (const side of ['core', 'rows'] as const) {
      const top = [...pages[side].byTree].sort((a, b) => b[1] - a[1]).slice(0, 10);
      ctx.log(`  pages written by the ${side} import, most first: ${top.map(([t, n]) => `${t} ${n}`).join(', ')}`);
    }
    return pages;
  } finally {
    for (const side of ['core', 'raw', 'rows'] as const) {
      dbs[side].close();
      removeDb(files[side]);
    }
  }
}

/** Keeps results alive so the optimiser cannot drop the work being timed. */
let sink = 0;

/** The floor any parser pays: split into lines and look at each one. */
function scanLines(text: string): number {
  let nonEmpty = 0;
  for (const line of text.split('\n')) if (line.trim() !== '') nonEmpty++;
  return nonEmpty;
}

function measureParse(ctx: SuiteContext): void {
  const text = readFileSync(join(ctx.repoRoot, 'resources', EMBEDDED_PLAN.file), 'utf8');
  const batch = ctx.options.quick ? 50 : 200;
  const r = runAb(
    sampleCount(ctx, 25, 5),
    () => timed(() => {
      for (let k = 0; k < batch; k++) sink += parseArticle(text, { planId: EMBEDDED_PLAN.id }).initiatives.length;
    }) / batch,
    () => timed(() => {
      for (let k = 0; k < batch; k++) sink += scanLines(text);
    }) / batch,
  );
  const charsPerMs = text.length / r.a.median;
  ctx.record(
    ratioMeasurement(SUITE, 'parse article', ['parse', 'split'], r, {
      note: `${fmt(charsPerMs)} chars/ms (${text.length} chars, per parse; ${batch} per sample)`,
      detail: { chars: text.length, charsPerMs, batch, sink: sink > 0 ? 1 : 0 },
    }),
  );
}
