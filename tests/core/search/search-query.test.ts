// search.query against its oracle: for any query the hits (items and plans) are exactly those
// whose texts contain every needle and no exclusion by a plain substring search, after the
// stated normalization (NFKC, lower case, full-width ，；：！？（） as half-width, whitespace runs
// as one space; a Latin word typed in the plural read in the singular). Property tests over
// generated Chinese/Latin plans, and the fixed list of real queries over the embedded plan with
// its English translation, the reader's fields, tags and notes.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchFilters, SearchHit, SearchResult } from '../../../shared/api/search/methods';
import type { PlanDocument } from '../../../shared/domain/plan';
import type { Core } from '../../../electron/core/core';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { importPlan } from '../../../electron/core/plan/store';
import { rankUnits, searchQuery, unitScore, type SqlStep } from '../../../electron/core/services/search/query';
import { parseQuery, singular } from '../../../electron/core/services/search/parse';
import { rebuildSearchIndex } from '../../../electron/core/refresh-derived';
import { importDocument } from '../../../electron/core/import/pipeline';
import { storeImportedPlan } from '../../../electron/core/plan/store-imported';
import { importVersion } from '../../../electron/core/services/versions/version-import';
import { createTestCore, updateLatest } from '../../helpers/core';
import { REPO_ROOT } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();
const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

/** The oracle's normalization, written apart from the code under test. */
const norm = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[，；：！？（）]/g, (ch) => ch.normalize('NFKC'))
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');

/** Needles of a query made of plain words (no quotes, no minus): each word, normalized. */
const wordsOf = (q: string): string[] => [...new Set(norm(q).split(' ').filter(Boolean).map(singular))];

/** Units (item id, or plan:<id>) whose texts contain every needle. */
function oracle(units: Map<string, string[]>, needles: readonly string[]): string[] {
  if (needles.length === 0) return [];
  return [...units]
    .filter(([, texts]) => needles.every((n) => texts.some((t) => norm(t).includes(n))))
    .map(([k]) => k)
    .sort();
}

const keyOf = (h: SearchHit): string => h.itemId ?? `plan:${h.planId}`;
const keysOf = (r: SearchResult): string[] => r.hits.map(keyOf).sort();
const run = (db: Db, text: string, filters: SearchFilters = {}): SearchResult => searchQuery(db, { text, filters, offset: 0, limit: 200 });

const HANZI = [...'数字经济营商环境杭州绿色人才基站制造业共同富裕元宇宙新质生产力'];
const OTHER = [...'5GAIaiＡＩ５ｇ，,（）、 \u3000TalentReformsreform'];
const char = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HANZI) }, { weight: 2, arbitrary: fc.constantFrom(...OTHER) });
const text = (max: number) => fc.array(char, { minLength: 1, maxLength: max }).map((cs) => cs.join(''));

function planDoc(id: string, title: string, items: { headline: string; body: string }[]): PlanDocument {
  return {
    meta: {
      id, title, column: null, publishedAt: null, source: null, author: null, editor: null, graphics: null,
      tags: [], themeLine: null, lead: 'Lead', authorNote: null, language: 'zh',
    },
    themes: [{ id: `${id}/T1`, planId: id, ordinal: 1, headline: '主题' }],
    initiatives: items.map((it, j) => ({
      id: `${id}/T1/I${j + 1}`, themeId: `${id}/T1`, ordinal: j + 1, numeral: `第${j + 1}`, headline: it.headline, body: it.body,
    })),
    lists: [],
  };
}

