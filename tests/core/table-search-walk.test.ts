// A common term's table page walks the order's index and estimates its total (walk.ts). On a
// corpus of 2,000 initiatives with the thresholds lowered so that the walk stops early, its
// pages must be the JavaScript model's pages (table-model.ts), its estimate the share of hits
// among the sampled rows (computed here from the model) times the rows in scope, the last page
// and a query asking for the exact total exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { forgetKept, queryTable } from '../../electron/core/services/table/query';
import { samplePoints, WALK_TUNING } from '../../electron/core/services/table/walk';
import { CANDIDATE_TUNING } from '../../electron/core/services/table/candidates';
import { DEFAULT_STATUS_OPTIONS, type TableQuery } from '../../shared/domain/table';
import { createTestCore } from '../helpers/core';
import { modelPage } from './table-model';
import { loadSearchCorpus, type SearchModel } from './table-search-corpus';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
let model: SearchModel;
const saved = { ...WALK_TUNING };
const savedCandidates = { ...CANDIDATE_TUNING };


beforeAll(() => {
  // A condition is walked whatever its candidates, a sample aims at 300 rows in scope, a scope of
  // 50 rows or fewer is counted: at 2,000 rows a term in a sixth of them stops early.
  Object.assign(WALK_TUNING, { candidates: 1, dense: Infinity, sample: 300, samplePoints: 1_000, exactRows: 50, walkTests: 1_000_000 });
  // No term collected for being rare (a rare term's case below is answered from its candidates).
  CANDIDATE_TUNING.collectBelow = 0;
  core = createTestCore(temp.make());
  // A status and a priority on a third of those rows (a walk under them tests them first).
  model = loadSearchCorpus(core, (n) => ({ leadUnit: '低空办', tags: n % 2 ? ['低空'] : [], ...(n % 3 === 0 ? { status: 'in_progress', priority: 'high' as const } : {}) }));
});
afterAll(() => {
  Object.assign(WALK_TUNING, saved);
  Object.assign(CANDIDATE_TUNING, savedCandidates);
  core?.close();
});

const BASE: TableQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 50, facets: false };
const expected = (q: TableQuery) => modelPage(model.rows, model.themes, q, DEFAULT_STATUS_OPTIONS, model.plans);

/** The estimate by hand: the hits among the sampled rows in scope (the model's), scaled. */
function sampledEstimate(q: TableQuery): number {
  const all = expected({ ...q, search: '', offset: 0, limit: 1_000_000 }).rows.map((r) => r.id);
  const hits = new Set(expected({ ...q, offset: 0, limit: 1_000_000 }).rows.map((r) => r.id));
  const inScope = new Set(all);
  const { n, top } = core.db.prepare('SELECT count(*) AS n, max(rowid) AS top FROM initiatives').get() as { n: number; top: number };
  const p = samplePoints(top, n, inScope.size);
  const idAt = core.db.prepare('SELECT id FROM initiatives WHERE rowid = ?').pluck();
  let tested = 0;
  let found = 0;
  for (let k = 0; k < p.count; k++) {
    const id = idAt.get(p.first + Math.floor(k / p.run) * p.step + (k % p.run)) as string | undefined;
    if (id === undefined || !inScope.has(id)) continue;
    tested++;
    if (hits.has(id)) found++;
  }
  return Math.round((found / tested) * inScope.size);
}

