// table.query against a plain-JavaScript model of the same rows (table-model.ts): hundreds of
// random queries — plan restriction, multi-column sorts in both collations, global search,
// faceted and per-column filters, grouping, paging — must give the model's rows, total, facet
// counts and groups exactly. Then the same rules once more as readable, hand-picked cases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { updateLatest } from '../helpers/core';
import { ensureSortRanks, forgetKept, prepareQuery, queryTable, READER_SORT_TUNING, tableStatements } from '../../electron/core/services/table/query';
import { libraryEntry, purgePlan, trashPlan, updateLibraryPlan } from '../../electron/core/services/library/library';
import { pageRowsSql } from '../../electron/core/services/table/query-sql';
import { SKIP_TUNING } from '../../electron/core/services/table/skip';
import { readRows, toRows } from '../../electron/core/services/table/rows';
import type { Result } from '../../shared/api/result';
import {
  DEFAULT_STATUS_OPTIONS,
  SORTABLE_COLUMNS,
  TEXT_FILTER_COLUMNS,
  type InitiativeRow,
  type Priority,
  type TablePage,
  type TableQuery,
  type TextFilterColumn,
  TableGroup,
} from '../../shared/domain/table';
import { articleText, generatePlan } from '../bench/corpus';
import { createTestCore } from '../helpers/core';
import { mixedText, pieceOf, Prng } from '../helpers/mixed-text';
import { modelPage, type ModelPlan, type ModelRow, type ModelTheme } from './table-model';
import { useTempDirs } from '../helpers/temp-dir';
import { addAnnotation } from '../helpers/annotations';
import { writeTransaction } from '../../electron/core/db/transaction';
import { RANK_GAP } from '../../electron/core/collation/spaced-ranks';
import Database from 'better-sqlite3';

const temp = useTempDirs();
let core: Core;
afterEach(() => core?.close());

const TAGS = ['数字', 'AI', 'ai', '重点', 'Green', '绿色低碳', '“新”'];
const UNITS = ['市发改委', '市科技局', '市经信局', 'Hangzhou DRC', '区政府', '市发改委、市科技局'];
const STATUSES = [null, 'not_started', 'in_progress', 'done', 'watching'];
const PLANS = ['hz-2024', 'bench-000000', 'bench-000001'];

/** The seeded plan, two generated ones, and the reader's work on most initiatives. */
function buildDataset(r: Prng): void {
  for (const index of [0, 1]) {
    const doc = generatePlan(42, index, { plans: 2, themesPerPlan: 4, initiativesPerTheme: 6 });
    importPlan(core.db, doc, articleText(doc));
  }
  const ids = (core.db.prepare('SELECT id FROM initiatives ORDER BY id').all() as { id: string }[]).map((x) => x.id);
  const day = () => `202${r.between(4, 5)}-${String(r.between(1, 12)).padStart(2, '0')}-${String(r.between(1, 28)).padStart(2, '0')}`;
  writeTransaction(core.db, () => {
    ids.forEach((id, n) => {
      if (r.chance(0.3)) return;
      updateLatest(
        core.db,
        id,
        {
          status: r.pick(STATUSES),
          priority: r.pick([null, 'high', 'medium', 'low'] as const),
          leadUnit: r.chance(0.3) ? null : r.pick(UNITS),
          responsibleUnits: r.chance(0.5) ? null : r.sample(UNITS, 2).join('、'),
          progressNote: r.chance(0.5) ? null : mixedText(r, 2, 20).trim() || null,
          deadline: r.chance(0.4) ? null : day(),
          tags: r.sample(TAGS, r.int(4)),
        },
        new Date(Date.UTC(2024, 5, 1, 0, 0, n)),
      );
    });
    // Some in the trash: the model counts only the others.
    for (let k = 0; k < 80; k++) {
      addAnnotation(core.db, { kind: r.pick(['highlight', 'note'] as const), itemId: r.pick(ids), trashed: r.chance(0.2) });
    }
  });
}

function loadModel(): { rows: ModelRow[]; themes: ModelTheme[]; plans: ModelPlan[] } {
  const bodies = core.db.prepare('SELECT id, body FROM initiatives').all() as { id: string; body: string }[];
  const rows = readRows(core.db, bodies.map((b) => b.id));
  const body = new Map(bodies.map((b) => [b.id, b.body]));
  const themes = core.db.prepare('SELECT id, plan_id AS planId, ordinal, headline FROM themes').all() as ModelTheme[];
  const plans = core.db.prepare('SELECT id, title FROM plans').all() as ModelPlan[];
  return { rows: rows.map((row) => ({ ...row, body: body.get(row.id)! })), themes, plans };
}

/** Puts `planId` in the trash and reads the model: `loaded` with every plan's rows, `model`
 *  without the trashed plan's (what the table shows). */
function trashedModel(planId: string): { loaded: ReturnType<typeof loadModel>; model: ReturnType<typeof loadModel> } {
  trashPlan(core.db, planId, libraryEntry(core.db, planId)!.revision, true);
  const loaded = loadModel();
  return { loaded, model: { ...loaded, rows: loaded.rows.filter((row) => row.planId !== planId) } };
}

function randomQuery(r: Prng, model: { rows: ModelRow[]; themes: ModelTheme[]; plans: ModelPlan[] }): TableQuery {
  const planId = r.chance(0.4) ? undefined : r.pick(PLANS);
  const pool = model.rows.filter((row) => planId === undefined || row.planId === planId);
  const some = <T>(items: readonly T[], max: number) => r.sample(items, r.between(1, max));
  const textOf = (row: ModelRow) =>
    r.pick([row.headline, row.body, row.themeHeadline, row.leadUnit ?? '', row.progressNote ?? '', ...row.tags, '']);
  const filters: TableQuery['filters'] = {};
  if (!planId && r.chance(0.3)) filters.planIds = some(PLANS, 2);
  if (r.chance(0.3)) filters.themeIds = some(model.themes.filter((t) => !planId || t.planId === planId).map((t) => t.id), 2);
  if (r.chance(0.3)) filters.statuses = some(STATUSES, 2);
  if (r.chance(0.25)) filters.priorities = some([null, 'high', 'medium', 'low'] as (Priority | null)[], 2);
  if (r.chance(0.25)) filters.tags = some(TAGS, 2);
  if (r.chance(0.25)) {
    const column = r.pick(TEXT_FILTER_COLUMNS) as TextFilterColumn;
    const row = r.pick(pool);
    const source = { headline: row.headline, leadUnit: row.leadUnit, responsibleUnits: row.responsibleUnits, progressNote: row.progressNote, industries: row.industries[0] ?? null }[column];
    filters.text = { [column]: source ? pieceOf(r, source, r.between(1, 3)) : r.pick(['市', 'x', '']) };
  }
  const search = r.chance(0.35) ? (r.chance(0.85) ? pieceOf(r, textOf(r.pick(pool)), r.between(1, 4)) : mixedText(r, 1, 3)) : '';
  const groupBy = r.pick([null, null, 'theme', 'status'] as const);
  // The groups the reader folded, named by the answer wherever their rows are (some not in scope).
  const folded =
    groupBy === 'theme'
      ? r.sample(model.themes.map((t) => t.id), r.int(4))
      : groupBy === 'status'
        ? r.sample([...DEFAULT_STATUS_OPTIONS.map((o) => o.key), null], r.int(3))
        : [];
  return {
    planId,
    sort: r.sample(SORTABLE_COLUMNS, r.int(4)).map((column) => ({ column, desc: r.chance(0.5) })),
    collation: r.pick(['pinyin', 'stroke'] as const),
    search: r.chance(0.2) ? search.toUpperCase() : search,
    filters,
    groupBy,
    offset: r.chance(0.5) ? 0 : r.int(30),
    limit: r.between(1, 60),
    ...(folded.length && r.chance(0.5) ? { groupKeys: folded } : {}),
  };
}

