// Facet counts (table.facets) against their oracle: a plain GROUP BY over the initiatives of a
// real database, written here without the query builder, for random queries over several
// plans — plan scope, theme, status, priority and tag filters, and a search. A facet is counted
// under every filter but its own selection; only values some row in scope has are listed (and
// the chosen ones, at 0 when no row has them), so the theme facet never lists every plan's
// themes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { queryFacet, queryFacetList, queryTable, type RowQuery } from '../../electron/core/services/table/query';
import { changeStamp } from '../../electron/core/services/table/plans';
import { openDatabase } from '../../electron/core/db/open';
import { libraryEntry, trashPlan, updateLibraryPlan } from '../../electron/core/services/library/library';
import { normalizeForSearch } from '../../electron/core/search/normalize';
import { readTransaction, writeTransaction } from '../../electron/core/db/transaction';
import { DEFAULT_STATUS_OPTIONS, PRIORITIES, type FacetCount, type TableFilters } from '../../shared/domain/table';
import { articleText, generatePlan } from '../bench/corpus';
import { createTestCore, updateLatest } from '../helpers/core';
import { Prng } from '../helpers/mixed-text';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;

const FACETS = ['plan', 'theme', 'status', 'priority', 'tags'] as const;
type Facet = (typeof FACETS)[number];
const STATUSES = DEFAULT_STATUS_OPTIONS.map((o) => o.key);
const TAGS = ['数字', '重点', 'AI', '民生', '本周'];
const UNITS = ['市发改委', '市科技局', '区政府'];
const SEARCHES = ['改革', '经济', '数字', '低空', '科技局', '营商环境'];
const SHAPE = { plans: 4, themesPerPlan: 3, initiativesPerTheme: 6 };

interface Oracle {
  where: string;
  params: unknown[];
}

/** The rows a query covers, except one facet's selection, as a plain WHERE over i (initiatives),
 *  t (themes) and s (user_initiative_state); search as a substring over the same texts. */
