// What a search page reads besides its hits, rows and counts: facts of the index and the plans
// that do not change while nothing is written, read once per change stamp (never kept inside a
// write transaction, which a rollback could take back), and no work for a plan of the page that
// cannot answer it. Each case watches the statements run (every prepared statement's `all`
// and `get`), on a library of 1,000 initiatives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { readTransaction, writeTransaction } from '../../electron/core/db/transaction';
import { forgetKept, prepareQuery, queryTable } from '../../electron/core/services/table/query';
import { fewestCandidates, fillHits } from '../../electron/core/services/table/hits';
import { searchPlan, WALK_TUNING } from '../../electron/core/services/table/walk';
import { CANDIDATE_TUNING } from '../../electron/core/services/table/candidates';
import { forgetHitCounts, hitsByPlan } from '../../electron/core/services/table/skip';
import type { TableQuery } from '../../shared/domain/table';
import { articleText, generatePlan } from '../bench/corpus';
import { createTestCore, updateLatest } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
beforeAll(() => {
  core = createTestCore(temp.make());
  const shape = { plans: 20, themesPerPlan: 5, initiativesPerTheme: 10 };
  for (let i = 0; i < shape.plans; i++) {
    const doc = generatePlan(5, i, shape);
    importPlan(core.db, doc, articleText(doc));
  }
});
afterAll(() => core?.close());

const BASE: TableQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 50, facets: false };

/** The SQL texts of the statements `fn` runs. */
function statementsRun(fn: () => void): string[] {
  const run: string[] = [];
  const proto = Object.getPrototypeOf(core.db.prepare('SELECT 1')) as Record<'all' | 'get', (...params: unknown[]) => unknown>;
  const calls = { all: proto.all, get: proto.get };
  for (const method of ['all', 'get'] as const) {
    proto[method] = function (this: { source: string }, ...params: unknown[]) {
      run.push(this.source);
      return calls[method].apply(this, params);
    };
  }
  try {
    fn();
  } finally {
    Object.assign(proto, calls);
  }
  return run;
}

const TOKEN_COUNT = /FROM search_fts WHERE search_fts MATCH \? LIMIT \?/;
const SLASH_CHECK = /instr\(plan_id, '\/'\)/;
const count = (run: string[], what: RegExp) => run.filter((sql) => what.test(sql)).length;
/** A token's entries in the index, counted by hand. */
const entries = (token: string) => (core.db.prepare('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?').get(`"${token}"`) as { n: number }).n;