describe('table.query against the JavaScript model', () => {
  it('agrees on rows, total, facets and groups for 400 random queries', () => {
    core = createTestCore(temp.make());
    const r = new Prng(3);
    buildDataset(r);
    const model = loadModel();
    expect(model.rows.length).toBe(15 + 2 * 24);
    let nonEmpty = 0;
    for (let n = 0; n < 400; n++) {
      const q = randomQuery(r, model);
      const expected = modelPage(model.rows, model.themes, q, DEFAULT_STATUS_OPTIONS, model.plans);
      const actual = queryTable(core.db, q);
      if (expected.total > 0) nonEmpty++;
      expect(actual, `query ${n}: ${JSON.stringify(q)}`).toEqual(expected);
    }
    expect(nonEmpty).toBeGreaterThan(150); // most queries find something
  });

  it('names each group on the pages its rows are on, at its place in the counts, for grouped views paged through', () => {
    core = createTestCore(temp.make());
    const r = new Prng(23);
    buildDataset(r);
    const model = loadModel();
    for (let n = 0; n < 60; n++) {
      const random = randomQuery(r, model);
      const q = { ...random, groupBy: r.pick(['theme', 'status'] as const), groupKeys: undefined, offset: 0, limit: r.between(1, 9), facets: false };
      // Every group with its count, as a plain GROUP BY over the model's rows gives them.
      const whole = modelPage(model.rows, model.themes, { ...q, limit: 10_000 }, DEFAULT_STATUS_OPTIONS, model.plans);
      const named = new Map<number, TableGroup>();
      for (let offset = 0; offset < whole.total; offset += q.limit) {
        const page = queryTable(core.db, { ...q, offset });
        expect(page.groupCounts, `query ${n} at ${offset}`).toEqual(whole.groupCounts);
        // Each row of the page lies in a group the page names, at the row's place.
        page.rows.forEach((row, k) => {
          const at = offset + k;
          const group = page.groups.find((g) => g.firstRow <= at && at < g.firstRow + g.count);
          expect(group?.key, `query ${n}, row ${at}`).toBe(q.groupBy === 'theme' ? row.themeId : row.status);
        });
        for (const group of page.groups) named.set(group.index, group);
      }
      // Paged through, every group was named once, in order, with the model's counts and labels.
      expect([...named.keys()].sort((a, b) => a - b), `query ${n}`).toEqual(whole.groupCounts!.map((_, i) => i));
      expect([...named.values()].sort((a, b) => a.index - b.index), `query ${n}`).toEqual(whole.groups);
    }
  });

  it('gives the model’s page from every form of the page statement, flat, nested or walking, and runs flat and walking only without a sort step', () => {
    core = createTestCore(temp.make());
    const r = new Prng(11);
    buildDataset(r);
    const model = loadModel();
    ensureSortRanks(core.db);
    const forms = { flat: 0, nested: 0, walk: 0, skip: 0 };
    const sortSteps = (statement: { sql: string; params: unknown[] }) =>
      (core.db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as { parent: number; detail: string }[]).filter(
        (step) => /^USE TEMP B-TREE FOR (RIGHT PART OF |LAST TERM OF |LAST \d+ TERMS OF )?ORDER BY$/.test(step.detail),
      );
    for (let n = 0; n < 150; n++) {
      const q = randomQuery(r, model);
      const expected = modelPage(model.rows, model.themes, q, DEFAULT_STATUS_OPTIONS, model.plans);
      const { scope, order } = prepareQuery(core.db, q);
      for (const form of ['flat', 'nested', 'walk'] as const) {
        const statement = pageRowsSql(scope, order, { offset: q.offset, limit: q.limit }, form);
        const rows = toRows(core.db.prepare(statement.sql).all(...statement.params));
        expect(rows, `query ${n} (${form}): ${JSON.stringify(q)}`).toEqual(expected.rows);
      }
      const chosen = tableStatements(core.db, q).rows(expected.total);
      const sorts = sortSteps(chosen);
      forms[chosen.form]++;
      // Flat only when the index gives the order; the nested form sorts inside, never outside;
      // a walk never sorts.
      if (chosen.form === 'walk') expect(sorts, `query ${n}: ${JSON.stringify(q)}`).toEqual([]);
      else expect(sorts.filter((step) => step.parent === 0), `query ${n}: ${JSON.stringify(q)}`).toEqual([]);
    }
    // Flat and nested are in use across these queries (on so few rows a walk rarely pays;
    // query-plans.test.ts has it chosen where it does).
    expect(forms.flat).toBeGreaterThan(10);
    expect(forms.nested).toBeGreaterThan(10);
  });
});