describe('search.query against a plain substring search', () => {
  it('generated plans and queries: the hits are exactly the oracle’s', () => {
    const db = openDatabase(join(temp.make(), 'search.sqlite3'));
    open.push(db);
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ headline: text(12), body: text(60) }), { minLength: 1, maxLength: 12 }),
        text(10),
        fc.array(fc.oneof(text(4), fc.constantFrom(...HANZI)), { minLength: 1, maxLength: 8 }),
        (items, title, queries) => {
          const id = `p-${(n++).toString(16).padStart(8, '0')}`;
          const doc = planDoc(id, title, items);
          importPlan(db, doc, id);
          const units = new Map<string, string[]>([[`plan:${id}`, [title]]]);
          for (const i of doc.initiatives) units.set(i.id, [i.headline, i.body, '主题']);
          // Pieces of the texts too, so most queries have hits.
          const pieces = items.flatMap((it) => [it.headline.slice(0, 3), it.body.slice(5, 7), it.body.slice(-1)]);
          for (const q of [...queries, ...pieces, `${queries[0]} ${pieces[0]}`]) {
            const got = keysOf(run(db, q, { planIds: [id] }));
            expect(got, JSON.stringify(q)).toEqual(oracle(units, wordsOf(q)));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('pages — counted to the end, or stopped early with an estimate — are the ranking of every hit, in order, to the last', () => {
    const db = openDatabase(join(temp.make(), 'search.sqlite3'));
    open.push(db);
    let n = 0;
    const fieldOf = (id: number) => (db.prepare('SELECT field FROM search_docs WHERE id = ?').get(id) as { field: string }).field;
    fc.assert(
      fc.property(
        fc.array(fc.record({ headline: text(12), body: text(60) }), { minLength: 1, maxLength: 15 }),
        fc.oneof(text(3), fc.constantFrom(...HANZI), fc.tuple(fc.constantFrom(...HANZI), text(2)).map(([a, b]) => `${a} ${b}`)),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(0, 3, 1000),
        (items, typed, limit, exactRows) => {
          importPlan(db, planDoc(`p-${(n++).toString(16).padStart(8, '0')}`, '计划', items), 'x');
          const parsed = parseQuery(typed);
          const needles = [...parsed.terms, ...parsed.phrases];
          fc.pre(needles.length > 0);
          // Every plan imported so far is in scope: pages cross plans.
          const all = rankUnits(db, needles, parsed.excluded, {});
          const paged: string[] = [];
          for (let offset = 0; ; offset += limit) {
            const page = searchQuery(db, { text: typed, filters: {}, offset, limit }, { exactRows });
            if (page.totalExact) expect(page.total, JSON.stringify(typed)).toBe(all.length);
            else expect(page.total).toBeGreaterThanOrEqual(offset + page.hits.length);
            const want = all.slice(offset, offset + limit);
            expect(page.hits.map((h) => `${h.planId} ${h.itemId}`), JSON.stringify(typed)).toEqual(want.map((u) => `${u.planId} ${u.itemId}`));
            page.hits.forEach((h, k) => {
              expect(h.score).toBeCloseTo(unitScore(want[k]!), 9);
              expect(h.matches.map((m) => m.field)).toEqual(want[k]!.docs.slice(0, 3).map(fieldOf));
            });
            paged.push(...page.hits.map((h) => `${h.planId} ${h.itemId}`));
            if (page.hits.length < limit) break;
          }
          expect(paged).toEqual(all.map((u) => `${u.planId} ${u.itemId}`));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('exclusions remove every unit containing them; only exclusions find nothing, with a message', () => {
    const db = openDatabase(join(temp.make(), 'search.sqlite3'));
    open.push(db);
    importPlan(db, planDoc('p-00000001', '计划', [
      { headline: '数字经济', body: '杭州' },
      { headline: '数字政府', body: '宁波' },
      { headline: '绿色', body: '数字' },
    ]), 'x');
    expect(keysOf(run(db, '数字 -杭州'))).toEqual(['p-00000001/T1/I2', 'p-00000001/T1/I3']);
    expect(keysOf(run(db, '数字 -"数字经济" -宁波'))).toEqual(['p-00000001/T1/I3']);
    expect(run(db, '-数字')).toMatchObject({ hits: [], total: 0, message: 'only-exclusions' });
    expect(run(db, '   ')).toMatchObject({ hits: [], total: 0, message: 'empty' });
  });
});

// ---- The embedded plan, as the reader has it: English attached, fields, tags and notes. ----

function embeddedUnits(core: Core): Map<string, string[]> {
  const db = core.db;
  const units = new Map<string, string[]>();
  const add = (key: string, t: string | null | undefined) => {
    if (t) units.set(key, [...(units.get(key) ?? []), t]);
  };
  for (const p of db.prepare('SELECT id, title FROM plans').all() as { id: string; title: string }[]) add(`plan:${p.id}`, p.title);
  for (const i of db.prepare('SELECT i.id, i.headline, i.body, t.headline AS theme FROM initiatives i JOIN themes t ON t.id = i.theme_id').all() as {
    id: string; headline: string; body: string; theme: string;
  }[]) {
    add(i.id, i.headline);
    add(i.id, i.body);
    add(i.id, i.theme);
  }
  for (const row of db.prepare("SELECT json FROM plan_translations WHERE language = 'en'").pluck().all() as string[]) {
    const t = JSON.parse(row) as { initiatives: Record<string, { headline: string; body: string[] }> };
    for (const [id, v] of Object.entries(t.initiatives)) {
      add(id, v.headline);
      add(id, v.body.join(' '));
    }
  }
  for (const s of db.prepare('SELECT * FROM user_initiative_state').all() as Record<string, string | null>[]) {
    add(s.initiative_id!, s.lead_unit);
    add(s.initiative_id!, s.responsible_units);
    add(s.initiative_id!, s.progress_note);
  }
  for (const t of db.prepare('SELECT initiative_id AS id, tag FROM user_initiative_tags').all() as { id: string; tag: string }[]) add(t.id, t.tag);
  for (const a of db.prepare('SELECT id, plan_id, item_id, body FROM user_annotations WHERE deleted_at IS NULL').all() as {
    id: string; plan_id: string; item_id: string | null; body: string;
  }[]) {
    const key = a.item_id ?? `plan:${a.plan_id}`;
    add(key, a.body);
    for (const tag of db.prepare('SELECT tag FROM user_annotation_tags WHERE annotation_id = ?').pluck().all(a.id) as string[]) add(key, tag);
  }
  return units;
}

const FIXED = ['人才', '营商环境', '新质生产力', '制造业', '共同富裕', '杭州', '元宇宙', '数字经济', '绿色', '"无废城市"', '杭', '绿', 'talent', 'business environment'];

async function readerCore(): Promise<Core> {
  const core = createTestCore(temp.make());
  open.push(core);
  updateLatest(core.db, 'hz-2024/T3/I2', { leadUnit: '市人才办', progressNote: 'Talent fair held', tags: ['人才', '重点'] });
  const note = await core.router.dispatch('annotation.create', {
    id: '6a1c2b9a-5d4e-4f60-8a7b-1c2d3e4f5a60', kind: 'note', planId: 'hz-2024', itemId: 'hz-2024/T4/I1', target: null,
    color: null, body: '绿色出行的数据要核实', tags: ['待核实'],
  });
  expect(note.ok).toBe(true);
  return core;
}

describe('search.query on the embedded plan', () => {
  it('the fixed list of real queries finds exactly the oracle’s hits (recall 1)', async () => {
    const core = await readerCore();
    const units = embeddedUnits(core);
    const recall: string[] = [];
    for (const q of FIXED) {
      const needles = q.startsWith('"') ? [norm(q.slice(1, -1))] : wordsOf(q);
      const expected = oracle(units, needles);
      const got = keysOf(run(core.db, q));
      expect(got, q).toEqual(expected);
      expect(expected.length, `${q} has hits`).toBeGreaterThan(0);
      recall.push(`${q} ${got.filter((k) => expected.includes(k)).length}/${expected.length}`);
    }
    console.info(`search recall on the embedded plan: ${recall.join(', ')}`);
  });

  it('ranks a headline match above body matches, and marks the matches in each snippet', async () => {
    const core = await readerCore();
    const r = run(core.db, '营商环境');
    expect(r.hits[0]).toMatchObject({ itemId: 'hz-2024/T1/I2', planTitle: expect.any(String), version: 1, themeId: 'hz-2024/T1' });
    expect(r.hits[0]!.matches[0]!.field).toBe('headline');
    for (const h of r.hits) {
      for (const m of h.matches) expect(m.snippet.filter((p) => p.mark).map((p) => norm(p.text))).toContain('营商环境');
    }
    const en = run(core.db, 'talent');
    expect(en.hits[0]!.matches.map((m) => m.source)).toContain('translation');
    expect(en.hits.find((h) => h.itemId === 'hz-2024/T3/I2')!.matches.map((m) => m.field)).toEqual(
      expect.arrayContaining(['headline_en', 'fields']),
    );
  });

  it('filters by source, theme, status, tag and plan', async () => {
    const core = await readerCore();
    const notes = run(core.db, '绿色', { sources: ['notes'] });
    expect(keysOf(notes)).toEqual(['hz-2024/T4/I1']);
    expect(notes.hits[0]!.matches[0]).toMatchObject({ field: 'note', source: 'notes', annotationId: '6a1c2b9a-5d4e-4f60-8a7b-1c2d3e4f5a60' });
    expect(run(core.db, '人才', { themeIds: ['hz-2024/T3'] }).hits.every((h) => h.themeId === 'hz-2024/T3')).toBe(true);
    expect(keysOf(run(core.db, '人才', { tags: ['重点'] }))).toEqual(['hz-2024/T3/I2']);
    expect(keysOf(run(core.db, '绿色', { tags: ['待核实'] }))).toEqual(['hz-2024/T4/I1']);
    updateLatest(core.db, 'hz-2024/T3/I2', { status: 'done' });
    expect(keysOf(run(core.db, '人才', { statuses: ['done'] }))).toEqual(['hz-2024/T3/I2']);
    expect(keysOf(run(core.db, '人才', { statuses: [null] }))).not.toContain('hz-2024/T3/I2');
    expect(run(core.db, '人才', { planIds: ['p-00000000'] }).total).toBe(0);
  });

  it('a note is found as soon as it is saved, its old words not after an edit, and not once deleted', async () => {
    const core = await readerCore();
    const id = '7b2d3c0b-6e5f-4a71-9b8c-2d3e4f5a6b71';
    const call = async (m: string, a: unknown) => {
      const r = await core.router.dispatch(m as never, a as never);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { revision: number };
    };
    const search = async (q: string) => keysOf((await call('search.query', { text: q, filters: {}, offset: 0, limit: 50 })) as unknown as SearchResult);
    expect(await search('zorblaxian')).toEqual([]);
    const created = await call('annotation.create', {
      id, kind: 'note', planId: 'hz-2024', itemId: null, target: null, color: null, body: 'A zorblaxian idea', tags: [],
    });
    expect(await search('zorblaxian')).toEqual(['plan:hz-2024']);
    const edited = await call('annotation.update', { id, baseRevision: created.revision, patch: { body: 'A quibbleworth idea' } });
    expect(await search('zorblaxian')).toEqual([]);
    expect(await search('QUIBBLEWORTH')).toEqual(['plan:hz-2024']);
    const trashed = await call('annotation.delete', { id, baseRevision: edited.revision });
    expect(await search('quibbleworth')).toEqual([]);
    await call('annotation.restore', { id, baseRevision: trashed.revision });
    expect(await search('quibbleworth')).toEqual(['plan:hz-2024']);
  });

  it('a plan in the trash drops out, and comes back when restored', async () => {
    const core = await readerCore();
    expect(run(core.db, '营商环境').total).toBeGreaterThan(0);
    const trash = await core.router.dispatch('library.trash', { planId: 'hz-2024', baseRevision: 0, confirm: true });
    expect(trash.ok).toBe(true);
    expect(run(core.db, '营商环境').total).toBe(0);
    expect(run(core.db, '绿色', { sources: ['notes'] }).total).toBe(0);
    const restore = await core.router.dispatch('library.restore', { planId: 'hz-2024', baseRevision: 1 });
    expect(restore.ok, restore.ok ? '' : restore.error.message).toBe(true);
    expect(run(core.db, '营商环境').total).toBeGreaterThan(0);
  });

  it('searches the current version of a plan, every version when asked, and the older one once the newer is in the trash', async () => {
    const core = createTestCore(temp.make());
    open.push(core);
    const fixture = (name: string) => new Uint8Array(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'versions', name)));
    const v1 = storeImportedPlan(core.db, await importDocument(fixture('renewal-v1.txt'), 'renewal-v1.txt')).planId;
    const v2 = importVersion(core.db, await importDocument(fixture('renewal-v2.txt'), 'renewal-v2.txt'), v1).planId;
    // 口袋公园 is in one item of each version (and the fixture's alone).
    const plans = (filters: SearchFilters = {}) => [...new Set(run(core.db, '口袋公园', filters).hits.map((h) => h.planId))].sort();
    expect(plans()).toEqual([v2]);
    expect(plans({ allVersions: true })).toEqual([v1, v2].sort());
    expect(plans({ planIds: [v1] })).toEqual([]);
    expect(plans({ planIds: [v1], allVersions: true })).toEqual([v1]);
    const trash = await core.router.dispatch('library.trash', { planId: v2, baseRevision: 0, confirm: true });
    expect(trash.ok).toBe(true);
    expect(plans()).toEqual([v1]);
    expect(plans({ allVersions: true })).toEqual([v1]);
  });

  it('the rebuild command writes the index again from the texts, notes included, with the same hits', async () => {
    const core = await readerCore();
    const before = FIXED.map((q) => keysOf(run(core.db, q)));
    core.db.exec("DELETE FROM search_docs; INSERT INTO search_fts (search_fts) VALUES ('delete-all');");
    expect(run(core.db, '营商环境').total).toBe(0);
    const report = rebuildSearchIndex(core.db);
    expect(report.plansIndexed).toEqual(['hz-2024']);
    expect(FIXED.map((q) => keysOf(run(core.db, q)))).toEqual(before);
    expect(keysOf(run(core.db, '待核实'))).toEqual(['hz-2024/T4/I1']);
  });

  it('anything typed is answered, never a syntax error', async () => {
    const core = await readerCore();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (typed) => {
        const r = await core.router.dispatch('search.query', { text: typed, filters: {}, offset: 0, limit: 5 });
        expect(r.ok, typed).toBe(true);
      }),
      { numRuns: 200 },
    );
    for (const typed of ['"', '-', '""', '- -', 'AND OR NOT', 'a*', '^x', 'col:val', '(', 'NEAR(a b)', '"a" OR "b"']) {
      const r = await core.router.dispatch('search.query', { text: typed, filters: {}, offset: 0, limit: 5 });
      expect(r.ok, typed).toBe(true);
    }
  });
});

describe('ranking on a fixed list', () => {
  it('title/headline above body, the phrase as typed above scattered words', () => {
    const db = openDatabase(join(temp.make(), 'rank.sqlite3'));
    open.push(db);
    importPlan(db, planDoc('p-0000000a', '计划', [
      { headline: '其他工作', body: '推进营商改革，改善城市环境。' }, // scattered
      { headline: '其他事项', body: '持续优化营商环境，改善服务。' }, // the phrase, in the body
      { headline: '营商环境', body: '持续推进各项工作。' }, // the phrase, in the headline
    ]), 'x');
    expect(run(db, '营商 环境').hits.map((h) => h.itemId)).toEqual(['p-0000000a/T1/I3', 'p-0000000a/T1/I2', 'p-0000000a/T1/I1']);
    expect(run(db, '营商环境').hits.map((h) => h.itemId)).toEqual(['p-0000000a/T1/I3', 'p-0000000a/T1/I2']);
  });
});

describe('a term in many texts', () => {
  it('is walked best first through the index (FTS5 the outer loop, no sort of the hits)', () => {
    const db = openDatabase(join(temp.make(), 'plan.sqlite3'));
    open.push(db);
    importPlan(db, planDoc('p-0000000b', '计划', [{ headline: '数字经济', body: '数字' }]), 'x');
    for (const text of ['数', '数字', '数字经济', 'talent', '数字 经济']) {
      const log: SqlStep[] = [];
      searchQuery(db, { text, filters: { themeIds: ['p-0000000b/T1'] }, offset: 0, limit: 20 }, { log });
      const walks = log.filter((s) => s.mode === 'iterate');
      expect(walks.length, text).toBeGreaterThan(0);
      for (const w of walks) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${w.sql}`).all(...w.params) as { detail: string }[]).map((r) => r.detail);
        expect(plan[0], text).toMatch(/^SCAN f VIRTUAL TABLE INDEX/);
        expect(plan.join('\n'), text).not.toMatch(/TEMP B-TREE|SCAN d\b|SCAN a\b|SCAN i\b/);
      }
    }
  });

  it('stops once its page is filled, says the total is an estimate, and estimates it from the texts per unit', () => {
    const db = openDatabase(join(temp.make(), 'many.sqlite3'));
    open.push(db);
    const items = Array.from({ length: 60 }, (_, k) => ({ headline: `数据${k}`, body: `推进数字化第${k}项` }));
    importPlan(db, planDoc('p-0000000c', '计划', items), 'x');
    const exact = searchQuery(db, { text: '数', filters: {}, offset: 0, limit: 5 });
    expect(exact).toMatchObject({ total: 60, totalExact: true });
    const log: SqlStep[] = [];
    const early = searchQuery(db, { text: '数', filters: {}, offset: 0, limit: 5 }, { exactRows: 10, log });
    expect(early.totalExact).toBe(false);
    expect(early.hits.map((h) => h.itemId)).toEqual(exact.hits.map((h) => h.itemId));
    // Every unit has two texts holding 数 (headline and body): 120 candidates × ½.
    expect(early.total).toBe(60);
    // The walk read a few rows past the page, not all 120.
    const walked = log.filter((s) => s.mode === 'iterate').reduce((n, s) => n + s.rows, 0);
    expect(walked).toBeLessThan(20);
    // Counting only the first 30 candidates and extrapolating over the texts below the last
    // one counted: the headlines come first (120 texts hold 数 of 181), so it is an estimate.
    const capped = searchQuery(db, { text: '数', filters: {}, offset: 0, limit: 5 }, { exactRows: 10, countCap: 30 });
    expect(capped.totalExact).toBe(false);
    expect(capped.total).toBeGreaterThanOrEqual(20);
    expect(capped.total).toBeLessThanOrEqual(180);
  });

  it('estimates from the candidates that hold the needle, not those holding its pieces apart', () => {
    const db = openDatabase(join(temp.make(), 'apart.sqlite3'));
    open.push(db);
    const items = Array.from({ length: 80 }, (_, k) =>
      // Texts of equal length, so both kinds interleave in the index's order.
      k % 2 === 0 ? { headline: `数据化${k}项目`, body: `推进数据化第${k}项` } : { headline: `数据${k}据化项`, body: `数据和据化第${k}项` },
    );
    importPlan(db, planDoc('p-0000000d', '计划', items), 'x');
    expect(searchQuery(db, { text: '数据化', filters: {}, offset: 0, limit: 5 })).toMatchObject({ total: 40, totalExact: true });
    const early = searchQuery(db, { text: '数据化', filters: {}, offset: 0, limit: 5 }, { exactRows: 10 });
    expect(early.totalExact).toBe(false);
    // 160 candidate texts, half of them holding the needle, two texts to a unit: about 40.
    expect(early.total).toBeGreaterThanOrEqual(30);
    expect(early.total).toBeLessThanOrEqual(55);
  });
});
