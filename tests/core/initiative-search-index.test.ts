// The initiatives' search index (search/initiative-index.ts, migration 0020) and the table pages
// it answers (services/table/slotted.ts): after every step of random sequences of saves of the
// reader's text, tags, state rows removed or moved by hand, imports, imports again, version
// imports, trash, restore, purge and transactions rolled back, a default-order page of a one-
// or two-character search at any offset, read off the index, is the model's page and total (the
// rows whose texts hold the term, plain JavaScript); and the index's slots are the default
// order. Then plans crowded between two neighbours until their slots are renumbered, and the
// same pages again, against the model and the hit set (collected from search_fts).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { ensureSortRanks, forgetKept, queryTable } from '../../electron/core/services/table/query';
import { hitsHeld } from '../../electron/core/services/table/hits';
import { slottedMatch } from '../../electron/core/services/table/slotted';
import { livePlans } from '../../electron/core/services/table/plans';
import { readRows } from '../../electron/core/services/table/rows';
import { norm } from './table-model';
import { PAGE_REWRITE_LIMIT, refreshInitiativeSearch } from '../../electron/core/search/initiative-index';
import { startSearchMerge } from '../../electron/core/search/merge';
import type { TableQuery } from '../../shared/domain/table';
import type { PlanDocument } from '../../shared/domain/plan';
import { articleText, generatePlan } from '../bench/corpus';
import { createTestCore, updateLatest } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';
import { Prng } from '../helpers/mixed-text';
import { librarySteps, pick } from '../helpers/library-steps';

const temp = useTempDirs();
let core: Core;
const UNITS = ['市发改委', '市科技局', '数据局', '区政府'];
const NOTES = ['数字化改革推进中', '已完成', '科技攻关', null];
const TAGS = ['数字', '甲', '科技', 'AI'];
/** Terms of one or two characters (the index answers them alone): in the plans' text, the
 *  reader's fields only, or both. */
const TERMS = ['数', '发展', '市', '数据', '甲', '科技', 'ai', '完成', '的', '创新'];
const { opArb, apply, importNext, ids } = librarySteps({
  db: () => core.db,
  seed: 7,
  shape: { plans: 40, themesPerPlan: 3, initiativesPerTheme: 4 },
  save: fc.record({ at: fc.nat(), unit: fc.nat(), note: fc.nat() }),
  saveOne: (s) => {
    const id = pick(ids('SELECT id FROM initiatives ORDER BY id'), s.at);
    if (id) updateLatest(core.db, id, { leadUnit: pick(UNITS, s.unit)!, progressNote: pick(NOTES, s.note)! });
  },
  tags: TAGS,
});

beforeAll(() => {
  core = createTestCore(temp.make());
  for (let i = 0; i < 3; i++) importNext();
});
afterAll(() => core.close());

const BASE: TableQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 5, facets: false };

/** Every row the table lists (plans in the trash and superseded versions left out), in the
 *  default order, with the texts the global search looks in. */
function liveRows(): { id: string; texts: (string | null)[] }[] {
  const live = new Set(livePlans(core.db).map((p) => p.id));
  const order = (core.db.prepare('SELECT initiative_id AS id, plan_id AS plan FROM initiative_sort_keys ORDER BY plan_id, theme_ordinal, ordinal, initiative_id').all() as { id: string; plan: string }[])
    .filter((k) => live.has(k.plan))
    .map((k) => k.id);
  const body = new Map(core.db.prepare('SELECT id, body FROM initiatives').raw().all() as [string, string][]);
  return readRows(core.db, order).map((row) => ({
    id: row.id,
    texts: [row.headline, body.get(row.id)!, row.themeHeadline, row.leadUnit, row.responsibleUnits, row.progressNote, ...row.tags],
  }));
}

/** Pages of each term at random offsets off the index, against the model's (table-model.ts:
 *  the rows whose texts hold the term, in the default order) and, with `held`, the same page
 *  with its facets (the hit set collected from search_fts; written by hand, a reader's record
 *  would leave search_fts behind, not the texts). Returns the pages read off the index. */
