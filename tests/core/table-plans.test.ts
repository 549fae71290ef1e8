// The table and the dashboard across plans, on a real database: the embedded plan and two
// imported ones, one of them later put in the trash. The Plan column shows the title the reader
// sees (their rename, else the plan's own) and sorts by it in pinyin or stroke order; the plan
// filter narrows rows, facets and themes; a trashed plan is in none of them; the dashboard
// answers for one plan or for all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { getDashboard } from '../../electron/core/services/dashboard';
import { libraryEntry, purgePlan, restorePlan, trashPlan, updateLibraryPlan } from '../../electron/core/services/library/library';
import { exportCsv } from '../../electron/core/services/table/export';
import { queryFacet, queryTable } from '../../electron/core/services/table/query';
import { readTransaction, writeTransaction } from '../../electron/core/db/transaction';
import type { Dashboard } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { TablePage, TableQuery } from '../../shared/domain/table';
import { createTestCore, updateLatest } from '../helpers/core';
import { planOf } from '../helpers/plan-docs';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
afterEach(() => core?.close());

// Titles whose pinyin and stroke orders differ: 安 ān (6 strokes), 杭 háng (8), 中 zhōng (4).
const ANJI = 'p-anji';
const ZHONGSHAN = 'p-zhongshan';
const ANJI_TITLE = '安吉县绿色发展实施方案';
const ZHONGSHAN_TITLE = '中山市数字经济行动方案';
const HZ_RENAMED = '杭州深化改革评论';

function importTitled(planId: string, title: string, themes: Parameters<typeof planOf>[1]): void {
  const doc = planOf(planId, themes);
  doc.meta.title = title;
  importPlan(core.db, doc, `${title}\n${JSON.stringify(themes)}`);
}

/** The reader's record of a plan, written through the library as its view does. */
const revisionOf = (planId: string) => libraryEntry(core.db, planId)!.revision;
const rename = (planId: string, title: string) => updateLibraryPlan(core.db, planId, revisionOf(planId), { title });
const trash = (planId: string) => trashPlan(core.db, planId, revisionOf(planId), true);
const restore = (planId: string) => restorePlan(core.db, planId, revisionOf(planId));

const ALL: TableQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 100 };
const plansOf = (page: TablePage) => page.rows.map((r) => r.planId).filter((p, i, all) => p !== all[i - 1]);

beforeEach(() => {
  core = createTestCore(temp.make());
  importTitled(ANJI, ANJI_TITLE, [
    { headline: '生态保护', initiatives: ['建设美丽乡村', '发展竹产业'] },
    { headline: '绿色交通', initiatives: ['推广新能源公交'] },
  ]);
  importTitled(ZHONGSHAN, ZHONGSHAN_TITLE, [{ headline: '数字产业', initiatives: ['培育数据要素市场', '建设算力中心'] }]);
  rename('hz-2024', HZ_RENAMED);
  updateLatest(core.db, `${ANJI}/T1/I1`, { status: 'done', deadline: '2024-05-01', tags: ['重点'] });
  updateLatest(core.db, `${ZHONGSHAN}/T1/I2`, { status: 'in_progress', deadline: '2024-07-01', tags: ['重点'] });
  updateLatest(core.db, 'hz-2024/T2/I1', { status: 'in_progress', deadline: '2024-05-20' });
});