describe('table.query at any offset', () => {
  it('gives the model’s page at every depth, the rows before a deep page skipped in the order’s index from the nearer end', () => {
    core = createTestCore(temp.make());
    const r = new Prng(17);
    buildDataset(r);
    // A plan in the trash: the skip leaves its rows out as the count does, from either end.
    const trashed = 'bench-000001';
    const { loaded, model } = trashedModel(trashed);
    ensureSortRanks(core.db);
    const saved = SKIP_TUNING.from;
    SKIP_TUNING.from = 1;
    const chosen = { flat: 0, nested: 0, walk: 0, skip: 0 };
    let fromEnd = 0;
    let started = 0;
    try {
      for (let n = 0; n < 400; n++) {
        // Half of them across every plan in an order an index gives: the trashed plan's rows
        // are then among those the skip passes.
        const random = randomQuery(r, loaded);
        const picked: TableQuery =
          n % 2
            ? random
            : {
                ...random,
                planId: undefined,
                filters: {},
                search: '',
                groupBy: null,
                sort: r.pick([[], ...(['headline', 'theme', 'shortId'] as const).map((column) => [{ column, desc: false }])]),
              };
        const { total } = modelPage(model.rows, model.themes, { ...picked, offset: 0 }, DEFAULT_STATUS_OPTIONS, model.plans);
        // Anywhere from the first row to just past the last, pages short beside the rows.
        const q = { ...picked, offset: r.int(total + 3), limit: r.between(1, 8), facets: false };
        const expected = modelPage(model.rows, model.themes, q, DEFAULT_STATUS_OPTIONS, model.plans);
        const { rows, total: count, totalExact, groups } = queryTable(core.db, q);
        expect({ rows, total: count, totalExact, groups }, `query ${n}: ${JSON.stringify(q)}`).toEqual({
          rows: expected.rows,
          total: expected.total,
          totalExact: true,
          groups: expected.groups,
        });
        // The skip form gives the model's page whatever the order, sorted or not.
        const { scope, order } = prepareQuery(core.db, q);
        const skip = pageRowsSql(scope, order, { offset: q.offset, limit: q.limit, total: expected.total }, 'skip');
        expect(toRows(core.db.prepare(skip.sql).all(...skip.params)), `query ${n} (skip): ${JSON.stringify(q)}`).toEqual(expected.rows);
        if (!q.search && !q.filters.text) {
          const { form, sql } = tableStatements(core.db, q).rows(expected.total);
          chosen[form]++;
          if (form === 'skip' && 2 * q.offset + q.limit > expected.total) fromEnd++;
          // Started at a row found beforehand, put right by the trashed plan's rows before it.
          if (form === 'skip' && /\) [<>]= \(\?/.test(sql)) started++;
        }
      }
    } finally {
      SKIP_TUNING.from = saved;
    }
    // Deep pages of index orders took the skip, some of them from the end.
    expect(chosen.skip).toBeGreaterThan(20);
    expect(fromEnd).toBeGreaterThan(10);
    expect(started).toBeGreaterThan(10);
  });
});

describe('table.query at any offset under a status, priority or tag filter', () => {
  it('gives the model’s page and total at every depth of the default order, deep pages started at their plan as the kept counts place it, with a plan in the trash', () => {
    core = createTestCore(temp.make());
    const r = new Prng(23);
    buildDataset(r);
    const trashed = 'bench-000000';
    const { model } = trashedModel(trashed);
    ensureSortRanks(core.db);
    const saved = { ...SKIP_TUNING };
    // Every page past the first row is deep, and none is left to a walk from the nearer end.
    SKIP_TUNING.from = 1;
    SKIP_TUNING.nearEndTests = 0;
    let started = 0;
    let startedTagged = 0;
    try {
      for (let n = 0; n < 400; n++) {
        const some = <T>(items: readonly T[], max: number) => r.sample(items, r.between(1, max));
        const filters: TableQuery['filters'] = {};
        // One tag is counted by plan too (initiative_tag_counts); several are not: those pages
        // take another form, still the model's. A tag alone or beside a few statuses (a tag on a
        // status is too sparse here for a walk).
        if (r.chance(0.35)) {
          filters.tags = r.chance(0.8) ? [r.pick(TAGS)] : some(TAGS, 2);
          if (r.chance(0.3)) filters.statuses = some(STATUSES, 4);
        } else {
          if (r.chance(0.7)) filters.statuses = some(STATUSES, 3);
          if (!filters.statuses || r.chance(0.4)) filters.priorities = some([null, 'high', 'medium', 'low'] as (Priority | null)[], 2);
        }
        if (r.chance(0.2)) filters.planIds = some(PLANS, 2);
        if (r.chance(0.15)) filters.themeIds = some(model.themes.map((t) => t.id), 3);
        const picked: TableQuery = { sort: [], collation: 'pinyin', search: '', filters, groupBy: null, offset: 0, limit: 1 };
        const { total } = modelPage(model.rows, model.themes, picked, DEFAULT_STATUS_OPTIONS, model.plans);
        // Pages short beside the rows: a walk of a sparse scope pays for a short page only.
        const q = { ...picked, offset: r.int(total + 3), limit: r.between(1, 4), facets: false };
        const expected = modelPage(model.rows, model.themes, q, DEFAULT_STATUS_OPTIONS, model.plans);
        const { rows, total: count, totalExact } = queryTable(core.db, q);
        expect({ rows, total: count, totalExact }, `query ${n}: ${JSON.stringify(q)}`).toEqual({ rows: expected.rows, total: expected.total, totalExact: true });
        const { form, sql } = tableStatements(core.db, q).rows(expected.total);
        if (form === 'walk' && sql.includes('(k.plan_id) >= (?)')) {
          started++;
          if (q.filters.tags?.length) startedTagged++;
        }
      }
    } finally {
      Object.assign(SKIP_TUNING, saved);
    }
    // Many deep pages started at their plan, some under a tag (the others: first rows, several
    // tags, pages past the end, scopes so sparse that the walk would test too many rows).
    expect(started).toBeGreaterThan(60);
    expect(startedTagged).toBeGreaterThan(10);
  });
});

/**
 * The model's page and total for `picked` at a random depth of its hits, now and then as first
 * asked (else with the counts kept from a page before); whether that page was walked from its
 * plan's start, as the hits counted by plan place it.
 */
function expectDeepPage(r: Prng, model: ReturnType<typeof loadModel>, picked: TableQuery, n: number): boolean {
  const { total } = modelPage(model.rows, model.themes, picked, DEFAULT_STATUS_OPTIONS, model.plans);
  const q = { ...picked, offset: r.int(total + 3), limit: r.between(1, 4), facets: false };
  const expected = modelPage(model.rows, model.themes, q, DEFAULT_STATUS_OPTIONS, model.plans);
  if (r.chance(0.3)) forgetKept(core.db);
  const { rows, total: count, totalExact } = queryTable(core.db, q);
  expect({ rows, total: count, totalExact }, `query ${n}: ${JSON.stringify(q)}`).toEqual({ rows: expected.rows, total: expected.total, totalExact: true });
  const { form, sql } = tableStatements(core.db, q).rows(expected.total);
  return form === 'walk' && sql.includes('(k.plan_id) >= (?)');
}

