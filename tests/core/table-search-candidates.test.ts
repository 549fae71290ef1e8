// A selective term's table page from its candidates (candidates.ts): on 2,000 initiatives with
// the walk turned off and the thresholds lowered so that a term in a few hundred rows is
// sampled, its pages must be the JavaScript model's pages (table-model.ts), its estimate the
// share of hits among the sampled candidates (the index's candidates in the model's order,
// sampled here by hand) times the candidates, within the bound the sample is made for, and
// paging on, a deep page and a query asking for it exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { forgetKept, queryTable } from '../../electron/core/services/table/query';
import { WALK_TUNING } from '../../electron/core/services/table/walk';
import { CANDIDATE_TUNING } from '../../electron/core/services/table/candidates';
import { DEFAULT_STATUS_OPTIONS, type TableQuery } from '../../shared/domain/table';
import { createTestCore } from '../helpers/core';
import { modelPage } from './table-model';
import { loadSearchCorpus, type SearchModel } from './table-search-corpus';
import { useTempDirs } from '../helpers/temp-dir';
import { fieldListSql } from '../../electron/core/search/documents';
import { GLOBAL_SEARCH_FIELDS } from '../../electron/core/search/initiative-docs';

const temp = useTempDirs();
let core: Core;
let model: SearchModel;
const savedWalk = { ...WALK_TUNING };
const saved = { ...CANDIDATE_TUNING };

/** Sampled until 100 hits: a relative standard error of at most 10%. */
const SAMPLE_HITS = 100;

beforeAll(() => {
  // Never walked; more than 60 candidates sampled.
  Object.assign(WALK_TUNING, { candidates: 1_000_000, dense: Infinity });
  Object.assign(CANDIDATE_TUNING, { collectBelow: 0, exactCandidates: 60, sampleHits: SAMPLE_HITS, pageChecks: 1_000_000 });
  core = createTestCore(temp.make());
  model = loadSearchCorpus(core, (n) => ({ leadUnit: '低空经济办', status: n % 2 ? 'in_progress' : null, tags: n % 3 ? ['低空经济'] : [] }));
});
afterAll(() => {
  Object.assign(WALK_TUNING, savedWalk);
  Object.assign(CANDIDATE_TUNING, saved);
  core?.close();
});

const BASE: TableQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 50, facets: false };
const expected = (q: TableQuery) => modelPage(model.rows, model.themes, q, DEFAULT_STATUS_OPTIONS, model.plans);

/** The initiatives with a document of the global search's fields holding every bigram of the
 *  term, as the index names them (its candidates, before any text is checked). */
function candidateIds(term: string): Set<string> {
  const chars = Array.from(term);
  const match = chars.slice(1).map((c, i) => `"${chars[i]}${c}"`).join(' ');
  return new Set(
    core.db
      .prepare(
        `SELECT DISTINCT d.key FROM search_fts JOIN search_doc_ids d ON d.id = search_fts.rowid
         WHERE search_fts MATCH ? AND d.field IN (${fieldListSql(GLOBAL_SEARCH_FIELDS)})`,
      )
      .pluck()
      .all(match) as string[],
  );
}

/** The estimate by hand: the candidates in scope in the model's order, candidate ⌊j·n/m⌋ for
 *  j < m checked against the model's hits, m doubled from SAMPLE_HITS until the sample holds
 *  SAMPLE_HITS hits; their share times the candidates. */
function sampledEstimate(q: TableQuery): { total: number; candidates: number } {
  const inOrder = expected({ ...q, search: '', offset: 0, limit: 1_000_000 }).rows.map((r) => r.id);
  const named = candidateIds(q.search);
  const candidates = inOrder.filter((id) => named.has(id));
  const hits = new Set(expected({ ...q, offset: 0, limit: 1_000_000 }).rows.map((r) => r.id));
  const n = candidates.length;
  for (let m = SAMPLE_HITS; ; m *= 2) {
    if (m >= n) return { total: hits.size, candidates: n };
    let found = 0;
    for (let j = 0; j < m; j++) if (hits.has(candidates[Math.floor((j * n) / m)]!)) found++;
    if (found >= SAMPLE_HITS) return { total: Math.round((found / m) * n), candidates: n };
  }
}