describe('a common term walked, its total estimated', () => {
  const TERMS = ['低空', '发展', '数', '低空经济', '市', '营商环境'];

  it('gives the model’s first page, an estimate from the sampled rows within a fifth of the exact total, and the exact total when asked', () => {
    let estimated = 0;
    for (const search of TERMS) {
      for (const sort of [[], [{ column: 'headline' as const, desc: false }], [{ column: 'shortId' as const, desc: true }]]) {
        const q = { ...BASE, search, sort };
        const want = expected(q);
        // As first asked: a hit set kept from the query before would answer exactly (cheaply).
        forgetKept(core.db);
        const page = queryTable(core.db, q);
        expect(page.rows, `${search} ${JSON.stringify(sort)}`).toEqual(want.rows);
        if (!page.totalExact) {
          estimated++;
          expect(page.total, search).toBe(sampledEstimate(q));
          expect(Math.abs(page.total - want.total) / want.total, `${search}: about ${page.total}, exactly ${want.total}`).toBeLessThan(0.2);
        } else {
          expect(page.total).toBe(want.total);
        }
        const exact = queryTable(core.db, { ...q, exactTotal: true });
        expect(exact.totalExact).toBe(true);
        expect(exact.total).toBe(want.total);
        expect(exact.rows).toEqual(want.rows);
      }
    }
    // Every one of these terms is in hundreds of rows: each first page in an order an index
    // gives stopped early (shortId descending leaves its ties ascending: a sort step, no walk).
    expect(estimated).toBe(TERMS.length * 2);
  });

  it('pages on to the last hit exactly: every page is the model’s, the one that ends the rows gives the exact total', () => {
    for (const search of ['低空', '发展']) {
      const want = expected({ ...BASE, search, offset: 0, limit: 1_000_000 });
      expect(want.total).toBeGreaterThan(200);
      forgetKept(core.db);
      const first = queryTable(core.db, { ...BASE, search });
      expect(first.totalExact, search).toBe(false);
      const seen: string[] = [];
      let last = first;
      for (let offset = 0; offset < want.total + 100; offset += 100) {
        last = queryTable(core.db, { ...BASE, search, offset, limit: 100 });
        expect(last.rows.map((r) => r.id), `${search} at ${offset}`).toEqual(want.rows.slice(offset, offset + 100).map((r) => r.id));
        seen.push(...last.rows.map((r) => r.id));
        if (last.rows.length < 100) break;
      }
      expect(seen).toEqual(want.rows.map((r) => r.id));
      expect(last.totalExact).toBe(true);
      expect(last.total).toBe(want.total);
      // Straight to the last page, and past it, from a fresh start: exact either way.
      forgetKept(core.db);
      const tail = queryTable(core.db, { ...BASE, search: `${search}`, offset: want.total - 10, limit: 50 });
      expect(tail.rows).toEqual(want.rows.slice(want.total - 10));
      expect([tail.total, tail.totalExact]).toEqual([want.total, true]);
      forgetKept(core.db);
      const past = queryTable(core.db, { ...BASE, search, offset: want.total + 5, limit: 50 });
      expect([past.rows.length, past.total, past.totalExact]).toEqual([0, want.total, true]);
    }
  });

  it('under a status or a priority: the model’s pages, walked with an estimate or exact', () => {
    let walked = 0;
    for (const search of ['低空', '发展', '数']) {
      for (const filters of [{ statuses: ['in_progress'] }, { statuses: [null] }, { priorities: ['high' as const] }, { statuses: ['in_progress', null], priorities: ['high' as const] }]) {
        for (const offset of [0, 20]) {
          const q = { ...BASE, search, filters, offset, limit: 20 };
          const want = expected(q);
          forgetKept(core.db);
          const page = queryTable(core.db, q);
          expect(page.rows, `${search} ${JSON.stringify(filters)} at ${offset}`).toEqual(want.rows);
          if (page.totalExact) expect(page.total).toBe(want.total);
          else {
            walked++;
            expect(page.total).toBe(sampledEstimate(q));
          }
        }
      }
    }
    expect(walked).toBeGreaterThan(0);
  });

  it('walks a term whose rarest token is in a tenth of the rows or more, below the candidates threshold; two characters there only on a page near the top with no other condition than plans', () => {
    // 低空经济 is in 325 of the 1,950 rows in scope (a sixth); 低空 in as many, answered by the index alone.
    Object.assign(WALK_TUNING, { candidates: 1_000_000, dense: 0.1 });
    try {
      const q = { ...BASE, search: '低空经济' };
      forgetKept(core.db);
      const page = queryTable(core.db, q);
      expect(page.rows).toEqual(expected(q).rows);
      expect([page.total, page.totalExact]).toEqual([sampledEstimate(q), false]);
      const two = { ...BASE, search: '低空' };
      forgetKept(core.db);
      const walked = queryTable(core.db, two);
      expect([walked.rows, walked.total, walked.totalExact]).toEqual([expected(two).rows, sampledEstimate(two), false]);
      // Under a status, and deep (the walk would test more rows than walkTests), its hits are
      // collected: exact.
      WALK_TUNING.walkTests = 1_000;
      for (const q of [{ ...two, filters: { statuses: ['in_progress'] } }, { ...two, offset: 300 }]) {
        forgetKept(core.db);
        const page = queryTable(core.db, q);
        expect([page.rows, page.total, page.totalExact], JSON.stringify(q)).toEqual([expected(q).rows, expected(q).total, true]);
      }
    } finally {
      Object.assign(WALK_TUNING, { candidates: 1, dense: Infinity, walkTests: 1_000_000 });
    }
  });

  it('keeps the hit set and the exact count for a rare term, facets and groups', () => {
    // 低空经济 is in 325 rows, its candidates (documents with 低空, 空经 and 经济) a few more.
    Object.assign(WALK_TUNING, { candidates: 1_000 });
    try {
      forgetKept(core.db);
      const rare = queryTable(core.db, { ...BASE, search: '低空经济' });
      expect([rare.total, rare.totalExact]).toEqual([expected({ ...BASE, search: '低空经济' }).total, true]);
    } finally {
      WALK_TUNING.candidates = 1;
    }
    for (const q of [{ ...BASE, search: '发展', facets: true }, { ...BASE, search: '发展', groupBy: 'theme' as const }]) {
      forgetKept(core.db);
      const page = queryTable(core.db, q);
      const want = expected(q);
      expect([page.total, page.totalExact]).toEqual([want.total, true]);
      expect(page.rows).toEqual(want.rows);
      expect(page.groups).toEqual(want.groups);
    }
  });
});
