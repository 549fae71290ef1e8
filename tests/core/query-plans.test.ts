// EXPLAIN QUERY PLAN of the table's hot statements, as table.query builds them: the default
// order, a theme filter, a status filter, a headline sort by pinyin or stroke order and the row
// count each use an index — no full scan of the initiatives and, where an index gives the
// order, no temporary B-tree sort. On a corpus of a thousand initiatives without ANALYZE, as
// the app runs, so the planner decides as it will at 100k rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { updateLatest } from '../helpers/core';
import { ensureSortRanks, forgetKept, prepareQuery, queryFacetList, queryTable, READER_SORT_TUNING, tableStatements } from '../../electron/core/services/table/query';
import { candidatesSql } from '../../electron/core/services/table/candidates';
import { hitsByPlanSql, KEY_RANGE_COUNTS, SKIP_TUNING, STRAY_HITS } from '../../electron/core/services/table/skip';
import { candidateKeysSql, textTests } from '../../electron/core/services/table/hits';
import { pageRowsSql } from '../../electron/core/services/table/query-sql';
import { matchingKeysSql } from '../../electron/core/search/match';
import type { TableQuery } from '../../shared/domain/table';
import { articleText, generatePlan } from '../bench/corpus';
import { createTestCore } from '../helpers/core';
import { planOf as planDoc } from '../helpers/plan-docs';

// One database for the whole file (read-only queries), removed when the file is done.
let dir: string;
let core: Core;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefbook-plans-'));
  core = createTestCore(dir);
  const shape = { plans: 20, themesPerPlan: 5, initiativesPerTheme: 10 };
  for (let i = 0; i < shape.plans; i++) {
    const doc = generatePlan(5, i, shape);
    importPlan(core.db, doc, articleText(doc));
  }
  for (let i = 0; i < 40; i++) updateLatest(core.db, `bench-0000${String(i % 20).padStart(2, '0')}/T${1 + (i % 5)}/I1`, { status: 'done' });
  // A common status: a fifth of the initiatives.
  for (let i = 0; i < 200; i++) {
    updateLatest(core.db, `bench-0000${String(i % 20).padStart(2, '0')}/T${1 + (Math.floor(i / 20) % 5)}/I${2 + Math.floor(i / 100)}`, {
      status: 'in_progress',
      // Lead units on those rows (a sort by them reads their index): three values, ties.
      leadUnit: ['市经信局', '市发改委', 'Hangzhou DRC'][i % 3],
      // Free texts, mostly distinct (a sort by them walks the typed values' rank index).
      responsibleUnits: `${['市经信局', '市发改委', 'Hangzhou DRC'][i % 3]}、第${i % 40}组`,
      progressNote: `进展${i}`,
    });
  }
});
afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const BASE: TableQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 50 };

function planOf(statement: { sql: string; params: unknown[] }): string[] {
  return (core.db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as { detail: string }[]).map(
    (r) => r.detail,
  );
}

/** No step reads a table of plan rows (k = initiative_sort_keys, i = initiatives) without an index. */
function expectNoBareScan(plan: string[]): void {
  for (const step of plan) expect(step, plan.join(' | ')).not.toMatch(/^SCAN (k|i|initiative_sort_keys|initiatives)$/);
}

function pagePlan(query: Partial<TableQuery>): string[] {
  const plan = planOf(tableStatements(core.db, { ...BASE, ...query }).page);
  expectNoBareScan(plan);
  return plan;
}

/** The statements a query runs (each prepared statement's `all` and `get`), read value by value
 *  from 100 rows in scope on (READER_SORT_TUNING.minRows), deep pages skipped from offset 100. */
function statementsRun(on: Core, query: () => void, maxLeadUnits?: number): { sql: string; params: unknown[] }[] {
  const run: { sql: string; params: unknown[] }[] = [];
  const proto = Object.getPrototypeOf(on.db.prepare('SELECT 1')) as Record<'all' | 'get', (...params: unknown[]) => unknown>;
  const calls = { all: proto.all, get: proto.get };
  for (const method of ['all', 'get'] as const) {
    proto[method] = function (this: { source: string }, ...params: unknown[]) {
      run.push({ sql: this.source, params });
      return calls[method].apply(this, params);
    };
  }
  const saved = { from: SKIP_TUNING.from, minRows: READER_SORT_TUNING.minRows, maxLeadUnits: READER_SORT_TUNING.maxLeadUnits };
  SKIP_TUNING.from = 100;
  READER_SORT_TUNING.minRows = 100;
  if (maxLeadUnits !== undefined) READER_SORT_TUNING.maxLeadUnits = maxLeadUnits;
  try {
    query();
  } finally {
    Object.assign(proto, calls);
    SKIP_TUNING.from = saved.from;
    READER_SORT_TUNING.minRows = saved.minRows;
    READER_SORT_TUNING.maxLeadUnits = saved.maxLeadUnits;
  }
  return run;
}

