// The kept counts of the table's rows by theme, status and priority (initiative_counts, kept by
// triggers), by plan (initiative_plan_totals) and by theme (initiative_theme_totals) never drift from a plain GROUP BY over the rows and the reader's values: checked
// after every step of random sequences of saves, tag edits, removed state rows, imports,
// version imports (values moved to the new items), trash, restore and purge, and transactions
// rolled back after some of them. Then the table's totals and facets that read them against
// plain counts of the same rows.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { supersededSql } from '../../electron/core/services/versions/lineage';
import { queryFacet, queryTable } from '../../electron/core/services/table/query';
import { INITIATIVE_COUNTS_SQL, INITIATIVE_TAG_COUNTS_SQL } from '../../electron/core/db/migrations/0012-initiative-counts';
import { PLAN_TOTALS_SQL } from '../../electron/core/db/migrations/0015-plan-totals';
import { THEME_TOTALS_SQL } from '../../electron/core/db/migrations/0021-theme-totals';
import { DEFAULT_STATUS_OPTIONS, PRIORITIES, type TableQuery } from '../../shared/domain/table';
import { createTestCore, updateLatest } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';
import { librarySteps, pick } from '../helpers/library-steps';

const temp = useTempDirs();
let core: Core;
const STATUSES = [...DEFAULT_STATUS_OPTIONS.map((o) => o.key), 'retired_key', null];
const { opArb, apply, importNext, ids, purged, done } = librarySteps({
  db: () => core.db,
  seed: 99,
  shape: { plans: 1, themesPerPlan: 2, initiativesPerTheme: 4 },
  save: fc.record({ at: fc.nat(), status: fc.nat(), priority: fc.nat() }),
  saveOne,
  tags: ['甲', '乙', '丙'],
});

beforeAll(() => {
  core = createTestCore(temp.make());
  for (let i = 0; i < 3; i++) importNext();
});
afterAll(() => core.close());

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

const kept = () => ({
  rows: core.db.prepare('SELECT plan_id, theme_id, status, priority, n FROM initiative_counts ORDER BY 1, 2, 3, 4').all(),
  tags: core.db.prepare('SELECT plan_id, theme_id, status, priority, tag, n FROM initiative_tag_counts ORDER BY 1, 2, 3, 4, 5').all(),
  plans: core.db.prepare('SELECT plan_id, n FROM initiative_plan_totals ORDER BY 1').all(),
  themes: core.db.prepare('SELECT plan_id, theme_ordinal, theme_id, n FROM initiative_theme_totals ORDER BY 1, 2, 3').all(),
});
const counted = () => ({
  rows: core.db.prepare(`SELECT * FROM (${INITIATIVE_COUNTS_SQL}) ORDER BY 1, 2, 3, 4`).all(),
  tags: core.db.prepare(`SELECT * FROM (${INITIATIVE_TAG_COUNTS_SQL}) ORDER BY 1, 2, 3, 4, 5`).all(),
  plans: core.db.prepare(`SELECT * FROM (${PLAN_TOTALS_SQL}) ORDER BY 1`).all(),
  themes: core.db.prepare(`SELECT * FROM (${THEME_TOTALS_SQL}) ORDER BY 1, 2, 3`).all(),
});

describe('initiative_counts, initiative_plan_totals and initiative_theme_totals', () => {
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
    expect(done.reimported).toBeGreaterThan(0);
    expect((core.db.prepare("SELECT count(*) FROM initiative_counts WHERE status <> ''").pluck().get() as number)).toBeGreaterThan(0);
    expect((core.db.prepare("SELECT count(*) FROM initiative_tag_counts WHERE status <> ''").pluck().get() as number)).toBeGreaterThan(0);
    expect((core.db.prepare('SELECT count(*) FROM plan_versions').pluck().get() as number)).toBeGreaterThan(0);
    expect(purged.size + done.reimported).toBeGreaterThan(0); // plans purged: totals that went away
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