function expectIndexPages(r: Prng, held = false): number {
  let read = 0;
  const rows = liveRows();
  for (const search of TERMS) {
    const hits = rows.filter((row) => row.texts.some((t) => t !== null && norm(t).includes(search)));
    for (let k = 0; k < 3; k++) {
      const q: TableQuery = { ...BASE, search, offset: r.int(hits.length + 2), limit: r.between(1, 7) };
      // The hit set forgotten: a page with the hits held counts off them instead.
      forgetKept(core.db);
      const page = queryTable(core.db, q);
      expect(slottedMatch(q)).not.toBeNull();
      if (!hitsHeld(core.db, search, undefined)) read++;
      expect({ ids: page.rows.map((row) => row.id), total: page.total, totalExact: page.totalExact }, JSON.stringify(q)).toEqual({
        ids: hits.slice(q.offset, q.offset + q.limit).map((row) => row.id),
        total: hits.length,
        totalExact: true,
      });
      if (held) expect(page.rows, JSON.stringify(q)).toEqual(queryTable(core.db, { ...q, facets: true }).rows);
    }
  }
  return read;
}

/** The index's slots are the default order of every row (once what a write named is written). */
function expectSlotsInOrder(): void {
  ensureSortRanks(core.db);
  expect(core.db.prepare('SELECT count(*) FROM initiative_search_stale').pluck().get()).toBe(0);
  expect(ids('SELECT initiative_id FROM initiative_search_slots ORDER BY slot')).toEqual(
    ids('SELECT initiative_id FROM initiative_sort_keys ORDER BY plan_id, theme_ordinal, ordinal, initiative_id'),
  );
}

describe('the initiatives’ search index', () => {
  it('answers default-order pages of a term as the model does, after every step of random writes, rollbacks, imports, versions, trash and purge', async () => {
    const r = new Prng(20);
    let steps = 0;
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          await apply(o);
          steps++;
          read += expectIndexPages(r);
          expectSlotsInOrder();
        }
      }),
      { numRuns: 25 },
    );
    // The sequences reached what they are about, and the pages came off the index.
    expect(steps).toBeGreaterThan(60);
    expect(read).toBeGreaterThan(steps * 10);
    expect(core.db.prepare('SELECT count(*) FROM plan_versions').pluck().get()).toBeGreaterThan(0);
    expect(core.db.prepare('SELECT count(*) FROM user_initiative_state WHERE lead_unit IS NOT NULL').pluck().get()).toBeGreaterThan(0);
  }, 60_000); // 25 sequences of up to 8 steps, each checking 30 pages against the model: seconds, more under load

  it('renumbers the slots of a neighbourhood of plans when plans crowd between two, the pages the same', () => {
    // A library of its own, written through the services only: search_fts is then current, and
    // the hit set an oracle too (the sequences above wrote the reader's records by hand).
    core.close();
    core = createTestCore(temp.make());
    for (let i = 0; i < 3; i++) importNext();
    for (const [n, id] of ids('SELECT id FROM initiatives ORDER BY id').entries()) {
      if (n % 3 === 0) updateLatest(core.db, id, { leadUnit: pick(UNITS, n)!, progressNote: pick(NOTES, n)!, tags: TAGS.slice(0, n % 4) });
    }
    const low = pick(ids('SELECT plan_id FROM initiative_search_plans ORDER BY plan_id'), 0)!;
    const bases = () => new Map(core.db.prepare('SELECT plan_id, base FROM initiative_search_plans').raw().all() as [string, number][]);
    // Each new id just above the one before, all below low's next neighbour: each takes the
    // middle of a gap half the last one, until there is none and plans already placed move.
    let moved = 0;
    for (let k = 1; k <= 20; k++) {
      const before = bases();
      const doc = renamed(generatePlan(8, k, { plans: 21, themesPerPlan: 1, initiativesPerTheme: 2 }), `${low}-${'a'.repeat(k)}`);
      importPlan(core.db, doc, articleText(doc));
      const after = bases();
      moved += [...before].filter(([plan, base]) => after.get(plan) !== base).length;
    }
    expect(moved).toBeGreaterThan(0);
    expectSlotsInOrder();
    expect(expectIndexPages(new Prng(21), true)).toBeGreaterThan(0);
  });
});

