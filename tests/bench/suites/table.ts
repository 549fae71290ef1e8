// Suite "table": the initiative table at corpus scale (100k initiatives by default; 1M with
// --full). The first page of table.query as the table asks for it — default order, headline
// sorted by pinyin, a status filter, a common, a selective and a rare search — against its
// floor: the same 50 rows and total with the best SQL written by hand for that one query, on
// the same database. And the bigram search against LIKE '%…%' over the same texts, which must
// find the same initiatives (recall 1.0).
import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { importPlan } from '../../../electron/core/plan/store';
import { refreshDerivedData } from '../../../electron/core/refresh-derived';
import { updateLatest } from '../../helpers/core';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { queryFacet, queryTable } from '../../../electron/core/services/table/query';
import { matchingDocsSql, searchKeys } from '../../../electron/core/search/match';
import { normalizeForSearch } from '../../../electron/core/search/normalize';
import { GLOBAL_SEARCH_FIELDS } from '../../../electron/core/search/initiative-docs';
import {
  DEFAULT_STATUS_OPTIONS,
  FACET_NAMES,
  PRIORITIES,
  type InitiativeRow,
  type TablePage,
  type TableQuery,
} from '../../../shared/domain/table';
import { articleText, DEFAULT_SHAPE, generatePlans } from '../corpus';
import { deriveSeed, Prng } from '../prng';
import { fmt, ratioMeasurement } from '../report';
import { measure, runAb } from '../timing';
import { freshDbPath, removeDb, sampleCount, type SuiteContext } from './context';

const SUITE = 'table';
const STATUSES = DEFAULT_STATUS_OPTIONS.map((o) => o.key);
const TAGS = ['数字', '重点', 'AI', '民生', '本周'];
const UNITS = ['市发改委', '市科技局', '市经信局', '市财政局', '区政府'];

export function runTable(ctx: SuiteContext): void {
  const shape = { ...DEFAULT_SHAPE, plans: ctx.options.tablePlans };
  const file = freshDbPath(ctx, 'table');
  const db = openDatabase(file);
  try {
    const initiatives = load(ctx, db, shape);
    measurePages(ctx, db, initiatives);
    measureFacets(ctx, db, initiatives);
    measureSearch(ctx, db, initiatives);
  } finally {
    db.close();
    removeDb(file);
  }
}

/** The corpus through the app's importer, derived data brought up to date as a start does, and
 *  the reader's fields on a fifth of the initiatives. */
function load(ctx: SuiteContext, db: Db, shape: typeof DEFAULT_SHAPE): number {
  let initiatives = 0;
  const { ms: importMs } = measure(() => {
    for (const doc of generatePlans(ctx.options.seed, shape)) {
      importPlan(db, doc, articleText(doc));
      initiatives += doc.initiatives.length;
    }
  });
  const { ms: rankMs } = measure(() => refreshDerivedData(db));
  const r = new Prng(deriveSeed(ctx.options.seed, 0x7461626c));
  const ids = (db.prepare('SELECT id FROM initiatives').all() as { id: string }[]).map((x) => x.id);
  let touched = 0;
  const { ms: readerMs } = measure(() =>
    writeTransaction(db, () => {
      for (const id of ids) {
        if (!r.chance(0.2)) continue;
        touched++;
        updateLatest(db, id, {
          status: r.pick(STATUSES),
          priority: r.chance(0.5) ? r.pick(PRIORITIES) : null,
          leadUnit: r.pick(UNITS),
          tags: r.sample(TAGS, r.int(3)),
        });
      }
    }),
  );
  ctx.record({
    kind: 'fixed',
    suite: SUITE,
    name: 'table setup',
    text:
      `${initiatives} initiatives imported in ${fmt(importMs / 1000)} s (search index and sort keys included), ` +
      `ranked in ${fmt(rankMs / 1000)} s; reader fields on ${touched} in ${fmt(readerMs / 1000)} s`,
    values: { initiatives, importMs, rankMs, readerRows: touched, readerMs },
  });
  return initiatives;
}

/** The first page as the table asks for it: facet counts come separately, when a menu opens. */
const BASE: TableQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 50, facets: false };