function plainWhere(q: RowQuery, except: Facet): Oracle {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const f = q.filters;
  const inList = (column: string, values: readonly (string | null)[]) => {
    const keys = values.filter((v): v is string => v !== null);
    const parts = keys.map(() => `${column} = ?`);
    params.push(...keys);
    if (values.includes(null)) parts.push(`${column} IS NULL`);
    clauses.push(`(${parts.join(' OR ')})`);
  };
  if (q.planId !== undefined) {
    clauses.push('i.plan_id = ?');
    params.push(q.planId);
  }
  if (except !== 'plan' && f.planIds?.length) inList('i.plan_id', f.planIds);
  if (except !== 'theme' && f.themeIds?.length) inList('i.theme_id', f.themeIds);
  if (except !== 'status' && f.statuses?.length) inList('s.status', f.statuses);
  if (except !== 'priority' && f.priorities?.length) inList('s.priority', f.priorities);
  if (except !== 'tags') {
    for (const tag of f.tags ?? []) {
      clauses.push('EXISTS (SELECT 1 FROM user_initiative_tags g WHERE g.initiative_id = i.id AND g.tag = ?)');
      params.push(tag);
    }
  }
  if (q.filters.text?.headline) {
    clauses.push('instr(i.headline, ?)');
    params.push(q.filters.text.headline);
  }
  if (q.search) {
    clauses.push(
      `(instr(i.headline, ?) OR instr(i.body, ?) OR instr(t.headline, ?) OR instr(coalesce(s.lead_unit, ''), ?)
        OR instr(coalesce(s.responsible_units, ''), ?) OR instr(coalesce(s.progress_note, ''), ?)
        OR EXISTS (SELECT 1 FROM user_initiative_tags g WHERE g.initiative_id = i.id AND instr(g.tag, ?)))`,
    );
    params.push(...Array<string>(7).fill(q.search));
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const FROM = 'FROM initiatives i JOIN themes t ON t.id = i.theme_id LEFT JOIN user_initiative_state s ON s.initiative_id = i.id';

function plainCounts(q: RowQuery, facet: Facet, db = core.db): Map<string | null, number> {
  const { where, params } = plainWhere(q, facet);
  const sql = {
    plan: `SELECT i.plan_id AS value, count(*) AS n ${FROM} ${where} GROUP BY i.plan_id`,
    theme: `SELECT i.theme_id AS value, count(*) AS n ${FROM} ${where} GROUP BY i.theme_id`,
    status: `SELECT s.status AS value, count(*) AS n ${FROM} ${where} GROUP BY s.status`,
    priority: `SELECT s.priority AS value, count(*) AS n ${FROM} ${where} GROUP BY s.priority`,
    tags: `SELECT g.tag AS value, count(*) AS n ${FROM} JOIN user_initiative_tags g ON g.initiative_id = i.id ${where} GROUP BY g.tag`,
  }[facet];
  const rows = db.prepare(sql).all(...params) as { value: string | null; n: number }[];
  return new Map(rows.map((r) => [r.value, r.n]));
}

function randomQuery(r: Prng, planIds: string[], themeIds: string[]): RowQuery {
  const filters: TableFilters = {};
  if (r.chance(0.3)) filters.planIds = r.sample(planIds, r.between(1, 2));
  if (r.chance(0.4)) filters.themeIds = r.sample(themeIds, r.between(1, 4));
  if (r.chance(0.4)) filters.statuses = r.sample([...STATUSES, null], r.between(1, 3));
  if (r.chance(0.3)) filters.priorities = r.sample([...PRIORITIES, null], r.between(1, 2));
  if (r.chance(0.3)) filters.tags = r.sample(TAGS, r.between(1, 2));
  return {
    ...(r.chance(0.5) ? { planId: r.pick(planIds) } : {}),
    sort: [],
    collation: 'pinyin',
    search: r.chance(0.3) ? r.pick(SEARCHES) : '',
    filters,
    groupBy: null,
  };
}

beforeAll(() => {
  core = createTestCore(temp.make());
  const r = new Prng(14);
  for (let p = 0; p < SHAPE.plans; p++) {
    const doc = generatePlan(7, p, SHAPE);
    importPlan(core.db, doc, articleText(doc));
  }
  const ids = (core.db.prepare('SELECT id FROM initiatives ORDER BY id').all() as { id: string }[]).map((x) => x.id);
  writeTransaction(core.db, () => {
    for (const id of ids) {
      if (r.chance(0.3)) continue;
      updateLatest(core.db, id, {
        status: r.chance(0.2) ? null : r.pick(STATUSES),
        priority: r.chance(0.4) ? null : r.pick(PRIORITIES),
        leadUnit: r.chance(0.5) ? r.pick(UNITS) : null,
        tags: r.sample(TAGS, r.int(3)),
      });
    }
  });
  return () => core.close();
});

describe('table.facets against a plain GROUP BY', () => {
  it('agrees on every facet for 150 random queries over several plans', () => {
    const r = new Prng(1414);
    const planIds = (core.db.prepare('SELECT id FROM plans ORDER BY id').all() as { id: string }[]).map((x) => x.id);
    const collator = new Intl.Collator('zh');
    const planRows = (core.db.prepare('SELECT id, title FROM plans').all() as { id: string; title: string }[]).sort(
      (a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1),
    );
    const planRank = new Map(planRows.map((p, n) => [p.id, n]));
    const themeRows = (
      core.db.prepare('SELECT id, plan_id AS planId, headline, ordinal FROM themes ORDER BY ordinal, id').all() as {
        id: string;
        planId: string;
        headline: string;
        ordinal: number;
      }[]
    ).sort((a, b) => planRank.get(a.planId)! - planRank.get(b.planId)! || a.ordinal - b.ordinal || (a.id < b.id ? -1 : 1));
    expect(planIds.length).toBeGreaterThan(SHAPE.plans); // the embedded plan and the generated ones
    let listed = 0;
    for (let n = 0; n < 150; n++) {
      const q = randomQuery(r, planIds, themeRows.map((t) => t.id));
      for (const facet of FACETS) {
        const actual = queryFacet(core.db, q, facet);
        const plain = plainCounts(q, facet);
        const where = `query ${n} ${facet}: ${JSON.stringify(q)}`;
        // Every count the plain GROUP BY finds, and nothing it does not (zeros only where listed
        // by rule: a chosen value, or a status or priority, which always lists its values).
        for (const entry of actual) {
          expect(entry.count, where).toBe(plain.get(entry.value) ?? 0);
        }
        const listedValues = new Set(actual.map((e) => e.value));
        for (const [value, count] of plain) if (count > 0) expect(listedValues.has(value), `${where} lacks ${value}`).toBe(true);
        if (facet === 'plan' || facet === 'theme' || facet === 'tags') {
          const chosen = { plan: q.filters.planIds, theme: q.filters.themeIds, tags: q.filters.tags }[facet] ?? [];
          for (const entry of actual) {
            if (entry.count === 0) expect(chosen, `${where}: ${entry.value} listed at 0 but not chosen`).toContain(entry.value);
          }
          for (const value of chosen) expect(listedValues.has(value), `${where}: chosen ${value} not listed`).toBe(true);
        }
        if (facet === 'plan') {
          // Plans by title, labelled with it.
          const order = planRows.filter((p) => listedValues.has(p.id));
          expect(actual.map((e) => [e.value, e.label]), where).toEqual(order.map((p) => [p.id, p.title]));
        }
        if (facet === 'theme') {
          // Themes plan by plan (plans by title), each plan's in theme order, labelled with their
          // headline and naming their plan.
          const order = themeRows.filter((t) => listedValues.has(t.id));
          expect(
            actual.map((e) => [e.value, e.label, e.planId, e.planTitle]),
            where,
          ).toEqual(order.map((t) => [t.id, t.headline, t.planId, planRows.find((p) => p.id === t.planId)!.title]));
        }
        listed += actual.filter((e) => e.count > 0).length;
      }
    }
    expect(listed).toBeGreaterThan(600); // the queries mostly find rows to count
  });

  it('lists only the themes in scope, not every plan’s', () => {
    const all = queryFacet(core.db, { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null }, 'theme');
    const themes = (core.db.prepare('SELECT count(*) AS n FROM themes').get() as { n: number }).n;
    expect(all).toHaveLength(themes);
    const plan = queryFacet(core.db, { planId: 'hz-2024', sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null }, 'theme');
    expect(plan.map((e) => e.value)).toEqual(['hz-2024/T1', 'hz-2024/T2', 'hz-2024/T3', 'hz-2024/T4', 'hz-2024/T5']);
    const searched = queryFacet(core.db, { sort: [], collation: 'pinyin', search: '低空', filters: {}, groupBy: null }, 'theme');
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.length).toBeLessThan(themes);
    expect(searched.every((e: FacetCount) => e.count > 0)).toBe(true);
  });
});

// The theme menu's list (table.facets with a limit and a match): the themes in scope with the
// most rows, among those whose headline or plan title holds the text, plus the chosen ones, in
// the facet's order, each count the plain GROUP BY's, and how many it left out.
describe('table.facets theme menu, limited and matched, against a plain GROUP BY', () => {
  it('lists the top themes by count and says how many more, for 150 random queries, limits and texts', () => {
    const r = new Prng(1415);
    const planIds = (core.db.prepare('SELECT id FROM plans ORDER BY id').all() as { id: string }[]).map((x) => x.id);
    const themes = core.db.prepare('SELECT t.id, t.headline, p.title FROM themes t JOIN plans p ON p.id = t.plan_id').all() as {
      id: string;
      headline: string;
      title: string;
    }[];
    // Texts from theme headlines and plan titles (a slice of each), and one nothing holds.
    const slice = (text: string) => {
      const chars = Array.from(text);
      const at = r.int(Math.max(1, chars.length - 1));
      return chars.slice(at, at + r.between(1, 3)).join('');
    };
    const texts = [...Array.from({ length: 8 }, () => slice(r.pick(themes).headline)), ...Array.from({ length: 4 }, () => slice(r.pick(themes).title)), '不存在的字样'];
    let cut = 0;
    for (let n = 0; n < 150; n++) {
      const q = randomQuery(r, planIds, themes.map((t) => t.id));
      const limit = r.pick([1, 2, 3, 5, 8, 1000]);
      const match = r.chance(0.5) ? r.pick(texts) : '';
      const where = `query ${n} limit ${limit} match ${match}: ${JSON.stringify(q)}`;
      const list = queryFacetList(core.db, q, 'theme', { limit, ...(match ? { match } : {}) });
      const plain = plainCounts(q, 'theme');
      const holds = (id: string) => {
        const t = themes.find((x) => x.id === id)!;
        return match === '' || t.headline.includes(match) || t.title.includes(match);
      };
      const matching = [...plain].filter(([id, count]) => count > 0 && holds(id!)).map(([id, count]) => ({ id: id!, count }));
      const top = matching.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)).slice(0, limit).map((t) => t.id);
      const chosen = q.filters.themeIds ?? [];
      const full = queryFacet(core.db, q, 'theme');
      // The full facet's entries (its order, labels and exact counts) that are in the top or chosen.
      expect(list.entries, where).toEqual(full.filter((e) => top.includes(e.value!) || chosen.includes(e.value!)));
      for (const entry of list.entries) expect(entry.count, `${where} ${entry.value}`).toBe(plain.get(entry.value) ?? 0);
      const shownMatching = list.entries.filter((e) => matching.some((m) => m.id === e.value)).length;
      expect(list.more, where).toBe(matching.length - shownMatching);
      if (list.more > 0) cut++;
    }
    expect(cut).toBeGreaterThan(20); // the limits leave themes out often enough to be tested
  });

  it('leaves the other facets whole, and lists every theme and plan without a limit or a text', () => {
    const q = searchFor('');
    expect(queryFacetList(core.db, q, 'theme')).toEqual({ entries: queryFacet(core.db, q, 'theme'), more: 0 });
    expect(queryFacetList(core.db, q, 'plan')).toEqual({ entries: queryFacet(core.db, q, 'plan'), more: 0 });
    expect(queryFacetList(core.db, q, 'status', { limit: 1 })).toEqual({ entries: queryFacet(core.db, q, 'status'), more: 0 });
    expect(queryFacetList(core.db, q, 'tags', { limit: 1 })).toEqual({ entries: queryFacet(core.db, q, 'tags'), more: 0 });
    const all = queryFacet(core.db, q, 'theme');
    const one = queryFacetList(core.db, q, 'theme', { limit: 1 });
    expect(one.entries).toHaveLength(1);
    expect(one.more).toBe(all.filter((e) => e.count > 0).length - 1);
  });
});