describe('the table across plans', () => {
  it('gives each row the title its plan is shown by, the reader’s rename first', () => {
    const page = queryTable(core.db, ALL);
    expect(page.total).toBe(15 + 3 + 2);
    const titleOf = new Map(page.rows.map((r) => [r.planId, r.planTitle]));
    expect(Object.fromEntries(titleOf)).toEqual({ [ANJI]: ANJI_TITLE, [ZHONGSHAN]: ZHONGSHAN_TITLE, 'hz-2024': HZ_RENAMED });
  });

  it('keeps each plan’s rows together by default, in theme and initiative order', () => {
    const page = queryTable(core.db, ALL);
    expect(plansOf(page)).toEqual(['hz-2024', ANJI, ZHONGSHAN]);
    expect(page.rows.filter((r) => r.planId === ANJI).map((r) => r.shortId)).toEqual(['T1·I1', 'T1·I2', 'T2·I1']);
  });

  it('sorts by plan title in pinyin or stroke order, either direction, plans kept together', () => {
    const by = (collation: 'pinyin' | 'stroke', desc: boolean) =>
      plansOf(queryTable(core.db, { ...ALL, collation, sort: [{ column: 'plan', desc }] }));
    expect(by('pinyin', false)).toEqual([ANJI, 'hz-2024', ZHONGSHAN]); // ān, háng, zhōng
    expect(by('pinyin', true)).toEqual([ZHONGSHAN, 'hz-2024', ANJI]);
    expect(by('stroke', false)).toEqual([ZHONGSHAN, ANJI, 'hz-2024']); // 中 4, 安 6, 杭 8
    // A rename re-ranks: 杭… becomes 丁… (2 strokes, dīng).
    rename('hz-2024', '丁桥评论');
    expect(by('stroke', false)).toEqual(['hz-2024', ZHONGSHAN, ANJI]);
    expect(by('pinyin', false)).toEqual([ANJI, 'hz-2024', ZHONGSHAN]);
  });

  it('sorts by plan again after the first ranking was rolled back with the transaction it ran in', () => {
    const byPlan = { ...ALL, sort: [{ column: 'plan' as const, desc: false }] };
    // Sort keys brought up to date first (a write, which cannot run inside a read); then the
    // first query of the connection that needs the plan ranks fills them inside a read that
    // fails: the rollback takes the filled ranks back (their temporary table included).
    expect(queryTable(core.db, { ...ALL, facets: false }).total).toBe(20);
    expect(() =>
      readTransaction(core.db, () => {
        queryTable(core.db, byPlan);
        throw new Error('the read fails after the ranks were filled');
      }),
    ).toThrow('the read fails');
    expect(plansOf(queryTable(core.db, byPlan))).toEqual([ANJI, 'hz-2024', ZHONGSHAN]);
    // The same inside a write given up after a rename: the ranks of the title it took back go too.
    expect(() =>
      writeTransaction(core.db, () => {
        rename(ZHONGSHAN, '阿拉善盟行动方案');
        expect(plansOf(queryTable(core.db, byPlan))).toEqual([ZHONGSHAN, ANJI, 'hz-2024']);
        throw new Error('the write is given up');
      }),
    ).toThrow('given up');
    expect(plansOf(queryTable(core.db, byPlan))).toEqual([ANJI, 'hz-2024', ZHONGSHAN]);
    expect(queryFacet(core.db, ALL, 'plan').map((f) => f.value)).toEqual([ANJI, 'hz-2024', ZHONGSHAN]);
  });

  it('filters by one or several plans; the plan facet counts without its own selection', () => {
    const one = queryTable(core.db, { ...ALL, filters: { planIds: [ANJI] } });
    expect(one.total).toBe(3);
    expect(plansOf(one)).toEqual([ANJI]);
    expect(one.facets.plan).toEqual([
      { value: ANJI, label: ANJI_TITLE, count: 3 },
      { value: 'hz-2024', label: HZ_RENAMED, count: 15 },
      { value: ZHONGSHAN, label: ZHONGSHAN_TITLE, count: 2 },
    ]);
    const two = queryTable(core.db, { ...ALL, filters: { planIds: [ANJI, ZHONGSHAN], tags: ['重点'] } });
    expect(two.rows.map((r) => r.id)).toEqual([`${ANJI}/T1/I1`, `${ZHONGSHAN}/T1/I2`]);
    // In scope only: the plans some row under the other filters is in, and the chosen ones.
    expect(two.facets.plan.map((f) => [f.value, f.count])).toEqual([
      [ANJI, 1],
      [ZHONGSHAN, 1],
    ]);
  });

  it('orders the plan and theme facets by the shown titles again after a rename', () => {
    const order = () => queryTable(core.db, ALL).facets.plan.map((f) => f.value);
    const themePlans = () => [...new Set(queryTable(core.db, ALL).facets.theme.map((t) => t.planId))];
    // 安 (ān), 杭 renamed (háng), 中 (zhōng)
    expect(order()).toEqual([ANJI, 'hz-2024', ZHONGSHAN]);
    expect(themePlans()).toEqual([ANJI, 'hz-2024', ZHONGSHAN]);
    rename(ZHONGSHAN, '阿拉善盟行动方案'); // ā: first
    expect(order()).toEqual([ZHONGSHAN, ANJI, 'hz-2024']);
    expect(themePlans()).toEqual([ZHONGSHAN, ANJI, 'hz-2024']);
    expect(queryTable(core.db, ALL).facets.plan[0]).toEqual({ value: ZHONGSHAN, label: '阿拉善盟行动方案', count: 2 });
  });

  it('lists the themes of the plans in scope under their plans, narrowed to the chosen plans', () => {
    const all = queryTable(core.db, ALL).facets.theme;
    expect(all).toHaveLength(5 + 2 + 1);
    expect(all.map((t) => t.planId).filter((p, i, list) => p !== list[i - 1])).toEqual([ANJI, 'hz-2024', ZHONGSHAN]);
    expect(all[0]).toEqual({ value: `${ANJI}/T1`, label: '生态保护', count: 2, planId: ANJI, planTitle: ANJI_TITLE });
    const chosen = queryTable(core.db, { ...ALL, filters: { planIds: [ZHONGSHAN] } }).facets.theme;
    expect(chosen).toEqual([{ value: `${ZHONGSHAN}/T1`, label: '数字产业', count: 2, planId: ZHONGSHAN, planTitle: ZHONGSHAN_TITLE }]);
    // One plan asked for: its themes only, and itself as the only plan.
    const single = queryTable(core.db, { ...ALL, planId: ANJI }).facets;
    expect(single.plan).toEqual([{ value: ANJI, label: ANJI_TITLE, count: 3 }]);
    expect(single.theme.map((t) => t.value)).toEqual([`${ANJI}/T1`, `${ANJI}/T2`]);
  });

  it('groups by theme plan by plan, each group naming its plan', () => {
    const page = queryTable(core.db, { ...ALL, groupBy: 'theme' });
    expect(page.groups.map((g) => g.planId).filter((p, i, list) => p !== list[i - 1])).toEqual(['hz-2024', ANJI, ZHONGSHAN]);
    expect(page.groups.map((g) => g.key)).toEqual([
      ...[1, 2, 3, 4, 5].map((t) => `hz-2024/T${t}`),
      `${ANJI}/T1`,
      `${ANJI}/T2`,
      `${ZHONGSHAN}/T1`,
    ]);
    const runs = page.rows.map((r) => r.themeId).filter((t, i, all) => t !== all[i - 1]);
    expect(runs).toEqual(page.groups.map((g) => g.key));
  });

  it('leaves a trashed plan out of rows, counts, facets, themes and groups, and brings it back when restored', () => {
    trash(ANJI);
    const page = queryTable(core.db, { ...ALL, groupBy: 'theme' });
    expect(page.total).toBe(17);
    expect(plansOf(page)).toEqual(['hz-2024', ZHONGSHAN]);
    expect(page.facets.plan.map((f) => f.value)).toEqual(['hz-2024', ZHONGSHAN]);
    expect(page.facets.theme.some((t) => t.planId === ANJI)).toBe(false);
    expect(page.groups.some((g) => g.planId === ANJI)).toBe(false);
    expect(page.facets.tags).toEqual([{ value: '重点', label: '重点', count: 1 }]);
    // Chosen before it went to the trash: the filter finds nothing rather than the trashed rows.
    expect(queryTable(core.db, { ...ALL, filters: { planIds: [ANJI] } }).total).toBe(0);
    expect(queryTable(core.db, { ...ALL, search: '竹产业' }).total).toBe(0);
    restore(ANJI);
    expect(queryTable(core.db, ALL).total).toBe(20);
  });

  it('lists a plan again after a write that put it in the trash, and read the table there, was rolled back', () => {
    expect(queryTable(core.db, ALL).total).toBe(20);
    expect(() =>
      writeTransaction(core.db, () => {
        trash(ANJI);
        expect(queryTable(core.db, ALL).total).toBe(17);
        throw new Error('the write is given up');
      }),
    ).toThrow('given up');
    // The change stamp after the rollback is the one inside it: what the table read there (the
    // plans in the trash, the query's statements) is not kept.
    const page = queryTable(core.db, ALL);
    expect(page.total).toBe(20);
    expect(plansOf(page)).toContain(ANJI);
  });

  it('counts neither a trashed plan’s rows nor the reader’s fields left on a purged plan’s items, under every kind of filter', () => {
    updateLatest(core.db, `${ANJI}/T2/I1`, { status: 'in_progress', tags: ['重点'] });
    purgePlan(core.db, ANJI, trash(ANJI).revision);
    trash(ZHONGSHAN);
    // Left: the embedded plan's 15 rows, one of them in progress.
    const total = (query: Partial<TableQuery>) => queryTable(core.db, { ...ALL, ...query }).total;
    expect(total({})).toBe(15);
    expect(total({ sort: [{ column: 'headline', desc: false }] })).toBe(15);
    expect(total({ filters: { statuses: ['in_progress'] } })).toBe(1);
    expect(total({ filters: { statuses: [null] } })).toBe(14);
    expect(total({ filters: { tags: ['重点'] } })).toBe(0);
    expect(total({ search: '算力' })).toBe(0);
    const facets = queryTable(core.db, ALL).facets;
    expect(facets.status.filter((f) => f.count > 0)).toEqual([
      { value: 'in_progress', label: 'in_progress', count: 1 },
      { value: null, label: '', count: 14 },
    ]);
    expect(facets.tags).toEqual([]);
    restore(ZHONGSHAN);
    expect(total({})).toBe(17);
    expect(total({ filters: { statuses: ['in_progress'] } })).toBe(2);
  });

  it('exports the Plan column with the shown titles, and names no plan in an all-plans file', () => {
    const { fileName, csv } = exportCsv(
      core.db,
      { query: { ...ALL, filters: { planIds: [ANJI, ZHONGSHAN] } }, columns: ['plan', 'shortId', 'headline'], language: 'zh' },
      new Date(2024, 5, 1),
    );
    expect(fileName).toBe('briefbook-all-plans-2024-06-01.csv');
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('计划,编号,举措');
    expect(lines.slice(1)).toEqual([
      `${ANJI_TITLE},T1·I1,建设美丽乡村`,
      `${ANJI_TITLE},T1·I2,发展竹产业`,
      `${ANJI_TITLE},T2·I1,推广新能源公交`,
      `${ZHONGSHAN_TITLE},T1·I1,培育数据要素市场`,
      `${ZHONGSHAN_TITLE},T1·I2,建设算力中心`,
    ]);
    expect(exportCsv(core.db, { query: ALL, columns: ['plan'], language: 'en', ids: [`${ZHONGSHAN}/T1/I1`] }).csv).toContain(
      `Plan\r\n${ZHONGSHAN_TITLE}`,
    );
  });
});