describe('table.query at any offset under a search or a column text filter', () => {
  it('gives the model’s page and total at every depth of the default order, deep pages started at their plan as the hits counted by plan place it, with a plan in the trash', () => {
    core = createTestCore(temp.make());
    const r = new Prng(31);
    buildDataset(r);
    const trashed = 'bench-000000';
    const { model } = trashedModel(trashed);
    ensureSortRanks(core.db);
    const saved = { ...SKIP_TUNING };
    SKIP_TUNING.from = 1;
    SKIP_TUNING.nearEndTests = 0;
    let started = 0;
    try {
      for (let n = 0; n < 300; n++) {
        const filters: TableQuery['filters'] = {};
        // Common characters (the hits in most rows: counted along the plan index) and pieces of
        // headlines (fewer: counted from the hits), alone or with the reader's fields.
        const search = r.chance(0.5) ? r.pick(['市', '发展', '数', '的', '创新']) : pieceOf(r, r.pick(model.rows).headline, r.between(1, 2));
        if (r.chance(0.25)) filters.text = { leadUnit: r.pick(['市', '科技', '区']) };
        if (r.chance(0.25)) filters.statuses = r.sample(STATUSES, r.between(1, 3));
        if (r.chance(0.15)) filters.tags = [r.pick(TAGS)];
        if (r.chance(0.15)) filters.planIds = r.sample(PLANS, r.between(1, 2));
        // The exact total asked for: the hit set is collected (a walk or the candidates would
        // answer a first page otherwise).
        const picked: TableQuery = { sort: [], collation: 'pinyin', search: r.chance(0.2) ? '' : search, filters, groupBy: null, offset: 0, limit: 1, exactTotal: true };
        if (!picked.search && !filters.text) picked.search = search;
        if (expectDeepPage(r, model, picked, n)) started++;
      }
    } finally {
      Object.assign(SKIP_TUNING, saved);
    }
    expect(started).toBeGreaterThan(60);
  });
});

/** A generated plan whose initiatives carry ids not under its own id (as a later version carries
 *  an earlier one's): every third under `under`'s id, every third under a plan id that is not
 *  stored, the rest its own. */
function carriedIdsPlan(index: number, under: string): ReturnType<typeof generatePlan> {
  const doc = generatePlan(42, index, { plans: index + 1, themesPerPlan: 3, initiativesPerTheme: 5 });
  const ids = new Map(doc.initiatives.map((i, k) => [i.id, k % 3 === 0 ? `${under}/carried${index}/I${k}` : k % 3 === 1 ? `gone-plan${index}/T1/I${k}` : i.id]));
  return {
    ...doc,
    initiatives: doc.initiatives.map((i) => ({ ...i, id: ids.get(i.id)! })),
    lists: doc.lists.map((l) => ({ ...l, initiativeId: ids.get(l.initiativeId)! })),
  };
}

describe('table.query deep in a search whose keys are not all under their plan’s id', () => {
  it('gives the model’s page and total at every depth, with carried ids in a live plan and the reader’s text left on initiatives gone', () => {
    core = createTestCore(temp.make());
    const r = new Prng(37);
    buildDataset(r);
    // A plan whose ids sit in bench-000001's range and under no plan's: its reader's text stays
    // when the plan is purged (documents whose keys have no row, in a live plan's range).
    const gone = carriedIdsPlan(2, 'bench-000001');
    importPlan(core.db, gone, articleText(gone));
    writeTransaction(core.db, () => {
      for (const i of gone.initiatives) updateLatest(core.db, i.id, { leadUnit: r.pick(UNITS), progressNote: '数字市场发展', tags: ['数字'] });
    });
    trashPlan(core.db, 'bench-000002', libraryEntry(core.db, 'bench-000002')!.revision, true);
    purgePlan(core.db, 'bench-000002', libraryEntry(core.db, 'bench-000002')!.revision);
    // A live plan with carried ids, some with the reader's text.
    const live = carriedIdsPlan(3, 'bench-000001');
    importPlan(core.db, live, articleText(live));
    writeTransaction(core.db, () => {
      for (const i of live.initiatives.filter((_, k) => k % 2 === 0)) updateLatest(core.db, i.id, { leadUnit: r.pick(UNITS), progressNote: '市场发展' });
    });
    const strays = core.db.prepare('SELECT count(*) FROM search_stray_keys').pluck().get() as number;
    expect(strays).toBeGreaterThanOrEqual(gone.initiatives.length);
    const trashed = 'bench-000000';
    const { model } = trashedModel(trashed);
    expect(model.rows.some((row) => row.planId === 'bench-000003' && row.id.startsWith('bench-000001/'))).toBe(true);
    ensureSortRanks(core.db);
    const saved = { ...SKIP_TUNING };
    SKIP_TUNING.from = 1;
    SKIP_TUNING.nearEndTests = 0;
    let started = 0;
    try {
      for (let n = 0; n < 200; n++) {
        const filters: TableQuery['filters'] = r.chance(0.3) ? { text: { leadUnit: r.pick(['市', '科技', '区']) } } : {};
        const search = r.chance(0.2) && filters.text ? '' : r.pick(['市', '发展', '数', '的', '创新', '市场']);
        const picked: TableQuery = { sort: [], collation: 'pinyin', search, filters, groupBy: null, offset: 0, limit: 1, exactTotal: true };
        if (expectDeepPage(r, model, picked, n)) started++;
      }
    } finally {
      Object.assign(SKIP_TUNING, saved);
    }
    expect(started).toBeGreaterThan(60);
  });
});

describe('table.query at any offset of a sort its index gives run by run', () => {
  it('gives the model’s page at every depth of descending and two-column sorts, each deep page started at its run, with a plan in the trash and tied titles', () => {
    core = createTestCore(temp.make());
    const r = new Prng(29);
    buildDataset(r);
    // A third plan in the trash, and two plans whose shown titles tie (kept apart by id).
    const third = generatePlan(42, 2, { plans: 3, themesPerPlan: 3, initiativesPerTheme: 5 });
    importPlan(core.db, third, articleText(third));
    const trashed = 'bench-000002';
    trashPlan(core.db, trashed, libraryEntry(core.db, trashed)!.revision, true);
    const hzTitle = (core.db.prepare("SELECT title FROM plans WHERE id = 'hz-2024'").get() as { title: string }).title;
    updateLibraryPlan(core.db, 'bench-000001', libraryEntry(core.db, 'bench-000001')!.revision, { title: hzTitle });
    const loaded = loadModel();
    const model = { ...loaded, rows: loaded.rows.filter((row) => row.planId !== trashed) };
    expect(new Set(model.rows.filter((row) => row.planTitle === hzTitle).map((row) => row.planId)).size).toBe(2);
    ensureSortRanks(core.db);
    const saved = SKIP_TUNING.from;
    SKIP_TUNING.from = 1;
    const COLUMNS = ['plan', 'theme', 'headline', 'shortId'] as const;
    const runs = { skip: 0, fromEnd: 0, other: 0 };
    try {
      for (let n = 0; n < 400; n++) {
        // A descending sort of one column, or two columns of the plan's own, either way.
        const [first, second] = r.sample(COLUMNS, 2);
        const sort =
          n % 3 === 0 ? [{ column: r.pick(['theme', 'headline', 'shortId'] as const), desc: true }] : [first!, second!].map((column) => ({ column, desc: r.chance(0.5) }));
        const filters: TableQuery['filters'] = r.chance(0.15) ? { planIds: r.sample(['hz-2024', 'bench-000000', 'bench-000001'], 2) } : {};
        const picked: TableQuery = { sort, collation: r.pick(['pinyin', 'stroke'] as const), search: '', filters, groupBy: null, offset: 0, limit: 1, facets: false };
        const { total } = modelPage(model.rows, model.themes, picked, DEFAULT_STATUS_OPTIONS, model.plans);
        const q = { ...picked, offset: r.int(total + 3), limit: r.between(1, 8) };
        const expected = modelPage(model.rows, model.themes, q, DEFAULT_STATUS_OPTIONS, model.plans);
        const { rows, total: count } = queryTable(core.db, q);
        expect({ rows, total: count }, `query ${n}: ${JSON.stringify(q)}`).toEqual({ rows: expected.rows, total: expected.total });
        const { form, sql } = tableStatements(core.db, q).rows(expected.total);
        // Started at a run: the start compares the order's first term(s) alone.
        if (form === 'skip' && /\((k\.\w+|pr\.\w+)(, k\.ordinal)?\) [<>]= \(\?(, \?)?\)/.test(sql)) {
          runs.skip++;
          if (2 * q.offset + q.limit > expected.total) runs.fromEnd++;
        } else runs.other++;
      }
    } finally {
      SKIP_TUNING.from = saved;
    }
    // Most deep pages of these sorts started at their run, many counted from the end.
    expect(runs.skip).toBeGreaterThan(200);
    expect(runs.fromEnd).toBeGreaterThan(60);
  });
});