describe('a search page’s fixed work', () => {
  it('counts a term’s entries in the index once while nothing is written; a write, and a count inside a write transaction rolled back, are counted again', () => {
    const before = entries('鲲鹏');
    expect(count(statementsRun(() => expect(fewestCandidates(core.db, '鲲鹏', undefined, 30_000, 2_000)).toBe(before)), TOKEN_COUNT)).toBe(1);
    // Asked again (another page of the search), up to the same or a lower cap: nothing read.
    expect(count(statementsRun(() => expect(fewestCandidates(core.db, '鲲鹏', undefined, 30_000, 2_000)).toBe(before)), TOKEN_COUNT)).toBe(0);
    expect(count(statementsRun(() => expect(fewestCandidates(core.db, '鲲鹏', undefined, 1)).toBe(Math.min(before, 1))), TOKEN_COUNT)).toBe(0);

    // A write adding the term: counted again, the new entry in.
    updateLatest(core.db, 'bench-000003/T2/I4', { leadUnit: '鲲鹏办' });
    expect(entries('鲲鹏')).toBe(before + 1);
    expect(count(statementsRun(() => expect(fewestCandidates(core.db, '鲲鹏', undefined, 30_000, 2_000)).toBe(before + 1)), TOKEN_COUNT)).toBe(1);

    // Counted inside a write transaction that is then rolled back: its count is not kept (the
    // change stamp after the rollback is the one inside it).
    expect(() =>
      writeTransaction(core.db, () => {
        updateLatest(core.db, 'bench-000004/T1/I2', { leadUnit: '鲲鹏组' });
        expect(fewestCandidates(core.db, '鲲鹏', undefined, 30_000, 2_000)).toBe(before + 2);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(entries('鲲鹏')).toBe(before + 1);
    expect(fewestCandidates(core.db, '鲲鹏', undefined, 30_000, 2_000)).toBe(before + 1);
  });

  it('a term the index answers alone that is not walked takes the hit set at once (its candidates would answer nothing), with the hit set’s page', () => {
    const saved = { walk: { ...WALK_TUNING }, candidates: { ...CANDIDATE_TUNING } };
    // Neither collected for being rare nor walked for being common or dense.
    Object.assign(WALK_TUNING, { candidates: 1_000_000, dense: Infinity });
    CANDIDATE_TUNING.collectBelow = 0;
    try {
      for (const search of ['发展', '数']) {
        const query = { ...BASE, search, offset: 20 };
        forgetKept(core.db);
        expect(searchPlan(core.db, query, () => 1_000)).toBeUndefined();
        forgetKept(core.db);
        const page = queryTable(core.db, query);
        const exact = queryTable(core.db, { ...query, exactTotal: true });
        expect(page.rows.length).toBe(50);
        expect(page).toEqual(exact);
        expect(page.totalExact).toBe(true);
      }
      // A longer term is still answered from its candidates.
      expect(searchPlan(core.db, { ...BASE, search: '数字经济' }, () => 1_000)).toEqual(expect.objectContaining({ walk: false }));
    } finally {
      Object.assign(WALK_TUNING, saved.walk);
      Object.assign(CANDIDATE_TUNING, saved.candidates);
    }
  });

  it('a page ending past what a walk may test and a page of candidates may check takes the hit set at once, with the hit set’s page', () => {
    const saved = { walk: { ...WALK_TUNING }, candidates: { ...CANDIDATE_TUNING } };
    // Any term walked (or, not walked, answered from its candidates) near the top.
    Object.assign(WALK_TUNING, { candidates: 1, walkTests: 100 });
    Object.assign(CANDIDATE_TUNING, { collectBelow: 0, pageChecks: 80 });
    try {
      for (const search of ['数', '发展', '数字经济']) {
        forgetKept(core.db);
        expect(searchPlan(core.db, { ...BASE, search }, () => 1_000)).toEqual(expect.objectContaining({ walk: true }));
        // Ends at row 110: past 100 tests and 80 checks.
        const query = { ...BASE, search, offset: 60 };
        forgetKept(core.db);
        expect(searchPlan(core.db, query, () => 1_000)).toBeUndefined();
        forgetKept(core.db);
        const page = queryTable(core.db, query);
        expect(page.rows.length).toBe(50);
        expect(page).toEqual(queryTable(core.db, { ...query, exactTotal: true }));
      }
    } finally {
      Object.assign(WALK_TUNING, saved.walk);
      Object.assign(CANDIDATE_TUNING, saved.candidates);
    }
  });

  it('checks the plans’ ids for a slash once while nothing is written, the hits counted plan by plan each time', () => {
    const query = { ...BASE, search: '发展' };
    const countByPlan = () =>
      statementsRun(() =>
        readTransaction(core.db, () => {
          fillHits(core.db, query.search, undefined);
          forgetHitCounts(core.db);
          hitsByPlan(core.db, prepareQuery(core.db, query).scope);
        }),
      );
    const first = countByPlan();
    const again = countByPlan();
    // Asked again: the ranges counted again (their counts were forgotten), the ids not checked.
    expect(count(again, /FROM temp\.table_hits h WHERE h\.id >= p\.plan_id/)).toBe(1);
    expect(count(first, SLASH_CHECK) + count(again, SLASH_CHECK)).toBeLessThanOrEqual(1);
    expect(count(again, SLASH_CHECK)).toBe(0);
    // After a write, checked again.
    updateLatest(core.db, 'bench-000005/T1/I1', { status: 'done' });
    expect(count(countByPlan(), SLASH_CHECK)).toBe(1);
  });
});