/** Each count of a facet as the plain GROUP BY finds it, and every value it finds listed. */
function expectPlainCounts(q: RowQuery, facet: Facet, where: string, db = core.db): FacetCount[] {
  const actual = queryFacet(db, q, facet);
  const plain = plainCounts(q, facet, db);
  for (const entry of actual) expect(entry.count, `${where} ${facet} ${String(entry.value)}`).toBe(plain.get(entry.value) ?? 0);
  const listedValues = new Set(actual.map((e) => e.value));
  for (const [value, count] of plain) if (count > 0) expect(listedValues.has(value), `${where} ${facet} lacks ${value}`).toBe(true);
  return actual;
}

const searchFor = (search: string, filters: TableFilters = {}): RowQuery => ({ sort: [], collation: 'pinyin', search, filters, groupBy: null });

/** An initiative whose texts and fields do not contain `term` (so a write can bring it in). */
function notMatching(term: string, db = core.db): string {
  const { where, params } = plainWhere(searchFor(term), 'plan');
  return (
    db.prepare(`SELECT i.id FROM initiatives i WHERE i.id NOT IN (SELECT i.id ${FROM} ${where}) ORDER BY i.id LIMIT 1`).get(...params) as {
      id: string;
    }
  ).id;
}

const countOf = (list: FacetCount[], value: string | null) => list.find((e) => e.value === value)?.count ?? 0;