describe('the initiatives’ search index after a save', () => {
  it('drops a tag removed, every tag removed included (its row deleted, no other row of the item written)', () => {
    core.close();
    core = createTestCore(temp.make());
    importNext();
    const id = ids('SELECT id FROM initiatives ORDER BY id')[0]!;
    const tagged = () => {
      forgetKept(core.db);
      const q: TableQuery = { ...BASE, search: '甲', limit: 50 };
      expect(slottedMatch(q)).not.toBeNull();
      return queryTable(core.db, q).rows.map((row) => row.id);
    };
    updateLatest(core.db, id, { tags: ['甲', '乙'] });
    expect(tagged()).toEqual([id]);
    updateLatest(core.db, id, { tags: ['乙'] });
    expect(tagged()).toEqual([]);
    updateLatest(core.db, id, { tags: ['甲'] });
    expect(tagged()).toEqual([id]);
    updateLatest(core.db, id, { tags: [] });
    expect(tagged()).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM initiative_search_stale').pluck().get()).toBe(0);
  });

  it('is left named by a save, written in idle time a step at a time, the pages the model’s throughout', async () => {
    core.close();
    core = createTestCore(temp.make());
    for (let i = 0; i < 2; i++) importNext();
    const named = () => core.db.prepare('SELECT count(*) FROM initiative_search_stale').pluck().get() as number;
    const some = ids('SELECT id FROM initiatives ORDER BY id').slice(0, 3);
    for (const id of some) updateLatest(core.db, id, { leadUnit: '数据局', tags: ['甲'] });
    // Named, not written, by the saves: a step of the idle-time maintenance writes some.
    expect(named()).toBe(3);
    refreshInitiativeSearch(core.db, undefined, 2);
    expect(named()).toBe(1);
    // The idle-time maintenance writes the rest once the API is idle.
    const merge = startSearchMerge(core.db);
    try {
      merge.kick();
      const until = Date.now() + 10_000;
      while (named() > 0 && Date.now() < until) await new Promise((done) => setTimeout(done, 50));
    } finally {
      merge.stop();
    }
    expect(named()).toBe(0);
    // A page after a save with its document still named writes it first.
    updateLatest(core.db, some[1]!, { leadUnit: '区政府', tags: [] });
    expect(named()).toBe(1);
    expect(expectIndexPages(new Prng(22), true)).toBeGreaterThan(0);
    expect(named()).toBe(0);
  });

  it('leaves more than a page should pay for to idle time: the page takes the hit set, with the model’s rows', async () => {
    core.close();
    core = createTestCore(temp.make());
    for (let i = 0; i < 10; i++) importNext();
    const named = () => core.db.prepare('SELECT count(*) FROM initiative_search_stale').pluck().get() as number;
    const many = ids('SELECT id FROM initiatives ORDER BY id').slice(0, PAGE_REWRITE_LIMIT + 1);
    for (const id of many) updateLatest(core.db, id, { leadUnit: '数据局' });
    expect(named()).toBe(PAGE_REWRITE_LIMIT + 1);
    // Every page still the model's, none written by a page.
    expect(expectIndexPages(new Prng(23))).toBe(0);
    expect(named()).toBe(PAGE_REWRITE_LIMIT + 1);
    // One fewer named: the next page writes them first and reads the index.
    refreshInitiativeSearch(core.db, undefined, 1);
    expect(expectIndexPages(new Prng(24))).toBeGreaterThan(0);
    expect(named()).toBe(0);
  });
});

/** The plan with its id (and its ids under it) replaced. */
function renamed(doc: PlanDocument, id: string): PlanDocument {
  return JSON.parse(JSON.stringify(doc).replaceAll(`"${doc.meta.id}`, `"${id}`)) as PlanDocument;
}
