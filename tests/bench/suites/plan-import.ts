// Suite "plan import": importPlan against hand-written inserts of the same rows, and the
// article parser against a plain line scan of the same text (a floor, not a competitor).
//
// The import's floor is the plan's content alone: its plan, theme, initiative, list and item
// rows, written by plain prepared statements in one transaction per plan (as the app commits
// each import) into the same migrated schema, so it pays for every index the content tables
// have (the search index's search_initiative_units included) and their foreign-key checks. It
// writes none of what the app derives from the text — the table's sort keys with their seven
// indexes, the search documents and their FTS5 index — though the app needs both (the table
// sorts and filters by the first, search reads the second): the ratio charges their whole cost
// to the import rather than compare it with a hand-written copy of the same design, which would
// hide what the design costs. The core side includes what the import leaves to be done before
// the table can show its plans: one ranking of the sort keys (refreshInitiativeSortKeys) after
// the sample's plans, as the first table query after an import runs it.
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
import { articleText, DEFAULT_SHAPE, generatePlan, generatePlans } from '../corpus';
import { fmt, ratioMeasurement } from '../report';
import { median } from '../stats';
import { runAb, timed } from '../timing';
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

function measureImport(ctx: SuiteContext): void {
  const shape = { ...DEFAULT_SHAPE, plans: ctx.options.importPlans };
  const docs = [...generatePlans(ctx.options.seed, shape)];
  const sources = docs.map(articleText);
  const initiatives = docs.reduce((n, d) => n + d.initiatives.length, 0);
  const pages = checkSameRows(ctx, docs, sources);

  // Each sample imports into a fresh migrated file; opening and closing it are not timed. The
  // process's CPU time is kept beside the wall time: on a loaded machine a sample's wall time
  // depends on the share of the CPU it got, its CPU time much less (but not on fsync waits).
  const cpu: Record<string, number[]> = { core: [], raw: [] };
  const side = (stem: 'core' | 'raw', load: (db: Database.Database) => void) => () => {
    const file = freshDbPath(ctx, `${stem}-import`);
    const db = openDatabase(file);
    const before = process.cpuUsage();
    const ms = timed(() => load(db));
    const used = process.cpuUsage(before);
    cpu[stem]!.push((used.user + used.system) / 1000);
    db.close();
    removeDb(file);
    return ms;
  };
  const r = runAb(
    sampleCount(ctx, 15, 5),
    side('core', (db) => coreImport(db, docs, sources)),
    side('raw', (db) => rawImport(db, docs, sources)),
  );
  // The warm-up sample of each side is not one of runAb's samples.
  const cpuMedian = (side: 'core' | 'raw') => median(cpu[side]!.slice(1).sort((x, y) => x - y));
  const cpuCore = cpuMedian('core');
  const cpuRaw = cpuMedian('raw');
  const perSecond = (initiatives / r.a.median) * 1000;
  ctx.record(
    ratioMeasurement(SUITE, 'plan import', ['core', 'raw'], r, {
      note:
        `${docs.length} plans × ${shape.themesPerPlan * shape.initiativesPerTheme} initiatives per sample; core ${fmt(perSecond / 1000)}k initiatives/s; ` +
        `pages written core ${pages.core.total} raw ${pages.raw.total} (${fmt(pages.core.total / pages.raw.total)}×); ` +
        `CPU time core ${fmt(cpuCore)} raw ${fmt(cpuRaw)} ms (${fmt(cpuCore / cpuRaw)}×)`,
      detail: {
        plans: docs.length,
        initiatives,
        coreInitiativesPerSecond: Math.round(perSecond),
        corePagesWritten: pages.core.total,
        rawPagesWritten: pages.raw.total,
        coreCpuMs: Math.round(cpuCore),
        rawCpuMs: Math.round(cpuRaw),
        cpuRatio: cpuCore / cpuRaw,
      },
    }),
  );
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
  const one = db.transaction((doc: PlanDocument, source: string) => {
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
  });
  docs.forEach((d, i) => one(d, sources[i]!));
}

const CONTENT_TABLES = ['plans', 'themes', 'initiatives', 'plan_lists', 'list_items'];

/** Digest of every plan-content row except the import time, which differs by design. */
function contentDigest(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const table of CONTENT_TABLES) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY id`).iterate() as Iterable<Record<string, unknown>>) {
      delete row['imported_at'];
      hash.update(`${table}\t${JSON.stringify(row)}\n`);
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
function checkSameRows(ctx: SuiteContext, docs: PlanDocument[], sources: string[]): { core: PagesWritten; raw: PagesWritten } {
  const coreFile = freshDbPath(ctx, 'check-core-import');
  const rawFile = freshDbPath(ctx, 'check-raw-import');
  const core = openDatabase(coreFile);
  const raw = openDatabase(rawFile);
  try {
    const pages = {
      core: countPagesWritten(core, () => coreImport(core, docs, sources)),
      raw: countPagesWritten(raw, () => rawImport(raw, docs, sources)),
    };
    if (contentDigest(core) !== contentDigest(raw)) {
      throw new Error('plan import baseline writes different rows from importPlan: fix rawImport before comparing');
    }
    const top = [...pages.core.byTree].sort((a, b) => b[1] - a[1]).slice(0, 8);
    ctx.log(`  pages written by the core import, most first: ${top.map(([t, n]) => `${t} ${n}`).join(', ')}`);
    return pages;
  } finally {
    core.close();
    raw.close();
    removeDb(coreFile);
    removeDb(rawFile);
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