describe('query plans of the table', () => {
  it('default order (plan, theme, initiative): walks an index in order, no sort', () => {
    expect(pagePlan({})).toEqual(['SCAN k USING COVERING INDEX initiative_sort_keys_by_plan']);
    expect(pagePlan({ filters: { planIds: ['bench-000003', 'bench-000007'] } })).toEqual([
      'SEARCH k USING COVERING INDEX initiative_sort_keys_by_plan (plan_id=?)',
    ]);
    expect(pagePlan({ planId: 'bench-000003' })).toEqual([
      'SEARCH k USING COVERING INDEX initiative_sort_keys_by_plan (plan_id=?)',
    ]);
  });

  it('filter by theme: searches the theme index, already in order', () => {
    expect(pagePlan({ filters: { themeIds: ['bench-000003/T2'] } })).toEqual([
      'SEARCH k USING COVERING INDEX initiative_sort_keys_by_theme (theme_id=?)',
    ]);
    expect(pagePlan({ planId: 'bench-000003', filters: { themeIds: ['bench-000003/T2', 'bench-000003/T4'] } })[0]).toMatch(
      /^SEARCH k USING (COVERING )?INDEX initiative_sort_keys_by_(theme \(theme_id=\?\)|plan \(plan_id=\?\))/,
    );
  });

  it('filter by status: searches the reader’s status index, then each row by key', () => {
    const plan = pagePlan({ filters: { statuses: ['done'] } });
    expect(plan).toContain('SEARCH s USING COVERING INDEX user_initiative_state_by_status (status=?)');
    expect(plan).toContain('SEARCH k USING PRIMARY KEY (initiative_id=?)');
  });

  it('filter by a common status: walks the default order’s index testing each row, no sort; a rare one is sorted', () => {
    const common = { ...BASE, filters: { statuses: ['in_progress'] } };
    const total = queryTable(core.db, common).total;
    expect(total).toBe(200);
    const walk = tableStatements(core.db, common).rows(total);
    expect(walk.form).toBe('walk');
    const plan = planOf(walk);
    expect(plan, plan.join(' | ')).toContain('SCAN k USING COVERING INDEX initiative_sort_keys_by_plan');
    expect(plan.filter((step) => step.startsWith('USE TEMP B-TREE FOR ORDER BY')), plan.join(' | ')).toEqual([]);
    // Deep in the list the walk would test most rows: the matches are collected and sorted.
    expect(tableStatements(core.db, { ...common, offset: 150 }).rows(total).form).toBe('nested');
    // 20 rows of 1,000 with 'done': the status index finds them, a sort orders them.
    const rare = { ...BASE, filters: { statuses: ['done'] } };
    const rows = tableStatements(core.db, rare).rows(queryTable(core.db, rare).total);
    expect(rows.form).toBe('nested');
    expect(planOf(rows)).toContain('SEARCH s USING COVERING INDEX user_initiative_state_by_status (status=?)');
  });

  it('filter by status within two plans: finds the plans’ rows by their index and tests each, not every row of the status', () => {
    const query = { ...BASE, filters: { statuses: ['in_progress'], planIds: ['bench-000003', 'bench-000007'] } };
    const rows = tableStatements(core.db, query).rows(queryTable(core.db, query).total);
    expect(rows.form).toBe('nested');
    const plan = planOf(rows);
    expect(plan, plan.join(' | ')).toContain('SEARCH k USING COVERING INDEX initiative_sort_keys_by_plan (plan_id=?)');
    expect(plan.some((step) => step.includes('user_initiative_state_by_status')), plan.join(' | ')).toBe(false);
  });

  it('a page deep in the default order under a status or priority: the plans before its plan passed by their kept counts, the plan index walked from that plan', () => {
    const saved = { ...SKIP_TUNING };
    SKIP_TUNING.from = 100;
    SKIP_TUNING.nearEndTests = 0;
    try {
      for (const filters of [{ statuses: ['in_progress'] }, { statuses: [null] }, { statuses: ['in_progress', null], priorities: [null] }]) {
        const total = queryTable(core.db, { ...BASE, filters }).total;
        for (const offset of [Math.floor(total / 2), total - 60]) {
          const query = { ...BASE, filters, offset };
          const rows = tableStatements(core.db, query).rows(total);
          expect(rows.form, `${JSON.stringify(filters)} at ${offset} of ${total}`).toBe('walk');
          const plan = planOf(rows);
          expectNoBareScan(plan);
          expect(plan, plan.join(' | ')).toContain('SEARCH k USING COVERING INDEX initiative_sort_keys_by_plan (plan_id>?)');
          // No sort: the walk stops with the page.
          expect(plan.filter((step) => /^USE TEMP B-TREE FOR (.* OF )?ORDER BY$/.test(step)), plan.join(' | ')).toEqual([]);
        }
      }
    } finally {
      Object.assign(SKIP_TUNING, saved);
    }
  });

  it('a page deep in the default order under the unset status, in a small library: counted by plan at the middle (the counts cost less than walking half the rows), walked from the end at the last page', () => {
    const saved = { ...SKIP_TUNING };
    SKIP_TUNING.from = 100;
    try {
      const filters = { statuses: [null] };
      const total = queryTable(core.db, { ...BASE, filters }).total;
      // About 760 of the 1,000 rows: the middle page is 380 rows from either end, under the
      // tests a walk from the nearer end is taken for at a million rows (SKIP_TUNING.nearEndTests).
      expect(Math.floor(total / 2) * (1000 / total)).toBeLessThan(SKIP_TUNING.nearEndTests);
      const form = (offset: number) => tableStatements(core.db, { ...BASE, filters, offset }).rows(total).form;
      expect(form(Math.floor(total / 2))).toBe('walk');
      expect(form(total - 60)).toBe('skip');
    } finally {
      Object.assign(SKIP_TUNING, saved);
    }
  });

  it('a page walked under one tag: tests each row by a seek in its tags, builds no list of every row having the tag', () => {
    for (const filters of [{ tags: ['数字'] }, { tags: ['数字'], statuses: ['in_progress'] }]) {
      const { scope, order } = prepareQuery(core.db, { ...BASE, filters });
      for (const start of [undefined, { key: ['bench-000007'], skip: 3 }]) {
        const plan = planOf(pageRowsSql(scope, order, { offset: 1000, limit: 50, ...(start ? { start } : {}) }, 'walk'));
        expectNoBareScan(plan);
        // At 1M initiatives that list was 40,000 rows for a page testing about 5,000 (the tag's
        // middle page statement 22 → 6.5 ms of CPU).
        expect(plan.some((step) => /^SEARCH g USING (COVERING )?INDEX \S+ \(initiative_id=\? AND tag=\?\)$/.test(step)), plan.join(' | ')).toBe(true);
        expect(plan.filter((step) => /user_initiative_tags_by_tag/.test(step)), plan.join(' | ')).toEqual([]);
        expect(plan.filter((step) => /^USE TEMP B-TREE FOR (.* OF )?ORDER BY$/.test(step)), plan.join(' | ')).toEqual([]);
      }
    }
  });

  it('count under one tag: sums the kept counts of that tag, reads no row; two tags count the rows having both', () => {
    expect(planOf(tableStatements(core.db, { ...BASE, filters: { tags: ['数字'] } }).count)).toEqual(['SCAN c']);
    expect(tableStatements(core.db, { ...BASE, filters: { tags: ['数字'] } }).count.sql).toContain('FROM initiative_tag_counts c');
    expect(tableStatements(core.db, { ...BASE, filters: { tags: ['数字', 'AI'] } }).count.sql).not.toContain('initiative_tag_counts');
  });

  it('count under a status filter: sums the kept counts of that status, reads no row', () => {
    expect(planOf(tableStatements(core.db, { ...BASE, filters: { statuses: ['done'] } }).count)).toEqual([
      'SEARCH c USING COVERING INDEX initiative_counts_by_status (status=?)',
    ]);
  });

  it.each([
    ['headline', 'pinyin'],
    ['headline', 'stroke'],
    ['theme', 'pinyin'],
    ['theme', 'stroke'],
  ] as const)('sort by %s (%s): walks the rank index in order, no sort', (column, collation) => {
    expect(pagePlan({ sort: [{ column, desc: false }], collation })).toEqual([
      `SCAN k USING COVERING INDEX initiative_sort_keys_by_${column}_${collation}`,
    ]);
  });

  it('a page deep in an order an index gives: the rows before it skipped in the index alone, from the nearer end', () => {
    const saved = SKIP_TUNING.from;
    SKIP_TUNING.from = 100;
    try {
      for (const [sort, index] of [
        [[], 'initiative_sort_keys_by_plan'],
        [[{ column: 'headline' as const, desc: false }], 'initiative_sort_keys_by_headline_pinyin'],
      ] as const) {
        for (const offset of [300, 900]) {
          const query = { ...BASE, sort: [...sort], offset };
          const rows = tableStatements(core.db, query).rows(queryTable(core.db, query).total);
          expect(rows.form).toBe('skip');
          const plan = planOf(rows);
          // The inner statement walks the index (backwards for the page near the end) and reads
          // nothing else; each of the page's rows is then found by its key.
          expect(plan, plan.join(' | ')).toContain(`SCAN k USING COVERING INDEX ${index}`);
          expect(plan.filter((step) => /^SCAN /.test(step) && !step.startsWith('SCAN k ')), plan.join(' | ')).toEqual(['SCAN pg']);
          expect(rows.sql.includes(' DESC'), rows.sql).toBe(offset === 900);
        }
      }
    } finally {
      SKIP_TUNING.from = saved;
    }
  });

  it.each([
    ['headline', 'pinyin'],
    ['theme', 'stroke'],
  ] as const)('descending sort by %s (%s), no empty text: reads the rank index backwards, sorting only runs of equal ranks', (column, collation) => {
    const query = { ...BASE, sort: [{ column, desc: true }], collation };
    const rows = tableStatements(core.db, query).rows(queryTable(core.db, query).total);
    const plan = planOf(rows);
    expectNoBareScan(plan);
    expect(rows.form).toBe('nested');
    expect(plan, plan.join(' | ')).toContain(`SCAN k USING COVERING INDEX initiative_sort_keys_by_${column}_${collation}`);
    expect(plan.filter((step) => step.startsWith('USE TEMP B-TREE FOR') && step.endsWith('ORDER BY')), plan.join(' | ')).toEqual([
      'USE TEMP B-TREE FOR LAST 3 TERMS OF ORDER BY',
    ]);
  });

  it.each([
    [[{ column: 'plan' as const, desc: false }], 0],
    [[{ column: 'plan' as const, desc: true }], 0],
    [[{ column: 'plan' as const, desc: false }, { column: 'headline' as const, desc: false }], 4],
    [[{ column: 'plan' as const, desc: true }, { column: 'theme' as const, desc: true }], 4],
  ])('plan sort across plans %j: reads the plans in their place index and each plan’s rows by its plan index, sorting at most each plan’s rows', (sort, sorted) => {
    const query = { ...BASE, sort };
    const rows = tableStatements(core.db, query).rows(queryTable(core.db, query).total);
    const plan = planOf(rows);
    expectNoBareScan(plan);
    expect(plan, plan.join(' | ')).toContain(`SCAN pr USING COVERING INDEX plan_ranks_pinyin_${sort[0]!.desc ? 'down' : 'up'}`);
    expect(plan.some((step) => /^SEARCH k USING (COVERING )?INDEX initiative_sort_keys_by_plan \(plan_id=\?\)$/.test(step)), plan.join(' | ')).toBe(true);
    // No sort of every row: none at all for the plan alone, each plan's rows by the second column.
    expect(plan.filter((step) => /^USE TEMP B-TREE FOR (.* OF )?ORDER BY$/.test(step)), plan.join(' | ')).toEqual(
      sorted ? [`USE TEMP B-TREE FOR LAST ${sorted} TERMS OF ORDER BY`] : [],
    );
  });

  it.each([
    [[{ column: 'headline' as const, desc: true }], 'initiative_sort_keys_by_headline_pinyin'],
    [[{ column: 'shortId' as const, desc: true }], 'initiative_sort_keys_by_order'],
    [[{ column: 'theme' as const, desc: false }, { column: 'headline' as const, desc: false }], 'initiative_sort_keys_by_theme_pinyin'],
  ])('a page deep in %j: starts at the run of the first term at its offset, found in that index alone', (sort, index) => {
    const saved = SKIP_TUNING.from;
    SKIP_TUNING.from = 100;
    try {
      for (const offset of [300, 900]) {
        const query = { ...BASE, sort, offset };
        const rows = tableStatements(core.db, query).rows(queryTable(core.db, query).total);
        expect(rows.form).toBe('skip');
        const plan = planOf(rows);
        expectNoBareScan(plan);
        // The page reads the index from the run on (a range), sorting runs, never every row.
        expect(plan.some((step) => step.startsWith(`SEARCH k USING `) && step.includes(index) && /[<>]/.test(step)), plan.join(' | ')).toBe(true);
        // The page's own rows may be sorted back at the top; inside, no sort of every row.
        expect(plan.slice(0, plan.indexOf('SCAN pg')), plan.join(' | ')).not.toContain('USE TEMP B-TREE FOR ORDER BY');
      }
    } finally {
      SKIP_TUNING.from = saved;
    }
  });

  it('count: sums the totals kept by plan (migration 0015), across plans or within one, reading no row', () => {
    // Not an index of every row: at a million rows its 6,578 pages were most of a fresh
    // connection's first page.
    expect(planOf(tableStatements(core.db, BASE).count)).toEqual(['SCAN c']);
    expect(planOf(tableStatements(core.db, { ...BASE, planId: 'bench-000003' }).count)).toEqual(['SEARCH c USING PRIMARY KEY (plan_id=?)']);
    // Under a theme: the rows of those themes, by their index.
    const themed = planOf(tableStatements(core.db, { ...BASE, filters: { themeIds: ['bench-000003/T1'] } }).count);
    expect(themed.join(' | ')).toMatch(/initiative_sort_keys_by_/);
    expect(themed.join(' | ')).not.toMatch(/initiative_plan_totals|SCAN c/);
  });

  it('the grouped layout by theme and the theme menu: read the totals kept by theme (migration 0021) with no sum and no sort; under a status, the kept counts by status', () => {
    const layoutOf = (query: Partial<TableQuery>) => {
      forgetKept(core.db);
      const run = statementsRun(core, () => queryTable(core.db, { ...BASE, groupBy: 'theme', facets: false, ...query }));
      // The layout's statement: each group's theme and count packed in one number.
      const layout = run.filter((s) => /^SELECT CASE WHEN c\.n < /.test(s.sql));
      expect(layout).toHaveLength(1);
      return { sql: layout[0]!.sql, plan: planOf(layout[0]!) };
    };
    for (const query of [{}, { filters: { planIds: ['bench-000002', 'bench-000004'] } }]) {
      const { sql, plan } = layoutOf(query);
      expect(sql).toMatch(/FROM initiative_theme_totals c/);
      expect(sql).not.toMatch(/initiative_counts|GROUP BY/);
      // Its key's order is the layout's: no sort step.
      expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
    }
    const underStatus = layoutOf({ filters: { statuses: ['in_progress'] } });
    expect(underStatus.sql).toMatch(/FROM initiative_counts c/);
    expect(underStatus.sql).not.toMatch(/initiative_theme_totals/);
    // The theme menu with no other condition counts off the same totals.
    forgetKept(core.db);
    const menu = statementsRun(core, () => queryFacetList(core.db, BASE, 'theme', { limit: 100 }));
    expect(menu.some((s) => /FROM initiative_theme_totals c/.test(s.sql))).toBe(true);
    expect(menu.some((s) => /FROM initiative_counts c/.test(s.sql))).toBe(false);
  });

  it('search: finds candidates through the FTS5 index and each document by its rowid', () => {
    const plan = planOf(matchingKeysSql('数字', ['headline', 'body'])!);
    expect(plan.some((s) => /^SCAN search_fts VIRTUAL TABLE INDEX/.test(s))).toBe(true);
    expect(plan).toContain('SEARCH d USING INTEGER PRIMARY KEY (rowid=?)');
    expect(pagePlan({ search: '数字' })).toContain('SEARCH k USING PRIMARY KEY (initiative_id=?)');
  });

  it('a search walked under a status or priority: tests them on the sort keys’ copies, not through the reader’s state joined after', () => {
    // The state joined is a later loop than the sort keys: SQLite tested each row's text, the
    // dear test, on every row walked before its status (at 1M initiatives 低空 under a status,
    // a first page: 23,500 texts read for 200 rows).
    for (const filters of [{ statuses: ['in_progress'] }, { priorities: ['high' as const] }, { statuses: [null, 'done'] }]) {
      const query = { ...BASE, search: '数字', filters };
      const { scope, order } = prepareQuery(core.db, query, undefined, textTests(query.search, undefined));
      const walk = pageRowsSql(scope, order, { offset: 0, limit: 50 }, 'walk');
      const plan = planOf(walk);
      expect(plan.some((step) => /^SCAN k USING (COVERING )?INDEX initiative_sort_keys_by_plan$/.test(step)), plan.join(' | ')).toBe(true);
      // The page's rows are read joined to their state (the outer statement); the walk is not.
      const inner = walk.sql.slice(walk.sql.indexOf('FROM (') + 6, walk.sql.lastIndexOf(') pg CROSS JOIN'));
      expect(inner).not.toMatch(/user_initiative_state s\b|\bs\.(status|priority)\b/);
      expect(inner).toMatch(/\+k\.(status|priority)\b/);
    }
  });

  it('a search’s hits counted plan by plan (a deep page starts at its plan): along the plan index with no sort when dense, else from the hits', () => {
    // prepareQuery fills the hit set the statements read.
    const { scope } = prepareQuery(core.db, { ...BASE, search: '发展' });
    expect(scope.hits).toBe(true);
    const dense = planOf(hitsByPlanSql(scope, true));
    expect(dense.some((step) => /^SCAN k USING COVERING INDEX initiative_sort_keys_by_plan$/.test(step)), dense.join(' | ')).toBe(true);
    expect(dense.filter((step) => /TEMP B-TREE/.test(step)), dense.join(' | ')).toEqual([]);
    const sparse = planOf(hitsByPlanSql(scope, false));
    expect(sparse, sparse.join(' | ')).toContain('SEARCH k USING PRIMARY KEY (initiative_id=?)');
    expect(sparse.some((step) => /^SCAN h\b/.test(step)), sparse.join(' | ')).toBe(true);
    expectNoBareScan(sparse);
  });

  it('a search’s hits counted plan by plan off their key ranges: each plan’s range of the hit set stepped through, no hit’s row looked up but the few named stray', () => {
    prepareQuery(core.db, { ...BASE, search: '发展' });
    const ranges = planOf({ sql: KEY_RANGE_COUNTS, params: ['[]'] });
    expect(ranges, ranges.join(' | ')).toContain('SEARCH h USING PRIMARY KEY (id>? AND id<?)');
    expect(ranges.some((step) => /^SCAN p\b/.test(step)), ranges.join(' | ')).toBe(true);
    expect(ranges.filter((step) => /TEMP B-TREE|\bk\b/.test(step)), ranges.join(' | ')).toEqual([]);
    // The named keys drive: each found in the hit set, then its row.
    const strays = planOf({ sql: STRAY_HITS, params: [] });
    expect(strays, strays.join(' | ')).toEqual(['SCAN s', 'SEARCH h USING PRIMARY KEY (id=?)', 'SEARCH k USING PRIMARY KEY (initiative_id=?) LEFT-JOIN']);
  });

  it('a search answered from its candidates: the index names them, each row found by its key, not the order walked', () => {
    for (const query of [{ ...BASE, search: '数字经济' }, { ...BASE, search: '数字经济', sort: [{ column: 'status' as const, desc: false }], filters: { statuses: ['done'] } }]) {
      const { scope, order } = prepareQuery(core.db, query, undefined, textTests(query.search, undefined));
      const plan = planOf(candidatesSql(scope, order, candidateKeysSql(query.search, undefined)!));
      expectNoBareScan(plan);
      expect(plan.some((s) => /^SCAN search_fts VIRTUAL TABLE INDEX/.test(s)), plan.join(' | ')).toBe(true);
      expect(plan).toContain('SEARCH d USING INTEGER PRIMARY KEY (rowid=?)');
      expect(plan).toContain('SEARCH k USING PRIMARY KEY (initiative_id=?)');
      expect(plan.some((s) => /initiative_sort_keys_by_plan/.test(s)), plan.join(' | ')).toBe(false);
    }
  });

  it.each([
    ['status', false, 0, 'status'],
    ['status', true, 0, 'status'],
    ['status', false, 600, 'status'],
    ['touchedAt', true, 0, 'touched'],
    ['touchedAt', false, 500, 'touched'],
    ['priority', false, 300, 'priority'],
    ['leadUnit', false, 0, 'lead_unit'],
    ['leadUnit', true, 0, 'lead_unit'],
    ['leadUnit', true, 150, 'lead_unit'],
    ['leadUnit', false, 600, 'lead_unit'],
    ['responsibleUnits', false, 0, 'responsible_units'],
    ['responsibleUnits', true, 0, 'responsible_units'],
    ['progressNote', true, 150, 'progress_note'],
    ['progressNote', false, 600, 'progress_note'],
    // More lead units in use than read one range each: the rank index walked.
    ['leadUnit', false, 0, 'lead_unit', 2],
    ['leadUnit', true, 100, 'lead_unit', 2],
  ] as const)('a sort by a reader’s field (%s, descending %s, offset %i): its rows read off the field’s index, no sort of the rows in scope', (column, desc, offset, index, maxLeadUnits?: number) => {
    // Every statement the page runs, those prepared by an earlier case too (an ascending and a
    // descending lead-unit sort run the same statements, the segments in turn reversed).
    const run = statementsRun(core, () => queryTable(core.db, { ...BASE, sort: [{ column, desc }], offset, limit: 50 }), maxLeadUnits);
    // The statements reading rows (not counting them) from the sort keys by the field's copy
    // (not the others the query runs, such as the ranks' upkeep).
    const counts = /^\s*SELECT (\(SELECT )?(count\(\*\)|ifnull\(sum\(c\.n\))/;
    const pages = run.filter((s) => /^\s*SELECT\b/.test(s.sql) && !counts.test(s.sql) && /initiative_sort_keys k/.test(s.sql) && s.sql.includes(`k.${index}`));
    expect(pages.length, run.map((s) => s.sql).join('\n')).toBeGreaterThan(0);
    for (const statement of pages) {
      const plan = planOf(statement);
      expectNoBareScan(plan);
      // Runs of equal values put back in default order (descending) are sorted, and a page
      // picked first (nested, skipped) its own rows at the top; the rows in scope never are.
      const steps = core.db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as { parent: number; detail: string }[];
      const picked = /\) pg CROSS JOIN/.test(statement.sql);
      expect(steps.filter((step) => step.detail === 'USE TEMP B-TREE FOR ORDER BY' && (step.parent !== 0 || !picked)), plan.join(' | ')).toEqual([]);
      expect(plan.some((step) => step.includes(`initiative_sort_keys_by_${index} `) || step.endsWith(`initiative_sort_keys_by_${index}`)), plan.join(' | ')).toBe(true);
      // A free text's rows with a value: the typed values walked in their rank index's order.
      if (/\btv\.pinyin\b/.test(statement.sql)) expect(plan.some((step) => /^(SCAN|SEARCH) tv USING COVERING INDEX text_sort_keys_by_pinyin\b/.test(step)), plan.join(' | ')).toBe(true);
    }
    if (column === 'responsibleUnits' || column === 'progressNote' || maxLeadUnits !== undefined) expect(pages.some((s) => /\btv\.pinyin\b/.test(s.sql)), run.map((s) => s.sql).join('\n')).toBe(offset < 200);
  });
});

/** Some priorities (high and low, none medium) on rows with a status: counted before a deep
 *  page's unset rows. The same values however often it runs. */
function setPriorities(): void {
  for (let i = 0; i < 50; i++) {
    updateLatest(core.db, `bench-0000${String(i % 20).padStart(2, '0')}/T${1 + (Math.floor(i / 20) % 5)}/I${2 + Math.floor(i / 100)}`, { priority: i < 30 ? 'high' : 'low' });
  }
}

describe('query plans of the table, a deep page of a status or priority sort', () => {
  beforeAll(setPriorities);

  it.each([
    ['status', false],
    ['status', true],
    ['priority', false],
  ] as const)('%s (descending %s), no condition: counts the values before the page off the field’s sort-key index, not by summing the kept counts', (column, desc) => {
    // As first asked: the counts kept from an earlier case forgotten.
    forgetKept(core.db);
    const run = statementsRun(core, () => queryTable(core.db, { ...BASE, sort: [{ column, desc }], offset: 900, limit: 50, facets: false }));
    const counts = run.filter((s) => /^\s*SELECT \(SELECT count\(\*\)|^\s*SELECT count\(\*\) AS n\b/.test(s.sql) && s.sql.includes(`k.${column}`));
    expect(counts.length, run.map((s) => s.sql).join('\n')).toBeGreaterThan(0);
    for (const statement of counts) {
      const plan = planOf(statement);
      expectNoBareScan(plan);
      expect(plan.some((step) => step.includes(`initiative_sort_keys_by_${column} `)), plan.join(' | ')).toBe(true);
    }
    expect(run.filter((s) => /\binitiative_counts\b/.test(s.sql)).map((s) => s.sql)).toEqual([]);
  });
});

describe('query plans of the table, a status or priority sort reads only the values some row has', () => {
  it.each([
    ['status', false, 0],
    ['status', true, 0],
    ['status', true, 900],
    ['status', false, 900],
    ['priority', true, 0],
    ['priority', false, 900],
  ] as const)('%s (descending %s, offset %i): no statement for an option no row has, nor for a range of statuses outside the options holding none', (column, desc, offset) => {
    forgetKept(core.db);
    const run = statementsRun(core, () => queryTable(core.db, { ...BASE, sort: [{ column, desc }], offset, limit: 50, facets: false }));
    // The rows have the statuses done and in_progress (of the options not_started, in_progress,
    // done, watching), the priorities high and low: each segment read or counted cost a statement, so a
    // descending status sort's first page read four empty ones (the ranges of statuses outside
    // the options, the option watching) before its rows.
    const used = core.db.prepare(`SELECT DISTINCT ${column} FROM initiative_sort_keys WHERE ${column} IS NOT NULL`).pluck().all() as string[];
    expect(used.length).toBeGreaterThan(0);
    const reads = run.filter((s) => new RegExp(`\\b[kc]\\.${column}\\b`).test(s.sql));
    expect(reads.length, run.map((s) => s.sql).join('\n')).toBeGreaterThan(0);
    for (const statement of reads) {
      expect(statement.sql, statement.sql).not.toMatch(new RegExp(`\\b[kc]\\.${column} [<>]`));
      const equal = new RegExp(`\\b[kc]\\.${column} = \\?`).test(statement.sql);
      if (equal) expect(statement.params.filter((p) => typeof p === 'string' && !/^bench-/.test(p)).every((p) => used.includes(p as string)), `${statement.sql} ${JSON.stringify(statement.params)}`).toBe(true);
    }
  });
});

describe('query plans of the table’s plan menu', () => {
  it.each([
    ['no condition', 'initiative_plan_totals', {}],
    ['within one plan', 'initiative_plan_totals', { planId: 'bench-000003' }],
    ['under a status', 'initiative_counts', { filters: { statuses: ['in_progress'] } }],
  ] as [string, string, Partial<TableQuery>][])('%s: counts the plans from %s (one row a plan with no condition but plans), as the menu first opens and with a text typed', (_, table, query) => {
    for (const listing of [{ limit: 100 }, { limit: 100, match: '规划' }, {}]) {
      const run = statementsRun(core, () => queryFacetList(core.db, { ...BASE, ...query }, 'plan', listing));
      const counting = run.filter((s) => /\binitiative_(plan_totals|counts)\b/.test(s.sql));
      expect(counting.length, run.map((s) => s.sql).join('\n')).toBe(1);
      expect(counting[0]!.sql).toContain(table);
      expectNoBareScan(planOf(counting[0]!));
    }
  });
});

describe('query plans of the table, a page of a reader’s field sort past every row with a value', () => {
  beforeAll(setPriorities);

  it.each([
    ['status', false],
    ['status', true],
    ['priority', false],
  ] as const)('%s (descending %s): counts the rows with a value in one statement, not value by value', (column, desc) => {
    forgetKept(core.db);
    const run = statementsRun(core, () => queryTable(core.db, { ...BASE, sort: [{ column, desc }], offset: 600, limit: 50, facets: false }));
    // The rows have two statuses and two priorities, on fewer than 600 rows.
    const counts = run.filter((s) => /^\s*SELECT \(SELECT count\(\*\)|^\s*SELECT count\(\*\) AS n\b/.test(s.sql) && s.sql.includes(`k.${column}`));
    expect(counts.map((s) => s.sql.match(new RegExp(`k\\.${column} (IS NOT NULL|= \\?)`))?.[0]), run.map((s) => s.sql).join('\n')).toEqual([`k.${column} IS NOT NULL`]);
    for (const statement of counts) expect(planOf(statement).some((step) => step.includes(`initiative_sort_keys_by_${column} `))).toBe(true);
  });
});

describe('query plans of the table, some headlines and themes empty', () => {
  // Its own library: the file's has no empty text, which the descending sorts above rely on.
  let emptyDir: string;
  let withEmpty: Core;
  beforeAll(() => {
    emptyDir = mkdtempSync(join(tmpdir(), 'briefbook-plans-empty-'));
    withEmpty = createTestCore(emptyDir);
    for (let i = 0; i < 10; i++) {
      const doc = generatePlan(5, i, { plans: 10, themesPerPlan: 5, initiativesPerTheme: 10 });
      importPlan(withEmpty.db, doc, articleText(doc));
    }
    importPlan(withEmpty.db, planDoc('empty', [{ headline: '', initiatives: ['', '数字经济', ''] }, { headline: '主题', initiatives: ['', '一'] }]), 'empty');
    // Ranked before the statements are watched (the ranks' upkeep reads every row).
    ensureSortRanks(withEmpty.db);
  });
  afterAll(() => {
    withEmpty.close();
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it.each([
    ['headline', 'pinyin', 0],
    ['headline', 'stroke', 480],
    ['theme', 'pinyin', 250],
    ['theme', 'stroke', 0],
  ] as const)('descending sort by %s (%s, offset %i): the ranked rows read off the rank index backwards, the empty ones after them, never every row sorted', (column, collation, offset) => {
    const query = { ...BASE, sort: [{ column, desc: true }], collation, offset };
    const run = statementsRun(withEmpty, () => queryTable(withEmpty.db, query));
    const index = `initiative_sort_keys_by_${column}_${collation}`;
    const counts = /^\s*SELECT (\(SELECT )?count\(\*\)/;
    const pages = run.filter((s) => /^\s*SELECT\b/.test(s.sql) && !counts.test(s.sql) && s.sql.includes(`k.${column}_${collation}`));
    expect(pages.length, run.map((s) => s.sql).join('\n')).toBeGreaterThan(0);
    for (const statement of pages) {
      const steps = withEmpty.db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as { parent: number; detail: string }[];
      const plan = steps.map((step) => step.detail);
      expectNoBareScan(plan);
      expect(plan.some((step) => step.includes(`${index} `) || step.endsWith(index)), `${statement.sql}\n${plan.join(' | ')}`).toBe(true);
      // Runs of equal ranks are put back in default order, and a page picked first sorts its
      // own rows at the top; the rows in scope are never sorted whole.
      const picked = /\) pg CROSS JOIN/.test(statement.sql);
      expect(steps.filter((step) => step.detail === 'USE TEMP B-TREE FOR ORDER BY' && (step.parent !== 0 || !picked)), plan.join(' | ')).toEqual([]);
    }
  });
});