describe('table.query sorted by a reader’s field', () => {
  it('gives the model’s page at every depth, ascending and descending, under filters, with ties, unset values, statuses no longer among the options, lead units before and after their ranks are renumbered, and a plan in the trash', () => {
    core = createTestCore(temp.make());
    const r = new Prng(29);
    buildDataset(r);
    // Statuses the options no longer hold (kept on the reader's rows after the options changed):
    // below, between and above the options' keys in key order. Ties: one deadline and one
    // touched time on several rows. Written as a store from before would have them.
    const ids = (core.db.prepare('SELECT initiative_id AS id FROM user_initiative_state ORDER BY initiative_id').all() as { id: string }[]).map((x) => x.id);
    const set = core.db.prepare('UPDATE user_initiative_state SET status = ? WHERE initiative_id = ?');
    ['aaa_old', 'paused', 'zzz_old', 'paused'].forEach((status, n) => set.run(status, ids[3 * n + 1]));
    core.db.prepare(`UPDATE user_initiative_state SET deadline = '2025-06-30', touched_at = '2024-06-01T00:00:09.000Z' WHERE initiative_id IN (SELECT value FROM json_each(?))`).run(
      JSON.stringify(ids.filter((_, n) => n % 5 === 2)),
    );
    // Free texts the collators call equal though they differ (a zero-width space, a combining
    // accent: one rank, their rows merged in default order), on a few rows each, saved as the
    // app saves them (their ranks made in the save).
    ['市科技局\u200B', '市科技局', 'caf\u00e9', 'cafe\u0301', '市科技局\u200B'].forEach((text, n) => {
      updateLatest(core.db, ids[7 * n + 3]!, { responsibleUnits: text });
      updateLatest(core.db, ids[7 * n + 5]!, { progressNote: text === '市科技局' ? 'caf\u00e9' : text });
    });
    const trashed = 'bench-000001';
    const { loaded, model } = trashedModel(trashed);
    expect(new Set(model.rows.map((row) => row.status))).toEqual(new Set([null, 'not_started', 'in_progress', 'done', 'watching', 'aaa_old', 'paused', 'zzz_old']));
    ensureSortRanks(core.db);
    const saved = { from: SKIP_TUNING.from, ...READER_SORT_TUNING };
    SKIP_TUNING.from = 1;
    // Read value by value on these few rows, under any condition, half of the queries.
    READER_SORT_TUNING.minRows = 0;
    /** `count` random queries sorted by one of `columns` give the model's page; returns how many
     *  were deep (offset > 0). */
    const agree = (model: ReturnType<typeof loadModel>, count: number, columns: readonly TableQuery['sort'][number]['column'][]) => {
      let deep = 0;
      for (let n = 0; n < count; n++) {
        const random = randomQuery(r, loaded);
        const column = r.pick(columns);
        // Half across every plan with no condition (the trashed plan's rows among those the
        // index passes), half under the random query's plan, filters and search.
        const picked: TableQuery = {
          ...(n % 2 ? random : { ...random, planId: undefined, filters: {}, search: '' }),
          sort: [{ column, desc: r.chance(0.5) }],
          groupBy: null,
        };
        READER_SORT_TUNING.testsPerRow = n % 4 < 2 ? Infinity : saved.testsPerRow;
        // A third of the lead-unit sorts with more lead units in use than read a range each.
        READER_SORT_TUNING.maxLeadUnits = n % 3 === 0 ? 2 : saved.maxLeadUnits;
        const { total } = modelPage(model.rows, model.themes, { ...picked, offset: 0 }, DEFAULT_STATUS_OPTIONS, model.plans);
        // Any offset to just past the end; pages short and long, spanning several values.
        const q = { ...picked, offset: r.int(total + 3), limit: r.chance(0.7) ? r.between(1, 8) : r.between(9, 40), facets: false };
        if (q.offset > 0) deep++;
        const expected = modelPage(model.rows, model.themes, q, DEFAULT_STATUS_OPTIONS, model.plans);
        const { rows, total: found, totalExact } = queryTable(core.db, q);
        expect({ rows, total: found, totalExact }, `query ${n}: ${JSON.stringify(q)}`).toEqual({ rows: expected.rows, total: expected.total, totalExact: true });
      }
      return deep;
    };
    try {
      expect(agree(model, 700, ['status', 'priority', 'deadline', 'touchedAt', 'leadUnit', 'responsibleUnits', 'progressNote'])).toBeGreaterThan(525);
      // A new lead unit when its neighbours' ranks leave no room renumbers the typed values'
      // ranks (text-sort-keys.ts): the sort reads those ranks, not copies of them. The ranks
      // packed tight by another connection (so this one reloads its copy of the order).
      const packer = new Database(core.db.name);
      for (const c of ['pinyin', 'stroke']) {
        // Dense ranks in the same order (equal ones kept equal), the empty text's rank kept.
        const ranks = packer.prepare(`SELECT text, dense_rank() OVER (ORDER BY ${c}) AS rank FROM text_sort_keys WHERE ${c} < ?`).all(RANK_GAP * 1_000_000) as { text: string; rank: number }[];
        const set = packer.prepare(`UPDATE text_sort_keys SET ${c} = ? WHERE text = ?`);
        packer.transaction(() => ranks.forEach((x) => set.run(x.rank, x.text)))();
      }
      const packed = packer.prepare('SELECT max(pinyin) AS p, max(stroke) AS s FROM text_sort_keys WHERE text <> ?').get('') as { p: number; s: number };
      packer.close();
      expect(packed.p).toBeLessThan(RANK_GAP);
      const ranksNow = () =>
        new Map((core.db.prepare('SELECT text, pinyin, stroke FROM text_sort_keys').all() as { text: string; pinyin: number; stroke: number }[]).map((r) => [r.text, r]));
      const before = ranksNow();
      const rows = model.rows.filter((row) => row.leadUnit !== null);
      ['市教育局', '市科协', 'Hangzhou BDA', '区发改局'].forEach((unit, n) =>
        updateLatest(core.db, rows[3 * n]!.id, { leadUnit: unit, responsibleUnits: `${unit}、市财政局`, progressNote: `${unit}已完成` }),
      );
      // Values already ranked were renumbered (a neighbourhood of each full gap), in both orders.
      const after = ranksNow();
      const moved = (c: 'pinyin' | 'stroke') => [...before.values()].filter((r) => after.get(r.text)![c] !== r[c]).length;
      expect(moved('pinyin')).toBeGreaterThan(0);
      expect(moved('stroke')).toBeGreaterThan(0);
      const renumbered = loadModel();
      expect(new Set(renumbered.rows.map((row) => row.leadUnit))).toContain('市教育局');
      expect(agree({ ...renumbered, rows: renumbered.rows.filter((row) => row.planId !== trashed) }, 300, ['leadUnit', 'responsibleUnits', 'progressNote'])).toBeGreaterThan(200);
    } finally {
      SKIP_TUNING.from = saved.from;
      Object.assign(READER_SORT_TUNING, { minRows: saved.minRows, testsPerRow: saved.testsPerRow, maxLeadUnits: saved.maxLeadUnits });
    }
  });
});

