// Suite "table": the initiative table at corpus scale (100k initiatives by default). The first
// page of table.query — default order, headline sorted by pinyin, a status filter, a
// 2-character Chinese search — against raw better-sqlite3 running hand-written SQL for the same
// page (rows, total, facet counts) on the same database; and the bigram search against
// LIKE '%…%' over the same texts, which must find the same initiatives (recall 1.0).
import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { importPlan } from '../../../electron/core/plan/store';
import { refreshDerivedData } from '../../../electron/core/refresh-derived';
import { updateLatest } from '../../helpers/core';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { queryTable } from '../../../electron/core/services/table/query';
import { searchKeys } from '../../../electron/core/search/match';
import { matchExpression } from '../../../electron/core/search/tokens';
import {
  DEFAULT_STATUS_OPTIONS,
  PRIORITIES,
  type FacetCount,
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

const BASE: TableQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 50 };

interface Scenario {
  name: string;
  query: TableQuery;
  /** Joins and WHERE of the rows in scope, and the rows in scope without the status filter. */
  scope: { from: string; params: unknown[] };
  unfilteredStatus?: { from: string; params: unknown[] };
  orderBy: string;
}

function scenarios(): Scenario[] {
  const all = { from: 'FROM initiative_sort_keys k', params: [] };
  // Across plans, the default order keeps each plan's rows together.
  const order = 'ORDER BY k.plan_id, k.theme_ordinal, k.ordinal, k.initiative_id';
  const search = '低空'; // 低空经济: a term in a few percent of the corpus
  const fields = ['headline', 'body', 'theme', 'leadUnit', 'responsibleUnits', 'progressNote', 'tags'];
  return [
    { name: 'first page', query: BASE, scope: all, orderBy: order },
    {
      name: 'pinyin sort',
      query: { ...BASE, sort: [{ column: 'headline', desc: false }] },
      scope: all,
      orderBy: 'ORDER BY k.headline_pinyin, k.theme_ordinal, k.ordinal, k.initiative_id',
    },
    {
      name: 'status filter',
      query: { ...BASE, filters: { statuses: ['in_progress'] } },
      scope: {
        from: "FROM initiative_sort_keys k JOIN user_initiative_state s0 ON s0.initiative_id = k.initiative_id WHERE s0.status = 'in_progress'",
        params: [],
      },
      unfilteredStatus: all,
      orderBy: order,
    },
    {
      name: 'search 2 chars',
      query: { ...BASE, search },
      scope: {
        // Two characters are one bigram token: the index match is exact by itself.
        from: `FROM initiative_sort_keys k WHERE k.initiative_id IN (SELECT d.key FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
          WHERE search_fts MATCH ? AND d.field IN (${fields.map(() => '?').join(', ')}))`,
        params: [matchExpression(search), ...fields],
      },
      orderBy: order,
    },
  ];
}

const RAW_ROWS = `
  SELECT i.id, i.plan_id AS planId, p.title AS planTitle, i.theme_id AS themeId, t.ordinal AS themeOrdinal, t.headline AS themeHeadline,
    i.ordinal, i.numeral, i.headline, s.status, s.priority, s.lead_unit AS leadUnit,
    s.responsible_units AS responsibleUnits, s.deadline, s.progress_note AS progressNote, s.touched_at AS touchedAt,
    coalesce(s.revision, 0) AS revision,
    (SELECT count(*) FROM user_annotations a WHERE a.initiative_id = i.id AND a.kind = 'highlight') AS highlightCount,
    (SELECT count(*) FROM user_annotations a WHERE a.initiative_id = i.id AND a.kind = 'note') AS noteCount,
    (SELECT json_group_array(g.tag ORDER BY g.rowid) FROM user_initiative_tags g WHERE g.initiative_id = i.id) AS tags,
    (SELECT json_group_array(li.text ORDER BY l.ordinal, li.ordinal) FROM plan_lists l
       JOIN list_items li ON li.list_id = l.id WHERE l.initiative_id = i.id) AS industries
  FROM json_each(?) j JOIN initiatives i ON i.id = j.value JOIN themes t ON t.id = i.theme_id
  JOIN plans p ON p.id = i.plan_id LEFT JOIN user_initiative_state s ON s.initiative_id = i.id ORDER BY j.key`;

/** The same page by hand: one statement per part, the way one would write it without our
 *  code; statements prepared once, as the core's are. */