// A search's hits are kept between the page and its facet menus (the same conditions, nothing
// written since) and found again whenever that no longer holds.
describe('table.facets of a search, menu after menu', () => {
  it('counts as the plain GROUP BY after the page, menu after menu, and after a write between two menus', () => {
    const q = searchFor('科技局');
    queryTable(core.db, { ...q, offset: 0, limit: 50 });
    for (const facet of FACETS) expectPlainCounts(q, facet, 'after the page');
    const before = expectPlainCounts(q, 'status', 'before the write');
    // The write brings a new initiative into the search (its lead unit) with a status.
    const id = notMatching('科技局');
    const status = STATUSES[1]!;
    updateLatest(core.db, id, { leadUnit: '市科技局', status });
    const after = expectPlainCounts(q, 'status', 'after the write');
    expect(countOf(after, status)).toBe(countOf(before, status) + 1);
    for (const facet of FACETS) expectPlainCounts(q, facet, 'after the write');
    // And out of it again.
    updateLatest(core.db, id, { leadUnit: null });
    expect(countOf(expectPlainCounts(q, 'status', 'after it left'), status)).toBe(countOf(before, status));
  });

  it('counts a write made by another connection on the same file between two menus', () => {
    // Its own library: the shared one's folder is gone after the first test (useTempDirs).
    const mine = createTestCore(temp.make());
    const other = openDatabase(mine.db.name);
    try {
      const doc = generatePlan(7, 0, SHAPE);
      importPlan(mine.db, doc, articleText(doc));
      const q = searchFor('区政府', { statuses: [STATUSES[2]!] });
      const before = expectPlainCounts(q, 'tags', 'before', mine.db);
      const id = notMatching('区政府', mine.db);
      writeTransaction(other, () => updateLatest(other, id, { leadUnit: '区政府', status: STATUSES[2]!, tags: ['本周'] }));
      const after = expectPlainCounts(q, 'tags', 'after', mine.db);
      expect(countOf(after, '本周')).toBe(countOf(before, '本周') + 1);
    } finally {
      other.close();
      mine.close();
    }
  });

  it('counts each search’s own hits when searches and text filters alternate', () => {
    const queries = [searchFor('经济'), searchFor('数字'), searchFor('经济', { planIds: [] }), { ...searchFor(''), filters: { text: { headline: '经济' } } }];
    for (let round = 0; round < 2; round++) {
      for (const [n, q] of queries.entries()) {
        for (const facet of ['theme', 'priority'] as const) expectPlainCounts(q, facet, `round ${round} query ${n}`);
      }
    }
  });

  it('does not take a hit set from a transaction that was rolled back', () => {
    const kept = searchFor('营商环境');
    const rolledBack = searchFor('改革');
    expectPlainCounts(kept, 'plan', 'before');
    expect(() =>
      readTransaction(core.db, () => {
        queryFacet(core.db, rolledBack, 'plan');
        throw new Error('the read fails after the hits were found');
      }),
    ).toThrow('the read fails');
    expectPlainCounts(rolledBack, 'plan', 'the search of the rolled-back read');
    expectPlainCounts(kept, 'plan', 'the search before it');
  });

  it('counts again after a write transaction that asked for facets was rolled back', () => {
    const q = searchFor('经济', { priorities: ['high'] });
    const before = expectPlainCounts(q, 'status', 'before');
    const id = (
      core.db
        .prepare(`SELECT i.id FROM initiatives i LEFT JOIN user_initiative_state s ON s.initiative_id = i.id
          WHERE instr(i.headline, '经济') AND s.priority IS NOT 'high' AND s.status IS NULL ORDER BY i.id LIMIT 1`)
        .get() as { id: string }
    ).id;
    expect(() =>
      writeTransaction(core.db, () => {
        updateLatest(core.db, id, { priority: 'high' });
        // Inside the write, the new row is counted (its status unset: one more than before).
        expect(countOf(expectPlainCounts(q, 'status', 'inside the write'), null)).toBe(countOf(before, null) + 1);
        throw new Error('the write is given up');
      }),
    ).toThrow('given up');
    expect(countOf(expectPlainCounts(q, 'status', 'after the rollback'), null)).toBe(countOf(before, null));
  });

  it('reads the change stamp once per menu request, and still counts a write between two menus', () => {
    // Every statement run, by its text, while the menus are asked for.
    const statement = Object.getPrototypeOf(core.db.prepare('SELECT 1')) as { get: (...args: unknown[]) => unknown };
    const get = statement.get;
    let stampReads = 0;
    statement.get = function (this: { source: string }, ...args: unknown[]) {
      if (this.source === 'PRAGMA data_version') stampReads++;
      return get.apply(this, args);
    };
    try {
      const q = searchFor('数字', { priorities: ['high', null] });
      queryTable(core.db, { ...q, offset: 0, limit: 50 });
      for (const facet of FACETS) {
        stampReads = 0;
        // The theme and plan menus as they open (their top values), the others whole.
        const listing = facet === 'theme' || facet === 'plan' ? { limit: 100 } : {};
        queryFacetList(core.db, q, facet, listing);
        expect(stampReads, facet).toBe(1);
        expectPlainCounts(q, facet, 'read once');
      }
      const id = notMatching('数字');
      updateLatest(core.db, id, { progressNote: '数字', priority: 'high' });
      for (const facet of FACETS) expectPlainCounts(q, facet, 'after a write');
    } finally {
      statement.get = get;
    }
  });

  it('does not count a search as a change, and counts a write', () => {
    const stamp = changeStamp(core.db);
    queryTable(core.db, { ...searchFor('低空'), offset: 0, limit: 50 });
    queryFacet(core.db, searchFor('数字'), 'plan');
    expect(changeStamp(core.db)).toBe(stamp);
    updateLatest(core.db, notMatching('低空'), { progressNote: '低空' });
    expect(changeStamp(core.db)).not.toBe(stamp);
  });

  it('counts the status and priority menus off the rows with a value, or from the kept counts without sorting them', () => {
    // Every statement run while a menu is asked for.
    const statement = Object.getPrototypeOf(core.db.prepare('SELECT 1')) as { all: (...args: unknown[]) => unknown[] };
    const all = statement.all;
    let ran: { sql: string; params: unknown[] }[] = [];
    statement.all = function (this: { source: string }, ...args: unknown[]) {
      ran.push({ sql: this.source, params: args });
      return all.apply(this, args);
    };
    const asked = (q: RowQuery, facet: 'status' | 'priority') => {
      ran = [];
      queryFacetList(core.db, q, facet);
      const read = [...ran];
      expectPlainCounts(q, facet, 'counted');
      return read;
    };
    try {
      // No condition: each value's rows off its index on the sort keys, which holds only the rows
      // with a value, not the kept counts (a third of which are the unset rows').
      for (const facet of ['status', 'priority'] as const) {
        const read = asked(searchFor(''), facet);
        expect(read.filter((s) => /initiative_counts/.test(s.sql)), facet).toEqual([]);
        expect(read.filter((s) => new RegExp(`FROM initiative_sort_keys k WHERE k\\.${facet} > ''`).test(s.sql)), facet).toHaveLength(1);
      }
      // Under a filter, the kept counts in one statement, in their status index's order (no
      // temporary B-tree sorting every count by priority).
      for (const facet of ['status', 'priority'] as const) {
        const read = asked(searchFor('', { priorities: ['high', null], statuses: [STATUSES[1]!, null] }), facet);
        const counts = read.filter((s) => /FROM initiative_counts/.test(s.sql));
        expect(counts, facet).toHaveLength(1);
        const plan = (core.db.prepare(`EXPLAIN QUERY PLAN ${counts[0]!.sql}`).all(...counts[0]!.params) as { detail: string }[]).map((p) => p.detail);
        expect(plan.filter((d) => /TEMP B-TREE/.test(d)), `${facet}: ${plan.join('; ')}`).toEqual([]);
      }
    } finally {
      statement.all = all;
    }
  });

  // Last: it puts a plan in the trash.
  it('leaves a plan in the trash out of every facet, across plans and under a search', () => {
    const planId = (core.db.prepare("SELECT id FROM plans WHERE id <> 'hz-2024' ORDER BY id LIMIT 1").get() as { id: string }).id;
    trashPlan(core.db, planId, libraryEntry(core.db, planId)!.revision, true);
    for (const q of [searchFor(''), searchFor('经济'), searchFor('', { statuses: [STATUSES[0]!, null] })]) {
      for (const facet of FACETS) {
        const actual = queryFacet(core.db, q, facet);
        const { where, params } = plainWhere(q, facet);
        const live = where ? `${where} AND i.plan_id <> ?` : 'WHERE i.plan_id <> ?';
        const column = { plan: 'i.plan_id', theme: 'i.theme_id', status: 's.status', priority: 's.priority', tags: 'g.tag' }[facet];
        const tags = facet === 'tags' ? ' JOIN user_initiative_tags g ON g.initiative_id = i.id' : '';
        const plain = new Map(
          (core.db.prepare(`SELECT ${column} AS value, count(*) AS n ${FROM}${tags} ${live} GROUP BY ${column}`).all(...params, planId) as {
            value: string | null;
            n: number;
          }[]).map((r) => [r.value, r.n]),
        );
        const at = `${JSON.stringify(q)} ${facet}`;
        for (const entry of actual) expect(entry.count, `${at} ${String(entry.value)}`).toBe(plain.get(entry.value) ?? 0);
        for (const [value, n] of plain) if (n > 0) expect(countOf(actual, value), `${at} ${String(value)}`).toBe(n);
        if (facet === 'plan') expect(actual.map((e) => e.value)).not.toContain(planId);
        if (facet === 'theme') expect(actual.filter((e) => e.planId === planId)).toEqual([]);
      }
    }
  });
});

