// The plan ranks the table sorts its Plan column by (temp.plan_ranks), on a real database, held
// against a plain sort of the same plans with Intl.Collator: each plan's place ascending and
// descending under pinyin and stroke order, titles the collator calls equal (the same title
// twice, a title with an ignorable zero-width space) tied by id in both directions, empty titles
// last in both, a reader's rename counted as the title. The fill places plans without comparing
// them (a counting sort of their ranks): this is the order it must give.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { libraryEntry, updateLibraryPlan } from '../../electron/core/services/library/library';
import { changeStamp, ensurePlanRanks } from '../../electron/core/services/table/plans';
import { readTransaction } from '../../electron/core/db/transaction';
import { createTestCore } from '../helpers/core';
import { planOf } from '../helpers/plan-docs';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
afterEach(() => core?.close());

// Ids out of title order, so that ties by id are not ties by import order or title.
const TITLES: Record<string, string> = {
  'p-07': '安吉县绿色发展实施方案',
  'p-02': '安吉县绿色发展实施方案', // the same title: tied with p-07
  'p-11': '安吉县绿色\u200B发展实施方案', // ICU ignores the zero-width space: tied with both
  'p-05': '', // empty: last in both directions
  'p-01': '',
  'p-09': '中山市数字经济行动方案', // 中 zhōng, 4 strokes
  'p-03': '杭州深化改革评论', // 杭 háng, 8 strokes
  'p-10': '丁香社区服务计划', // 丁 dīng, 2 strokes
  'p-04': 'Alpha plan',
  'p-08': 'alpha plan', // differs from p-04 by case only: not tied
  'p-06': '中山市数字经济行动方案', // tied with p-09
};
const RENAMED = { id: 'p-12', own: '北京规划', shown: '一号方案' }; // 一 yī, 1 stroke

interface RankRow {
  plan_id: string;
  pinyin: number;
  stroke: number;
  title: string;
  pinyin_up: number;
  pinyin_down: number;
  stroke_up: number;
  stroke_down: number;
}

beforeEach(() => {
  core = createTestCore(temp.make());
  for (const [id, title] of [...Object.entries(TITLES), [RENAMED.id, RENAMED.own] as const]) {
    const doc = planOf(id, [{ headline: '主题', initiatives: ['举措'] }]);
    doc.meta.title = title;
    importPlan(core.db, doc, `${id}\n${title}`);
  }
  updateLibraryPlan(core.db, RENAMED.id, libraryEntry(core.db, RENAMED.id)!.revision, { title: RENAMED.shown });
});

const filled = (): RankRow[] =>
  readTransaction(core.db, () => {
    ensurePlanRanks(core.db);
    return core.db.prepare('SELECT * FROM temp.plan_ranks').all() as RankRow[];
  });

/** Every plan (the embedded one too) with its shown title, read the plain way. */
const shownTitles = (): { id: string; title: string }[] =>
  (core.db.prepare('SELECT id FROM plans').all() as { id: string }[]).map(({ id }) => ({
    id,
    title: id === RENAMED.id ? RENAMED.shown : (core.db.prepare('SELECT title FROM plans WHERE id = ?').get(id) as { title: string }).title,
  }));

/** Place (from 1) of each plan sorted plainly: empty titles last, then by the collator in the
 *  direction given, then by id. */
function plainPlaces(plans: { id: string; title: string }[], collator: Intl.Collator, desc: boolean): Map<string, number> {
  const sorted = [...plans].sort(
    (a, b) =>
      Number(a.title === '') - Number(b.title === '') ||
      (desc ? collator.compare(b.title, a.title) : collator.compare(a.title, b.title)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return new Map(sorted.map((p, n) => [p.id, n + 1]));
}

describe('the plan ranks', () => {
  it('place every plan as a plain sort with Intl.Collator does, both collations, both directions', () => {
    const rows = filled();
    const plans = shownTitles();
    expect(rows.map((r) => r.plan_id).sort()).toEqual(plans.map((p) => p.id).sort());
    const collators = { pinyin: new Intl.Collator('zh'), stroke: new Intl.Collator('zh-u-co-stroke') };
    for (const [name, collator] of Object.entries(collators) as ['pinyin' | 'stroke', Intl.Collator][]) {
      for (const desc of [false, true]) {
        const want = plainPlaces(plans, collator, desc);
        const column = `${name}_${desc ? 'down' : 'up'}` as const;
        expect(Object.fromEntries(rows.map((r) => [r.plan_id, r[column]])), column).toEqual(Object.fromEntries(want));
      }
      // Ranks: equal exactly when the collator calls the titles equal, in its order.
      for (const a of rows)
        for (const b of rows) {
          if (a.title === '' || b.title === '') continue;
          expect(Math.sign(a[name] - b[name]), `${name}: ${a.title} / ${b.title}`).toBe(Math.sign(collator.compare(a.title, b.title)));
        }
    }
    const byId = new Map(rows.map((r) => [r.plan_id, r]));
    expect(byId.get(RENAMED.id)!.title).toBe(RENAMED.shown);
    // The ties this test is about are there: three equal titles, two empty ones, by id.
    const pinyinUp = (id: string) => byId.get(id)!.pinyin_up;
    const pinyinDown = (id: string) => byId.get(id)!.pinyin_down;
    expect([pinyinUp('p-07') - pinyinUp('p-02'), pinyinUp('p-11') - pinyinUp('p-07')]).toEqual([1, 1]);
    expect(pinyinDown('p-11') - pinyinDown('p-02')).toBe(2);
    expect([pinyinUp('p-01'), pinyinUp('p-05')]).toEqual([rows.length - 1, rows.length]);
    expect([pinyinDown('p-01'), pinyinDown('p-05')]).toEqual([rows.length - 1, rows.length]);
  });

  it('place a renamed plan anew, and leave the change stamp where it was (its writes are its own)', () => {
    filled();
    updateLibraryPlan(core.db, 'p-10', libraryEntry(core.db, 'p-10')!.revision, { title: 'Zeta' });
    const before = changeStamp(core.db);
    const rows = filled();
    expect(changeStamp(core.db)).toBe(before);
    expect(rows.find((r) => r.plan_id === 'p-10')!.title).toBe('Zeta');
    const plans = shownTitles().map((p) => (p.id === 'p-10' ? { ...p, title: 'Zeta' } : p));
    const placesOf = (column: 'pinyin_up' | 'stroke_down') => Object.fromEntries(rows.map((r) => [r.plan_id, r[column]]));
    expect(placesOf('pinyin_up')).toEqual(Object.fromEntries(plainPlaces(plans, new Intl.Collator('zh'), false)));
    expect(placesOf('stroke_down')).toEqual(Object.fromEntries(plainPlaces(plans, new Intl.Collator('zh-u-co-stroke'), true)));
  });
});