/** Search terms of the table scenarios and the search measurement, by how much they select in
 *  the default corpus (100k initiatives): 低空 is in 17.5% (低空经济 is a policy term), 脑机接口
 *  in 0.5% (an item of one enumeration kind), 投资873亿元 in 0.06% (one figure of one sentence
 *  kind). Common terms alone would say nothing about a selective search. */
const SEARCHES = [
  { label: 'search 2 chars', term: '低空' },
  { label: 'search selective', term: '脑机接口' },
  { label: 'search rare', term: '投资873亿元' },
];

interface Scenario {
  name: string;
  query: TableQuery;
  /** The floor's WHERE over k (initiative_sort_keys) and s (user_initiative_state), its params. */
  where: string;
  params: unknown[];
  /** The floor's count: the cheapest statement giving the total by hand, and its params. */
  countSql: string;
  countParams: unknown[];
  orderBy: string;
  /** The order needs a sort step (no index gives it under this WHERE): the floor then picks the
   *  page's ids first and joins their columns after, as anyone would by hand (a flat statement
   *  would compute every column of every row in scope before sorting). */
  sorted?: boolean;
}

// Across plans, the default order keeps each plan's rows together.
const ORDER = 'ORDER BY k.plan_id, k.theme_ordinal, k.ordinal, k.initiative_id';

/** Ids of a search's hits, by hand: the documents the index and the check against the stored
 *  text find (search/match.ts), without the table's DISTINCT and temp set. */
function hitsSql(term: string): { sql: string; params: unknown[] } {
  const docs = matchingDocsSql(normalizeForSearch(term), GLOBAL_SEARCH_FIELDS);
  return { sql: `SELECT d.key ${docs.sql}`, params: docs.params };
}

function scenarios(): Scenario[] {
  const all = { where: '', params: [], countSql: 'SELECT count(*) FROM initiative_sort_keys', countParams: [] };
  return [
    { name: 'first page', query: BASE, ...all, orderBy: ORDER },
    {
      name: 'pinyin sort',
      query: { ...BASE, sort: [{ column: 'headline', desc: false }] },
      ...all,
      orderBy: 'ORDER BY k.headline_pinyin, k.theme_ordinal, k.ordinal, k.initiative_id',
    },
    {
      name: 'status filter',
      query: { ...BASE, filters: { statuses: ['in_progress'] } },
      where: "WHERE s.status = 'in_progress'",
      params: [],
      countSql: "SELECT count(*) FROM user_initiative_state WHERE status = 'in_progress'",
      countParams: [],
      orderBy: ORDER,
      sorted: true,
    },
    ...SEARCHES.map(({ label, term }) => {
      const hits = hitsSql(term);
      return {
        name: label,
        query: { ...BASE, search: term },
        where: `WHERE k.initiative_id IN (${hits.sql})`,
        params: hits.params,
        countSql: `SELECT count(DISTINCT key) FROM (${hits.sql})`,
        countParams: hits.params,
        orderBy: ORDER,
        sorted: true,
      };
    }),
  ];
}

/** The same page as one statement: rows in order straight off the order's index, each joined
 *  to its text and the reader's fields, the per-row subqueries run for the 50 rows only. */
const RAW_COLUMNS = `
  i.id, i.plan_id AS planId, coalesce(u.title, p.title) AS planTitle, i.theme_id AS themeId, t.ordinal AS themeOrdinal, t.headline AS themeHeadline,
  i.ordinal, i.numeral, i.headline, s.status, s.priority, s.lead_unit AS leadUnit,
  s.responsible_units AS responsibleUnits, s.deadline, s.progress_note AS progressNote, s.touched_at AS touchedAt,
  coalesce(s.revision, 0) AS revision,
  (SELECT count(*) FROM user_annotations a WHERE a.item_id = i.id AND a.kind = 'highlight' AND a.deleted_at IS NULL) AS highlightCount,
  (SELECT count(*) FROM user_annotations a WHERE a.item_id = i.id AND a.kind = 'note' AND a.deleted_at IS NULL) AS noteCount,
  (SELECT json_group_array(g.tag ORDER BY g.rowid) FROM user_initiative_tags g WHERE g.initiative_id = i.id) AS tags,
  (SELECT json_group_array(li.text ORDER BY l.ordinal, li.ordinal) FROM plan_lists l
     JOIN list_items li ON li.list_id = l.id WHERE l.initiative_id = i.id) AS industries`;