describe('the dashboard across plans', () => {
  it('for one plan: its themes (each naming the plan) and itself as the only plan', () => {
    const d = getDashboard(core.db, ANJI, '2024-06-01');
    expect(d.planId).toBe(ANJI);
    expect(d.planCount).toBe(3);
    expect(d.themes.map((t) => [t.themeId, t.planId, t.byStatus.done, t.byStatus.none])).toEqual([
      [`${ANJI}/T1`, ANJI, 1, 1],
      [`${ANJI}/T2`, ANJI, 0, 1],
    ]);
    expect(d.plans).toEqual([
      expect.objectContaining({ planId: ANJI, title: ANJI_TITLE, notes: 0, highlights: 0, byStatus: expect.objectContaining({ done: 1, none: 2 }) }),
    ]);
    expect(d.deadlineCount).toBe(1);
  });

  it('for all plans: totals per plan by title, no themes, deadlines naming their plans', () => {
    const d = getDashboard(core.db, undefined, '2024-06-01');
    expect(d.planId).toBeNull();
    expect(d.themes).toEqual([]);
    expect(d.plans.map((p) => [p.planId, p.title, p.byStatus.done, p.byStatus.in_progress, p.byStatus.none])).toEqual([
      [ANJI, ANJI_TITLE, 1, 0, 2],
      ['hz-2024', HZ_RENAMED, 0, 1, 14],
      [ZHONGSHAN, ZHONGSHAN_TITLE, 0, 1, 1],
    ]);
    expect(d.upcoming.map((u) => [u.initiativeId, u.planTitle])).toEqual([[`${ZHONGSHAN}/T1/I2`, ZHONGSHAN_TITLE]]);
    // hz's passed deadline is overdue; Anji's is done, so it is not.
    expect(d.overdue.map((u) => [u.initiativeId, u.planId, u.planTitle, u.shortId])).toEqual([
      ['hz-2024/T2/I1', 'hz-2024', HZ_RENAMED, 'T2·I1'],
    ]);
    expect(d.deadlineCount).toBe(3);
  });

  it('leaves a trashed plan out of the all-plans dashboard and its plan count', () => {
    trash(ZHONGSHAN);
    const d = getDashboard(core.db, undefined, '2024-06-01');
    expect(d.plans.map((p) => p.planId)).toEqual([ANJI, 'hz-2024']);
    expect(d.planCount).toBe(2);
    expect(d.upcoming).toEqual([]);
    expect(d.deadlineCount).toBe(2);
  });

  it('through the router: planId is optional, a malformed one is refused', async () => {
    const dispatch = async (args: unknown) => core.router.dispatch('dashboard.get', args) as Promise<Result<Dashboard>>;
    const all = await dispatch({ today: '2024-06-01' });
    expect(all.ok && all.value.plans).toHaveLength(3);
    expect(await dispatch({ planId: 'Not A Plan', today: '2024-06-01' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch({ planId: 'p-nothing', today: '2024-06-01' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