describe('table.query sorted by a reader’s text written without its rank', () => {
  it('ranks the texts first (named by migration 0018’s triggers), so every page of a lead-unit, responsible-units or progress-note sort has its rows', () => {
    core = createTestCore(temp.make());
    const r = new Prng(31);
    buildDataset(r);
    ensureSortRanks(core.db);
    // Texts written as no save of the app writes them: into the reader's state directly (a tool,
    // a file from elsewhere), none of them ranked; new rows and changed ones.
    const ids = (core.db.prepare('SELECT id FROM initiatives ORDER BY id').all() as { id: string }[]).map((x) => x.id);
    const write = core.db.prepare(
      `INSERT INTO user_initiative_state (initiative_id, lead_unit, responsible_units, progress_note, touched_at, revision) VALUES (?, ?, ?, ?, '2024-01-01T00:00:00.000Z', 1)
       ON CONFLICT (initiative_id) DO UPDATE SET lead_unit = excluded.lead_unit, responsible_units = excluded.responsible_units, progress_note = excluded.progress_note`,
    );
    const texts = ['阿坝州政府', '市中心医院', 'Zhejiang Lab', '区应急管理局'];
    ids.filter((_, n) => n % 4 === 1).forEach((id, n) => write.run(id, texts[n % 4], `${texts[(n + 1) % 4]}、第${n}组`, `手工写入${n}`));
    const unranked = () => (core.db.prepare('SELECT count(*) AS n FROM unranked_texts').get() as { n: number }).n;
    expect(unranked()).toBeGreaterThan(10);
    const model = loadModel();
    const saved = { from: SKIP_TUNING.from, ...READER_SORT_TUNING };
    SKIP_TUNING.from = 1;
    READER_SORT_TUNING.minRows = 0;
    try {
      let deep = 0;
      for (let n = 0; n < 120; n++) {
        const column = r.pick(['leadUnit', 'responsibleUnits', 'progressNote'] as const);
        // Half of the lead-unit sorts with more lead units in use than read a range each.
        READER_SORT_TUNING.maxLeadUnits = n % 2 ? 2 : saved.maxLeadUnits;
        const picked: TableQuery = { sort: [{ column, desc: r.chance(0.5) }], collation: r.pick(['pinyin', 'stroke'] as const), search: '', filters: {}, groupBy: null, offset: 0, limit: 1, facets: false };
        const { total } = modelPage(model.rows, model.themes, picked, DEFAULT_STATUS_OPTIONS, model.plans);
        const q = { ...picked, offset: r.int(total), limit: r.between(1, 30) };
        if (q.offset > 0) deep++;
        const expected = modelPage(model.rows, model.themes, q, DEFAULT_STATUS_OPTIONS, model.plans);
        const { rows, total: found } = queryTable(core.db, q);
        expect({ rows, total: found }, `query ${n}: ${JSON.stringify(q)}`).toEqual({ rows: expected.rows, total: expected.total });
      }
      expect(deep).toBeGreaterThan(100);
    } finally {
      SKIP_TUNING.from = saved.from;
      Object.assign(READER_SORT_TUNING, { minRows: saved.minRows, maxLeadUnits: saved.maxLeadUnits });
    }
    // Ranked in the dictionary, and none left named.
    expect(unranked()).toBe(0);
    const missing = core.db.prepare(
      `SELECT count(*) AS n FROM user_initiative_state s WHERE EXISTS (SELECT 1 FROM (SELECT s.lead_unit AS v UNION SELECT s.responsible_units UNION SELECT s.progress_note) x
         WHERE x.v IS NOT NULL AND NOT EXISTS (SELECT 1 FROM text_sort_keys t WHERE t.text = x.v))`,
    ).get() as { n: number };
    expect(missing.n).toBe(0);
  });
});