// The plan menu's list (table.facets for 'plan' with a limit and a match): the plans in scope
// with the most rows, among those whose shown title (the reader's rename, Chinese or English,
// else the plan's own) holds the text as search checks it (normalized: case, full-width forms),
// plus the chosen ones, in the facet's order (by title), and how many it left out. Its own
// library: plans of different sizes (so the counts differ and tie), some renamed, one in the
// trash.
describe('table.facets plan menu, limited and matched, against a plain GROUP BY', () => {
  let db: Core['db'];
  let menu: Core;
  const RENAMES: [number, string][] = [
    [1, 'Hangzhou Digital Economy Plan'],
    [4, 'Low-Altitude ECONOMY Action 2025'],
    [6, 'ＡＩ＋ Manufacturing Plan'],
    [8, '数字经济创新提质行动计划'],
  ];
  beforeAll(() => {
    menu = createTestCore(temp.make());
    db = menu.db;
    for (let p = 0; p < 14; p++) {
      const doc = generatePlan(9, p, { plans: 14, themesPerPlan: 1 + (p % 3), initiativesPerTheme: 1 + ((p * 5) % 4) });
      importPlan(db, doc, articleText(doc));
    }
    const ids = (db.prepare('SELECT id FROM plans ORDER BY id').all() as { id: string }[]).map((x) => x.id);
    for (const [n, title] of RENAMES) updateLibraryPlan(db, ids[n]!, libraryEntry(db, ids[n]!)!.revision, { title });
    trashPlan(db, ids[10]!, libraryEntry(db, ids[10]!)!.revision, true);
    const r = new Prng(15);
    const initiatives = (db.prepare('SELECT id FROM initiatives ORDER BY id').all() as { id: string }[]).map((x) => x.id);
    writeTransaction(db, () => {
      for (const id of initiatives) {
        if (r.chance(0.4)) continue;
        updateLatest(db, id, { status: r.pick(STATUSES), priority: r.chance(0.5) ? null : r.pick(PRIORITIES), tags: r.sample(TAGS, r.int(3)) });
      }
    });
    return () => menu.close();
  });

  it('lists the top plans by count and says how many more, for 200 random queries, limits and texts', () => {
    const r = new Prng(1416);
    const trashed = (db.prepare('SELECT plan_id AS id FROM user_plan_state WHERE trashed_at IS NOT NULL').all() as { id: string }[]).map((x) => x.id);
    expect(trashed).toHaveLength(1);
    // The title a plan is shown by, written here without the core's SQL.
    const plans = (
      db.prepare("SELECT p.id AS id, coalesce(nullif(u.title, ''), p.title) AS title FROM plans p LEFT JOIN user_plan_state u ON u.plan_id = p.id").all() as {
        id: string;
        title: string;
      }[]
    ).filter((p) => !trashed.includes(p.id));
    const themeIds = (db.prepare('SELECT id FROM themes ORDER BY id').all() as { id: string }[]).map((x) => x.id);
    const slice = (text: string) => {
      const chars = Array.from(text);
      const at = r.int(Math.max(1, chars.length - 1));
      return chars.slice(at, at + r.between(1, 4)).join('');
    };
    // Slices of shown titles, the English ones in another case and in full-width forms, and
    // one text no title holds.
    const texts = [
      ...Array.from({ length: 10 }, () => slice(r.pick(plans).title)),
      'digital',
      'economy',
      'ＥＣＯＮＯＭＹ',
      'ai+',
      'plan',
      '数字经济',
      '不存在的字样',
    ];
    const holds = (id: string, match: string) =>
      match === '' || normalizeForSearch(plans.find((p) => p.id === id)!.title).includes(normalizeForSearch(match));
    let cut = 0;
    let english = 0;
    for (let n = 0; n < 200; n++) {
      const random = randomQuery(r, plans.map((p) => p.id), themeIds);
      // Mostly across plans: a query of one plan lists one plan.
      const { planId, ...across } = random;
      const q = planId !== undefined && r.chance(0.3) ? random : across;
      const limit = r.pick([1, 2, 3, 5, 8, 1000]);
      const match = r.chance(0.5) ? r.pick(texts) : '';
      const where = `query ${n} limit ${limit} match ${match}: ${JSON.stringify(q)}`;
      const list = queryFacetList(db, q, 'plan', { limit, ...(match ? { match } : {}) });
      const plain = plainCounts(q, 'plan', db);
      for (const id of trashed) plain.delete(id);
      const matching = [...plain].filter(([id, count]) => count > 0 && holds(id!, match)).map(([id, count]) => ({ id: id!, count }));
      const top = matching.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)).slice(0, limit).map((p) => p.id);
      const chosen = q.filters.planIds ?? [];
      // The full facet's entries (its order, titles and exact counts) that are in the top or chosen.
      const full = queryFacet(db, q, 'plan');
      expect(list.entries, where).toEqual(full.filter((e) => top.includes(e.value!) || chosen.includes(e.value!)));
      for (const entry of list.entries) {
        expect(entry.count, `${where} ${entry.value}`).toBe(plain.get(entry.value) ?? 0);
        expect(entry.label, `${where} ${entry.value}`).toBe(plans.find((p) => p.id === entry.value)!.title);
      }
      const shownMatching = list.entries.filter((e) => matching.some((m) => m.id === e.value)).length;
      expect(list.more, where).toBe(matching.length - shownMatching);
      if (list.more > 0) cut++;
      if (/[a-z]/i.test(match) && top.length > 0) english++;
    }
    expect(cut).toBeGreaterThan(15); // the limits leave plans out often enough to be tested
    expect(english).toBeGreaterThan(10); // English titles are found by texts in another case and width
  });
});
