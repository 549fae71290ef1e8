// The kept counts of the table's rows by theme, status and priority (initiative_counts, kept by
// triggers) and by plan (initiative_plan_totals) never drift from a plain GROUP BY over the rows and the reader's values: checked
// after every step of random sequences of saves, tag edits, removed state rows, imports,
// version imports (values moved to the new items), trash, restore and purge, and transactions
// rolled back after some of them. Then the table's totals and facets that read them against
// plain counts of the same rows.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { importDocument } from '../../electron/core/import/pipeline';
import { importVersion } from '../../electron/core/services/versions/version-import';
import { supersededSql } from '../../electron/core/services/versions/lineage';
import { libraryEntry, purgePlan, restorePlan, trashPlan } from '../../electron/core/services/library/library';
import { queryFacet, queryTable } from '../../electron/core/services/table/query';
import { writeTransaction } from '../../electron/core/db/transaction';
import { INITIATIVE_COUNTS_SQL, INITIATIVE_TAG_COUNTS_SQL } from '../../electron/core/db/migrations/0012-initiative-counts';
import { PLAN_TOTALS_SQL } from '../../electron/core/db/migrations/0015-plan-totals';
import { DEFAULT_STATUS_OPTIONS, PRIORITIES, type TableQuery } from '../../shared/domain/table';
import { articleText, benchPlanId, generatePlan } from '../bench/corpus';
import { createTestCore, updateLatest } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
const SHAPE = { plans: 1, themesPerPlan: 2, initiativesPerTheme: 4 };
const STATUSES = [...DEFAULT_STATUS_OPTIONS.map((o) => o.key), 'retired_key', null];
let nextPlan = 0;
let revisions = 0;
/** Generated plans purged (by index), and how many were imported again. */
const purged = new Set<number>();
let reimported = 0;
/** Each plan's text as imported, for a new version of it. */
const texts = new Map<string, string>();

beforeAll(() => {
  core = createTestCore(temp.make());
  for (let i = 0; i < 3; i++) importNext();
});
afterAll(() => core.close());

function importNext(): void {
  const index = nextPlan++;
  const doc = generatePlan(99, index, SHAPE);
  const text = articleText(doc);
  importPlan(core.db, doc, text);
  texts.set(benchPlanId(index), text);
}

const ids = (sql: string) => (core.db.prepare(sql).pluck().all() as string[]);
const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

type Op =
  | { op: 'save'; at: number; status: number; priority: number }
  | { op: 'tags'; at: number; tags: number }
  | { op: 'dropState'; at: number }
  | { op: 'moveState'; at: number; to: number }
  | { op: 'import' }
  | { op: 'reimport'; at: number }
  | { op: 'version'; at: number }
  | { op: 'trash' | 'restore' | 'purge'; at: number }
  | { op: 'rollback'; saves: { at: number; status: number; priority: number }[] };