describe('a selective term answered from its candidates', () => {
  const TERMS = ['低空经济', '营商环境', '高质量发展', '数字经济'];
  const SORTS = [[], [{ column: 'headline' as const, desc: false }], [{ column: 'shortId' as const, desc: true }], [{ column: 'status' as const, desc: false }]];

  it('gives the model’s first page, the sampled estimate within 3 standard errors of the exact total, and the exact total when asked', () => {
    let estimated = 0;
    for (const search of TERMS) {
      for (const sort of SORTS) {
        // Filters in the default order only: the model takes its time over 2,000 rows.
        for (const filters of sort.length ? [{}] : [{}, { statuses: ['in_progress'] }, { text: { leadUnit: '经济办' } }]) {
          const q = { ...BASE, search, sort, filters };
          const want = expected(q);
          const label = `${search} ${JSON.stringify(sort)} ${JSON.stringify(filters)}`;
          forgetKept(core.db);
          const page = queryTable(core.db, q);
          expect(page.rows, label).toEqual(want.rows);
          if (!page.totalExact) {
            estimated++;
            if (!('text' in filters)) expect(page.total, label).toBe(sampledEstimate(q).total);
            expect(Math.abs(page.total - want.total) / want.total, `${label}: about ${page.total}, exactly ${want.total}`).toBeLessThan(3 / Math.sqrt(SAMPLE_HITS));
          } else {
            expect(page.total, label).toBe(want.total);
          }
          // The next page is the model's and shows the same estimate.
          const next = queryTable(core.db, { ...q, offset: 50 });
          expect(next.rows, label).toEqual(expected({ ...q, offset: 50 }).rows);
          if (!page.totalExact && next.rows.length === 50) expect([next.total, next.totalExact]).toEqual([page.total, false]);
          const exact = queryTable(core.db, { ...q, exactTotal: true });
          expect([exact.total, exact.totalExact, exact.rows]).toEqual([want.total, true, want.rows]);
        }
      }
    }
    // The plain search of each term, in the three orders, has more than 60 candidates: sampled.
    expect(estimated).toBeGreaterThanOrEqual(TERMS.length * SORTS.length);
  });

  it('pages on to the last hit exactly; a deep page, few candidates and a term the index answers alone are exact', () => {
    const search = '低空经济';
    const want = expected({ ...BASE, search, offset: 0, limit: 1_000_000 });
    expect(sampledEstimate({ ...BASE, search }).candidates).toBeGreaterThan(200);
    forgetKept(core.db);
    let last = queryTable(core.db, { ...BASE, search, limit: 100 });
    expect(last.totalExact).toBe(false);
    const seen: string[] = [];
    for (let offset = 0; offset < want.total + 100; offset += 100) {
      last = queryTable(core.db, { ...BASE, search, offset, limit: 100 });
      expect(last.rows.map((r) => r.id), `at ${offset}`).toEqual(want.rows.slice(offset, offset + 100).map((r) => r.id));
      seen.push(...last.rows.map((r) => r.id));
      if (last.rows.length < 100) break;
    }
    expect(seen).toEqual(want.rows.map((r) => r.id));
    expect([last.total, last.totalExact]).toEqual([want.total, true]);

    // A page that would check more candidates than pageChecks takes the hit set: exact.
    CANDIDATE_TUNING.pageChecks = 100;
    try {
      forgetKept(core.db);
      const deep = queryTable(core.db, { ...BASE, search, offset: 100, limit: 50 });
      expect([deep.rows, deep.total, deep.totalExact]).toEqual([want.rows.slice(100, 150), want.total, true]);
    } finally {
      CANDIDATE_TUNING.pageChecks = 1_000_000;
    }
    // Few candidates: each checked, exact.
    CANDIDATE_TUNING.exactCandidates = 100_000;
    try {
      forgetKept(core.db);
      const few = queryTable(core.db, { ...BASE, search });
      expect([few.rows, few.total, few.totalExact]).toEqual([want.rows.slice(0, 50), want.total, true]);
    } finally {
      CANDIDATE_TUNING.exactCandidates = 60;
    }
    // Two characters: the index's candidates are the hits, counted exactly.
    forgetKept(core.db);
    const two = queryTable(core.db, { ...BASE, search: '低空' });
    const wantTwo = expected({ ...BASE, search: '低空' });
    expect([two.rows, two.total, two.totalExact]).toEqual([wantTwo.rows, wantTwo.total, true]);
  });
});