/** The floor: the page's rows and total with the best SQL written by hand for this one query
 *  (no query builder, no facets), statements prepared once, as the core's are. */
function rawPager(db: Database.Database, s: Scenario): () => Pick<TablePage, 'rows' | 'total'> {
  const joins = `JOIN themes t ON t.id = i.theme_id JOIN plans p ON p.id = i.plan_id
     LEFT JOIN user_plan_state u ON u.plan_id = i.plan_id AND u.title <> ''
     LEFT JOIN user_initiative_state s ON s.initiative_id = i.id`;
  const terms = s.orderBy.replace(/^ORDER BY /, '').split(', ');
  const rows = db.prepare(
    s.sorted
      ? `SELECT ${RAW_COLUMNS} FROM (SELECT k.initiative_id AS id, ${terms.map((t, n) => `${t} AS o${n}`).join(', ')}
           FROM initiative_sort_keys k LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id
           ${s.where} ${s.orderBy} LIMIT 50) pg
         CROSS JOIN initiatives i ON i.id = pg.id ${joins} ORDER BY ${terms.map((_, n) => `pg.o${n}`).join(', ')}`
      : `SELECT ${RAW_COLUMNS} FROM initiative_sort_keys k JOIN initiatives i ON i.id = k.initiative_id
     JOIN themes t ON t.id = k.theme_id JOIN plans p ON p.id = k.plan_id
     LEFT JOIN user_plan_state u ON u.plan_id = k.plan_id AND u.title <> ''
     LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id
     ${s.where} ${s.orderBy} LIMIT 50`,
  );
  const total = db.prepare(s.countSql).pluck();
  return () =>
    db.transaction(() => ({
      rows: (rows.all(...s.params) as (Omit<InitiativeRow, 'shortId' | 'tags' | 'industries'> & {
        tags: string;
        industries: string;
      })[]).map((r) => ({
        ...r,
        shortId: `T${r.themeOrdinal}·I${r.ordinal}`,
        tags: JSON.parse(r.tags) as string[],
        industries: JSON.parse(r.industries) as string[],
      })),
      total: total.get(...s.countParams) as number,
    }))();
}

export function measurePages(ctx: SuiteContext, db: Db, initiatives: number): void {
  for (const s of scenarios()) {
    const rawPage = rawPager(db, s);
    const core = queryTable(db, s.query);
    const raw = rawPage();
    if (!isDeepStrictEqual({ rows: core.rows, total: core.total }, raw)) {
      throw new Error(`table ${s.name}: the floor gives a different page from table.query; fix it before comparing`);
    }
    const r = runAb(
      sampleCount(ctx, 15, 5),
      () => measure(() => queryTable(db, s.query)).ms,
      () => measure(rawPage).ms,
    );
    ctx.record(
      ratioMeasurement(SUITE, `table ${s.name}`, ['core', 'floor'], r, {
        note: `${core.total} of ${initiatives} in scope`,
        detail: { initiatives, matching: core.total },
      }),
    );
  }
}

/** The five facets' counts by hand: one GROUP BY each over the rows in scope (unset statuses
 *  and priorities as the remainder, as anyone would count them with an index on the column). */