describe('table.query rules', () => {
  let q: TableQuery;
  beforeEach(() => {
    core = createTestCore(temp.make());
    q = { planId: 'hz-2024', sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 50 };
    const set = (id: string, patch: Parameters<typeof updateLatest>[2]) => updateLatest(core.db, `hz-2024/${id}`, patch);
    set('T1/I1', { status: 'done', priority: 'high', tags: ['数字', '本周'] });
    set('T1/I2', { status: 'done', tags: ['数字'] });
    set('T2/I1', { status: 'in_progress', priority: 'high', tags: ['本周'] });
    set('T3/I3', { status: 'watching', leadUnit: '市经信局', progressNote: '已完成调研' });
  });
  const ids = (page: TablePage) => page.rows.map((r) => r.id.replace('hz-2024/', ''));
  const counts = (facet: { value: string | null; count: number }[]) =>
    Object.fromEntries(facet.map((f) => [String(f.value), f.count]));

  it('lists the plan in theme and initiative order by default, with the total', () => {
    const page = queryTable(core.db, q);
    expect(page.total).toBe(15);
    expect(ids(page)).toEqual([1, 2, 3, 4, 5].flatMap((t) => [1, 2, 3].map((i) => `T${t}/I${i}`)));
    expect(page.groups).toEqual([]);
  });

  it('keeps a tag filter to rows that have every chosen tag', () => {
    expect(ids(queryTable(core.db, { ...q, filters: { tags: ['数字'] } }))).toEqual(['T1/I1', 'T1/I2']);
    expect(ids(queryTable(core.db, { ...q, filters: { tags: ['数字', '本周'] } }))).toEqual(['T1/I1']);
  });

  it('filters by unset status with null, alone or beside a key', () => {
    expect(queryTable(core.db, { ...q, filters: { statuses: [null] } }).total).toBe(11);
    expect(queryTable(core.db, { ...q, filters: { statuses: [null, 'done'] } }).total).toBe(13);
  });

  it('counts each facet under the other filters but not its own selection', () => {
    const page = queryTable(core.db, { ...q, filters: { statuses: ['done'], priorities: ['high'] } });
    expect(ids(page)).toEqual(['T1/I1']);
    // Status counts: priority high applies, the status selection does not.
    expect(counts(page.facets.status)).toEqual({ not_started: 0, in_progress: 1, done: 1, watching: 0, null: 0 });
    // Priority counts: status done applies, the priority selection does not.
    expect(counts(page.facets.priority)).toEqual({ high: 1, medium: 0, low: 0, null: 1 });
    expect(counts(page.facets.theme)['hz-2024/T1']).toBe(1);
    expect(page.facets.theme.map((f) => f.label)[0]).toBe('在深化改革中破除制约高质量发展的体制机制障碍');
    // Tags: equal counts, so pinyin order (běn before shù).
    expect(page.facets.tags).toEqual([
      { value: '本周', label: '本周', count: 1 },
      { value: '数字', label: '数字', count: 1 },
    ]);
  });

  it('groups by status in option order, unset last, rows grouped and groups counted', () => {
    const page = queryTable(core.db, { ...q, groupBy: 'status', sort: [{ column: 'shortId', desc: true }] });
    expect(page.groups).toEqual([
      { key: 'in_progress', label: 'in_progress', count: 1, index: 0, firstRow: 0 },
      { key: 'done', label: 'done', count: 2, index: 1, firstRow: 1 },
      { key: 'watching', label: 'watching', count: 1, index: 2, firstRow: 3 },
      { key: null, label: '', count: 11, index: 3, firstRow: 4 },
    ]);
    expect(page.groupCounts).toEqual([1, 2, 1, 11]);
    expect(ids(page).slice(0, 5)).toEqual(['T2/I1', 'T1/I2', 'T1/I1', 'T3/I3', 'T5/I3']);
  });

  it('groups by theme in plan order with the theme headline as label', () => {
    const page = queryTable(core.db, { ...q, groupBy: 'theme', search: '创新', sort: [{ column: 'headline', desc: false }] });
    expect(page.groups.length).toBeGreaterThan(2);
    const ordinals = page.groups.map((g) => Number(g.key!.slice(-1)));
    expect(ordinals).toEqual([...ordinals].sort());
    expect(page.groups.reduce((n, g) => n + g.count, 0)).toBe(page.total);
    expect(page.groups.find((g) => g.key === 'hz-2024/T2')?.label).toBe('在强基固本中补齐影响高质量发展的突出短板');
    // Rows come grouped: each group's rows together, in group order.
    const runs = page.rows.map((r) => r.themeId).filter((t, i, all) => t !== all[i - 1]);
    expect(runs).toEqual(page.groups.map((g) => g.key));
  });

  it('reads a page grouped by theme in one statement of rows (the default order’s), not one per group, at the top and deep', () => {
    for (const index of [0, 1]) {
      const doc = generatePlan(42, index, { plans: 2, themesPerPlan: 4, initiativesPerTheme: 6 });
      importPlan(core.db, doc, articleText(doc));
    }
    ensureSortRanks(core.db);
    // Every statement reading initiatives' rows (not an EXPLAIN of one), while the page is asked.
    const statement = Object.getPrototypeOf(core.db.prepare('SELECT 1')) as { all: (...args: unknown[]) => unknown[] };
    const all = statement.all;
    let rowReads = 0;
    statement.all = function (this: { source: string }, ...args: unknown[]) {
      if (/^SELECT[^]*JOIN initiatives i ON/.test(this.source)) rowReads++;
      return all.apply(this, args);
    };
    const saved = SKIP_TUNING.from;
    try {
      // Deep pages (past SKIP_TUNING.from) skip the rows before them in the order's index.
      SKIP_TUNING.from = 20;
      const across: TableQuery = { ...q, planId: undefined, groupBy: 'theme', limit: 30 };
      for (const offset of [0, 25]) {
        forgetKept(core.db);
        rowReads = 0;
        const page = queryTable(core.db, { ...across, offset });
        // Rows of several groups, from two plans.
        expect(page.groups.length).toBeGreaterThan(3);
        expect(rowReads).toBe(1);
        const plain = queryTable(core.db, { ...across, offset, groupBy: null });
        expect(page.rows).toEqual(plain.rows);
      }
    } finally {
      statement.all = all;
      SKIP_TUNING.from = saved;
    }
  });

  it('leaves a grouped page’s counts out when the query names the layout it holds, while nothing is written', () => {
    const grouped: TableQuery = { ...q, groupBy: 'status', limit: 5 };
    const first = queryTable(core.db, grouped);
    expect(first.groupCounts).toEqual([1, 2, 1, 11]);
    expect(first.groupLayout).toEqual(expect.any(String));
    // The second page, naming the layout: the same groups and rows, without the counts.
    const second = queryTable(core.db, { ...grouped, offset: 5, groupLayout: first.groupLayout });
    expect(second.groupCounts).toBeNull();
    expect(second.groupLayout).toBe(first.groupLayout);
    const unnamed = queryTable(core.db, { ...grouped, offset: 5 });
    expect({ ...second, groupCounts: unnamed.groupCounts }).toEqual(unnamed);
    expect(second.groups).toEqual([{ key: null, label: '', count: 11, index: 3, firstRow: 4 }]);
  });

  it('gives a grouped page fresh counts under a new stamp after a write, though the query names the old one', () => {
    const grouped: TableQuery = { ...q, groupBy: 'status', limit: 5 };
    const first = queryTable(core.db, grouped);
    updateLatest(core.db, 'hz-2024/T5/I3', { status: 'done' });
    const after = queryTable(core.db, { ...grouped, offset: 5, groupLayout: first.groupLayout });
    expect(after.groupCounts).toEqual([1, 3, 1, 10]);
    expect(after.groupLayout).not.toBe(first.groupLayout);
    // The new stamp holds until the next write.
    expect(queryTable(core.db, { ...grouped, groupLayout: after.groupLayout }).groupCounts).toBeNull();
  });

  it('gives the counts for a stamp it never gave, or one of another query’s layout', () => {
    const byStatus: TableQuery = { ...q, groupBy: 'status', limit: 5 };
    const byTheme: TableQuery = { ...q, groupBy: 'theme', limit: 5 };
    const status = queryTable(core.db, byStatus);
    const theme = queryTable(core.db, byTheme);
    expect(queryTable(core.db, { ...byStatus, groupLayout: 'not-a-stamp' }).groupCounts).toEqual([1, 2, 1, 11]);
    expect(queryTable(core.db, { ...byStatus, groupLayout: theme.groupLayout }).groupCounts).toEqual([1, 2, 1, 11]);
    expect(queryTable(core.db, { ...byTheme, groupLayout: status.groupLayout }).groupCounts).toEqual([3, 3, 3, 3, 3]);
    // The same grouping under another filter is another layout.
    const filtered = { ...byStatus, filters: { priorities: ['high' as const] } };
    expect(queryTable(core.db, { ...filtered, groupLayout: status.groupLayout }).groupCounts).toEqual([1, 1]);
    // Counted inside a write transaction (not kept), a layout's stamp is never answered as held.
    const inWrite = writeTransaction(core.db, () => queryTable(core.db, byStatus));
    expect(inWrite.groupCounts).toEqual([1, 2, 1, 11]);
    expect(queryTable(core.db, { ...byStatus, groupLayout: inWrite.groupLayout }).groupCounts).toEqual([1, 2, 1, 11]);
  });

  it('searches the reader’s own fields and tags as well as the plan text', () => {
    expect(ids(queryTable(core.db, { ...q, search: '经信' }))).toEqual(['T3/I3']);
    expect(ids(queryTable(core.db, { ...q, search: '调研' }))).toEqual(['T3/I3']);
    expect(ids(queryTable(core.db, { ...q, search: '本周' }))).toEqual(['T1/I1', 'T2/I1']);
    expect(queryTable(core.db, { ...q, search: '不存在的词' }).total).toBe(0);
  });

  it('applies per-column text filters to their own column only', () => {
    expect(ids(queryTable(core.db, { ...q, filters: { text: { industries: '脑机' } } }))).toEqual(['T3/I3']);
    expect(ids(queryTable(core.db, { ...q, filters: { text: { leadUnit: '经信' } } }))).toEqual(['T3/I3']);
    expect(queryTable(core.db, { ...q, filters: { text: { headline: '脑机' } } }).total).toBe(0);
  });

  it('pages through the same order: the pages put together are the whole list', () => {
    const sorted = { ...q, sort: [{ column: 'status' as const, desc: false }, { column: 'headline' as const, desc: true }] };
    const whole = ids(queryTable(core.db, sorted));
    const pages = [0, 4, 8, 12].flatMap((offset) => ids(queryTable(core.db, { ...sorted, offset, limit: 4 })));
    expect(pages).toEqual(whole);
  });

  it('skips facet counts when asked to, for further pages', () => {
    const page = queryTable(core.db, { ...q, offset: 5, limit: 5, facets: false });
    expect(page.facets).toEqual({ plan: [], theme: [], status: [], priority: [], tags: [] });
    expect(page.total).toBe(15);
  });

  it('covers every plan without planId', () => {
    importPlan(core.db, generatePlan(1, 0, { plans: 1, themesPerPlan: 2, initiativesPerTheme: 3 }), 'x');
    const { planId: _omit, ...all } = q;
    expect(queryTable(core.db, all).total).toBe(21);
    expect(queryTable(core.db, all).facets.theme).toHaveLength(7);
  });
});