const save = fc.record({ at: fc.nat(), status: fc.nat(), priority: fc.nat() });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: save.map((s) => ({ op: 'save' as const, ...s })) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('tags' as const), at: fc.nat(), tags: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropState' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('moveState' as const), at: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'import' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reimport' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('version' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('trash' as const, 'restore' as const, 'purge' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rollback' as const), saves: fc.array(save, { minLength: 1, maxLength: 4 }) }) },
);

function saveOne(s: { at: number; status: number; priority: number }): void {
  // Items of purged plans keep their state rows: saving one is a write the counts must ignore.
  const id = pick(ids('SELECT id FROM initiatives UNION SELECT initiative_id FROM user_initiative_state ORDER BY 1'), s.at);
  if (id === undefined) return;
  const status = STATUSES[s.status % STATUSES.length]!;
  const priority = [...PRIORITIES, null][s.priority % (PRIORITIES.length + 1)]!;
  if (status === 'retired_key' || !core.db.prepare('SELECT 1 FROM initiatives WHERE id = ?').get(id)) {
    // A status key no longer among the options, or an item whose plan is gone: written as stored.
    core.db
      .prepare(
        `INSERT INTO user_initiative_state (initiative_id, status, priority, touched_at, revision) VALUES (?, ?, ?, 't', 1)
         ON CONFLICT (initiative_id) DO UPDATE SET status = excluded.status, priority = excluded.priority`,
      )
      .run(id, status, priority);
  } else {
    updateLatest(core.db, id, { status, priority });
  }
}

async function apply(o: Op): Promise<void> {
  const plans = ids('SELECT id FROM plans ORDER BY id');
  switch (o.op) {
    case 'save':
      return writeTransaction(core.db, () => saveOne(o));
    case 'tags': {
      const id = pick(ids('SELECT id FROM initiatives ORDER BY id'), o.at);
      if (id) updateLatest(core.db, id, { tags: ['甲', '乙', '丙'].slice(0, o.tags) });
      return;
    }
    case 'dropState': {
      const id = pick(ids('SELECT initiative_id FROM user_initiative_state ORDER BY 1'), o.at);
      if (id) writeTransaction(core.db, () => core.db.prepare('DELETE FROM user_initiative_state WHERE initiative_id = ?').run(id));
      return;
    }
    case 'moveState': {
      // A state row given to another item that has none (its key changed in place).
      const from = pick(ids('SELECT initiative_id FROM user_initiative_state ORDER BY 1'), o.at);
      const to = pick(ids('SELECT id FROM initiatives WHERE id NOT IN (SELECT initiative_id FROM user_initiative_state) ORDER BY 1'), o.to);
      if (from && to) {
        writeTransaction(core.db, () => core.db.prepare('UPDATE user_initiative_state SET initiative_id = ? WHERE initiative_id = ?').run(to, from));
      }
      return;
    }
    case 'import':
      return importNext();
    case 'reimport': {
      // A purged plan imported again: its items come back to the values the reader left on them.
      const index = pick([...purged], o.at);
      if (index === undefined) return;
      const doc = generatePlan(99, index, SHAPE);
      importPlan(core.db, doc, articleText(doc));
      purged.delete(index);
      reimported++;
      return;
    }
    case 'version': {
      const live = ids(`SELECT p.id FROM plans p LEFT JOIN user_plan_state u ON u.plan_id = p.id LEFT JOIN plan_versions v ON v.plan_id = p.id
        WHERE u.trashed_at IS NULL AND NOT EXISTS (SELECT 1 FROM plan_versions w WHERE w.lineage_id = v.lineage_id AND w.version > v.version)
        ORDER BY p.id`);
      const planId = pick(live, o.at);
      if (!planId) return;
      // The plan's own text with one item's headline changed: the other items match, and
      // their values move to the new version's items.
      const text = texts.get(planId);
      if (text === undefined) return;
      const next = `${text}\n附：第${++revisions}次修订。`;
      const doc = await importDocument(new Uint8Array(Buffer.from(next)), `${planId}-v${o.at}.txt`);
      try {
        const { planId: newPlan } = importVersion(core.db, doc, planId);
        texts.set(newPlan, next);
      } catch (e) {
        // Refused (the same text as a version already imported, a plan with a newer version
        // in the trash): nothing written, which the check after the step holds too.
        if ((e as { code?: string }).code !== 'BAD_REQUEST') throw e;
      }
      return;
    }
    case 'trash':
    case 'restore':
    case 'purge': {
      const planId = pick(plans, o.at);
      if (!planId) return;
      const entry = libraryEntry(core.db, planId);
      if (!entry) return;
      if (o.op === 'restore') {
        if (entry.trashedAt) restorePlan(core.db, planId, entry.revision);
        return;
      }
      const trashed = entry.trashedAt ? entry : trashPlan(core.db, planId, entry.revision, true);
      if (o.op === 'purge') {
        purgePlan(core.db, planId, trashed.revision);
        const index = [...texts.keys()].indexOf(planId);
        if (planId.startsWith('bench-') && index >= 0) purged.add(Number(planId.slice('bench-'.length)));
      }
      return;
    }
    case 'rollback':
      expect(() =>
        writeTransaction(core.db, () => {
          for (const s of o.saves) saveOne(s);
          if (o.saves.length % 2) importNext();
          throw new Error('rolled back');
        }),
      ).toThrow('rolled back');
      return;
  }
}

const kept = () => ({
  rows: core.db.prepare('SELECT plan_id, theme_id, status, priority, n FROM initiative_counts ORDER BY 1, 2, 3, 4').all(),
  tags: core.db.prepare('SELECT plan_id, theme_id, status, priority, tag, n FROM initiative_tag_counts ORDER BY 1, 2, 3, 4, 5').all(),
  plans: core.db.prepare('SELECT plan_id, n FROM initiative_plan_totals ORDER BY 1').all(),
});
const counted = () => ({
  rows: core.db.prepare(`SELECT * FROM (${INITIATIVE_COUNTS_SQL}) ORDER BY 1, 2, 3, 4`).all(),
  tags: core.db.prepare(`SELECT * FROM (${INITIATIVE_TAG_COUNTS_SQL}) ORDER BY 1, 2, 3, 4, 5`).all(),
  plans: core.db.prepare(`SELECT * FROM (${PLAN_TOTALS_SQL}) ORDER BY 1`).all(),
});

describe('initiative_counts and initiative_plan_totals', () => {
  it('equal a plain GROUP BY after every step of random writes, rollbacks, imports, versions, trash and purge', async () => {
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          await apply(o);
          steps++;
          expect(kept(), `after ${JSON.stringify(o)}`).toEqual(counted());
        }
      }),
      { numRuns: 60 },
    );
    // The sequences did reach what they are about.
    expect(steps).toBeGreaterThan(200);
    expect(reimported).toBeGreaterThan(0);
    expect((core.db.prepare("SELECT count(*) FROM initiative_counts WHERE status <> ''").pluck().get() as number)).toBeGreaterThan(0);
    expect((core.db.prepare("SELECT count(*) FROM initiative_tag_counts WHERE status <> ''").pluck().get() as number)).toBeGreaterThan(0);
    expect((core.db.prepare('SELECT count(*) FROM plan_versions').pluck().get() as number)).toBeGreaterThan(0);
    expect(purged.size + reimported).toBeGreaterThan(0); // plans purged: totals that went away
  });

  it('gives the table the totals and facets a plain count gives, under status and priority filters', () => {
    const base: TableQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 5, facets: false };
    const live = `FROM initiatives i JOIN plans p ON p.id = i.plan_id LEFT JOIN user_plan_state u ON u.plan_id = i.plan_id
      LEFT JOIN user_initiative_state s ON s.initiative_id = i.id
      WHERE u.trashed_at IS NULL AND NOT ${supersededSql('p')}`;
    // No condition but plans: the totals kept by plan, against every live row, and the rows of
    // plans asked for (a superseded version asked for is listed, a plan in the trash is not).
    expect(queryTable(core.db, base).total).toBe(core.db.prepare(`SELECT count(*) ${live}`).pluck().get());
    const asked = `FROM initiatives i LEFT JOIN user_plan_state u ON u.plan_id = i.plan_id WHERE u.trashed_at IS NULL AND i.plan_id IN (SELECT value FROM json_each(?))`;
    const plans = ids('SELECT id FROM plans ORDER BY id');
    expect(plans.length).toBeGreaterThan(3);
    for (const planId of plans) {
      expect(queryTable(core.db, { ...base, planId }).total, planId).toBe(core.db.prepare(`SELECT count(*) ${asked}`).pluck().get(JSON.stringify([planId])));
    }
    const chosen = plans.slice(-3);
    expect(queryTable(core.db, { ...base, filters: { planIds: chosen } }).total).toBe(core.db.prepare(`SELECT count(*) ${asked}`).pluck().get(JSON.stringify(chosen)));
    for (const statuses of [['in_progress'], [null], ['done', null], ['retired_key']] as (string | null)[][]) {
      const inList = statuses.map((v) => (v === null ? 's.status IS NULL' : `s.status = '${v}'`)).join(' OR ');
      const want = core.db.prepare(`SELECT count(*) ${live} AND (${inList})`).pluck().get() as number;
      expect(queryTable(core.db, { ...base, filters: { statuses } }).total, JSON.stringify(statuses)).toBe(want);
      const byPriority = new Map(
        (core.db.prepare(`SELECT s.priority, count(*) ${live} AND (${inList}) GROUP BY s.priority`).raw().all() as [string | null, number][]),
      );
      const facet = queryFacet(core.db, { ...base, filters: { statuses } }, 'priority');
      expect(new Map(facet.filter((f) => f.count > 0).map((f) => [f.value, f.count]))).toEqual(byPriority);
      const byTag = new Map(
        (core.db
          .prepare(`SELECT g.tag, count(*) ${live.replace('WHERE', 'JOIN user_initiative_tags g ON g.initiative_id = i.id WHERE')} AND (${inList}) GROUP BY g.tag`)
          .raw()
          .all() as [string, number][]),
      );
      const tags = queryFacet(core.db, { ...base, filters: { statuses } }, 'tags');
      expect(new Map(tags.filter((f) => f.count > 0).map((f) => [f.value, f.count]))).toEqual(byTag);
    }
  });
});