function rawFacets(db: Database.Database, s: Scenario): () => Map<string, number>[] {
  const keys = `SELECT k.initiative_id FROM initiative_sort_keys k LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id ${s.where}`;
  const scoped = s.where === '';
  const plan = db.prepare(`SELECT k.plan_id, count(*) FROM initiative_sort_keys k LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id ${s.where} GROUP BY k.plan_id`).raw();
  const theme = db.prepare(`SELECT k.theme_id, count(*) FROM initiative_sort_keys k LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id ${s.where} GROUP BY k.theme_id`).raw();
  const byState = (column: string) =>
    db
      .prepare(
        scoped
          ? `SELECT ${column}, count(*) FROM user_initiative_state WHERE ${column} IS NOT NULL GROUP BY ${column}`
          : `SELECT ${column}, count(*) FROM user_initiative_state WHERE ${column} IS NOT NULL AND initiative_id IN (${keys}) GROUP BY ${column}`,
      )
      .raw();
  const status = byState('status');
  const priority = byState('priority');
  const tags = db
    .prepare(
      scoped
        ? 'SELECT tag, count(*) FROM user_initiative_tags GROUP BY tag'
        : `SELECT tag, count(*) FROM user_initiative_tags WHERE initiative_id IN (${keys}) GROUP BY tag`,
    )
    .raw();
  const total = db.prepare(s.countSql).pluck();
  return () =>
    db.transaction(() => {
      const n = total.get(...s.countParams) as number;
      const withUnset = (rows: [string, number][]) => {
        const m = new Map(rows);
        m.set('null', n - rows.reduce((sum, [, c]) => sum + c, 0));
        return m;
      };
      return [
        new Map(plan.all(...s.params) as [string, number][]),
        new Map(theme.all(...s.params) as [string, number][]),
        withUnset(status.all(...s.params) as [string, number][]),
        withUnset(priority.all(...s.params) as [string, number][]),
        new Map(tags.all(...s.params) as [string, number][]),
      ];
    })();
}

/** Facet counts, as a menu asks for them (table.facets, all five in turn), against their floor,
 *  in the scenarios without a facet selection of their own. */
export function measureFacets(ctx: SuiteContext, db: Db, initiatives: number): void {
  for (const s of scenarios().filter((x) => ['first page', 'search selective'].includes(x.name))) {
    const { offset: _o, limit: _l, facets: _f, ...query } = s.query;
    const core = () => FACET_NAMES.map((f) => queryFacet(db, query, f));
    const raw = rawFacets(db, s);
    const nonZero = (entries: [string | null, number][]) =>
      new Map(entries.filter(([, n]) => n > 0).map(([v, n]) => [String(v), n]));
    const got = core().map((list) => nonZero(list.map((e) => [e.value, e.count])));
    const want = raw().map((m) => nonZero([...m]));
    if (!isDeepStrictEqual(got, want)) throw new Error(`facets ${s.name}: the floor counts differently from table.facets`);
    const r = runAb(sampleCount(ctx, 15, 5), () => measure(core).ms, () => measure(raw).ms);
    ctx.record(
      ratioMeasurement(SUITE, `facets ${s.name}`, ['core', 'floor'], r, {
        note: `5 facets, ${got[1]!.size} themes listed; as the menus ask (each its own request)`,
        detail: { initiatives, themes: got[1]!.size },
      }),
    );
  }
}

function measureSearch(ctx: SuiteContext, db: Db, initiatives: number): void {
  const fields = ['headline', 'body', 'theme'];
  const like = db.prepare(
    `SELECT i.id FROM initiatives i JOIN themes t ON t.id = i.theme_id
     WHERE i.headline LIKE @q OR i.body LIKE @q OR t.headline LIKE @q`,
  ).pluck();
  // A common, a selective and a rare term (SEARCHES), a very common 2-character word, longer
  // terms, and one character.
  for (const query of [...SEARCHES.map((x) => x.term), '改革', '营商环境', '新质生产力', '数']) {
    const bigram = new Set(searchKeys(db, query, fields));
    const scan = like.all({ q: `%${query}%` }) as string[];
    const found = scan.filter((id) => bigram.has(id)).length;
    const recall = scan.length === 0 ? 1 : found / scan.length;
    if (recall !== 1 || bigram.size !== scan.length) {
      throw new Error(`search ${query}: bigram index found ${bigram.size}, LIKE ${scan.length} (recall ${recall})`);
    }
    const r = runAb(
      sampleCount(ctx, 15, 5),
      () => measure(() => searchKeys(db, query, fields)).ms,
      () => measure(() => like.all({ q: `%${query}%` })).ms,
    );
    ctx.record(
      ratioMeasurement(SUITE, `search ${query}`, ['bigram', 'like'], r, {
        note: `“${query}”: ${scan.length} of ${initiatives} initiatives, recall ${recall.toFixed(1)}`,
        detail: { query, hits: scan.length, recall, initiatives },
      }),
    );
  }
}