describe('table.query and table.rows through the router', () => {
  beforeEach(() => {
    core = createTestCore(temp.make());
  });
  const dispatch = async (method: string, args: unknown) => core.router.dispatch(method, args) as Promise<Result<unknown>>;
  const base = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 50 };

  it.each([
    ['a limit over 500', { ...base, limit: 501 }, /limit must be at most 500/],
    ['an unknown sort column', { ...base, sort: [{ column: 'body', desc: false }] }, /sort/],
    ['a list-valued sort column', { ...base, sort: [{ column: 'tags', desc: false }] }, /sort/],
    ['the same sort column twice', { ...base, sort: [{ column: 'status', desc: false }, { column: 'status', desc: true }] }, /twice/],
    ['an unknown filter', { ...base, filters: { body: 'x' } }, /filters/],
    ['a bad theme id', { ...base, filters: { themeIds: ['T1'] } }, /theme id/],
    ['a group layout stamp that is not a string', { ...base, groupBy: 'theme', groupLayout: 7 }, /groupLayout/],
    ['a group layout stamp too long', { ...base, groupBy: 'theme', groupLayout: 'x'.repeat(65) }, /groupLayout/],
  ])('answers BAD_REQUEST for %s', async (_what, args, message) => {
    const result = await dispatch('table.query', args);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it('takes a grouped query naming its layout through the router, and answers it without the counts', async () => {
    const grouped = { ...base, planId: 'hz-2024', groupBy: 'status', limit: 5 };
    const first = (await dispatch('table.query', grouped)) as Result<TablePage>;
    if (!first.ok) throw new Error(first.error.message);
    const second = await dispatch('table.query', { ...grouped, offset: 5, groupLayout: first.value.groupLayout });
    expect(second).toMatchObject({ ok: true, value: { groupCounts: null, groupLayout: first.value.groupLayout } });
  });

  it('table.rows returns rows in the order asked, with their plan text and industries', async () => {
    const result = await dispatch('table.rows', { ids: ['hz-2024/T3/I3', 'hz-2024/T1/I1'] });
    const rows = (result as { ok: true; value: InitiativeRow[] }).value;
    expect(rows.map((r) => r.shortId)).toEqual(['T3·I3', 'T1·I1']);
    expect(rows[0]!.industries).toHaveLength(17);
    expect(rows[0]!.industries.slice(0, 2)).toEqual(['新一代信息技术', '新能源']);
    expect(rows[1]).toMatchObject({ status: null, tags: [], highlightCount: 0, noteCount: 0, touchedAt: null });
  });

  it('table.rows answers NOT_FOUND naming the unknown ids, and refuses more than 1000', async () => {
    const result = await dispatch('table.rows', { ids: ['hz-2024/T1/I1', 'hz-2024/T9/I9', 'hz-1999/T1/I1'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!result.ok && result.error.message).toContain('hz-2024/T9/I9, hz-1999/T1/I1');
    const many = Array.from({ length: 1001 }, () => 'hz-2024/T1/I1');
    expect(await dispatch('table.rows', { ids: many })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