function rawPager(db: Database.Database, s: Scenario): () => TablePage {
  const { from, params } = s.scope;
  const withState = (f: string) =>
    f.replace('FROM initiative_sort_keys k', 'FROM initiative_sort_keys k LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id');
  const statusScope = s.unfilteredStatus ?? s.scope;
  const total = db.prepare(`SELECT count(*) ${from}`).pluck();
  const page = db.prepare(`SELECT k.initiative_id ${from} ${s.orderBy} LIMIT 50`).pluck();
  const rowsOf = db.prepare(RAW_ROWS);
  const themeCounts = db.prepare(`SELECT k.theme_id, count(*) ${from} GROUP BY k.theme_id`).raw();
  const planCounts = db.prepare(`SELECT k.plan_id, count(*) ${from} GROUP BY k.plan_id`).raw();
  const plans = db.prepare('SELECT id, title FROM plans').raw();
  const themes = db.prepare('SELECT id, headline, plan_id FROM themes ORDER BY plan_id, ordinal').raw();
  const statusCounts = db.prepare(`SELECT s.status, count(*) ${withState(statusScope.from)} GROUP BY s.status`).raw();
  const priorityCounts = db.prepare(`SELECT s.priority, count(*) ${withState(from)} GROUP BY s.priority`).raw();
  const tagCounts = db
    .prepare(
      `SELECT g.tag, count(*) ${from.replace('FROM initiative_sort_keys k', 'FROM user_initiative_tags g JOIN initiative_sort_keys k ON k.initiative_id = g.initiative_id')} GROUP BY g.tag`,
    )
    .raw();
  const collator = new Intl.Collator('zh');
  const counts = (rows: unknown[]) => new Map(rows as [string | null, number][]);
  const facet = (value: string | null, label: string, n: number | undefined): FacetCount => ({ value, label, count: n ?? 0 });
  return () => {
    const ids = page.all(...params) as string[];
    const rows = (rowsOf.all(JSON.stringify(ids)) as (Omit<InitiativeRow, 'shortId' | 'tags' | 'industries'> & {
      tags: string;
      industries: string;
    })[]).map((r) => ({
      ...r,
      shortId: `T${r.themeOrdinal}·I${r.ordinal}`,
      tags: JSON.parse(r.tags) as string[],
      industries: JSON.parse(r.industries) as string[],
    }));
    const byPlan = counts(planCounts.all(...params));
    const byTheme = counts(themeCounts.all(...params));
    // Plans by title, themes plan by plan in that order.
    const planOrder = (plans.all() as [string, string][]).sort(([ia, a], [ib, b]) => collator.compare(a, b) || (ia < ib ? -1 : 1));
    const planRank = new Map(planOrder.map(([id], n) => [id, n]));
    const themeRows = (themes.all() as [string, string, string][]).sort((a, b) => planRank.get(a[2])! - planRank.get(b[2])!);
    const byStatus = counts(statusCounts.all(...statusScope.params));
    const byPriority = counts(priorityCounts.all(...params));
    return {
      rows,
      total: total.get(...params) as number,
      facets: {
        plan: planOrder.map(([id, title]) => facet(id, title, byPlan.get(id))),
        theme: themeRows.map(([id, headline, planId]) => ({ ...facet(id, headline, byTheme.get(id)), planId })),
        status: [...STATUSES, null].map((k) => facet(k, k ?? '', byStatus.get(k))),
        priority: [...PRIORITIES, null].map((k) => facet(k, k ?? '', byPriority.get(k))),
        tags: [...counts(tagCounts.all(...params))]
          .map(([k, n]) => facet(k, k!, n))
          .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label)),
      },
      groups: [],
    };
  };
}

function measurePages(ctx: SuiteContext, db: Db, initiatives: number): void {
  for (const s of scenarios()) {
    const rawPage = rawPager(db, s);
    const core = queryTable(db, s.query);
    const raw = rawPage();
    if (!isDeepStrictEqual(core, raw)) {
      throw new Error(`table ${s.name}: the raw baseline gives a different page from table.query; fix it before comparing`);
    }
    const r = runAb(
      sampleCount(ctx, 15, 5),
      () => measure(() => queryTable(db, s.query)).ms,
      () => measure(rawPage).ms,
    );
    ctx.record(
      ratioMeasurement(SUITE, `table ${s.name}`, ['core', 'raw'], r, {
        note: `${initiatives} initiatives, ${core.total} matching, 50 rows + total + facets`,
        detail: { initiatives, matching: core.total },
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
  // A rare and a very common 2-character word, longer terms, and one character.
  for (const query of ['低空', '改革', '营商环境', '新质生产力', '数']) {
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
