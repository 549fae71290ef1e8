// Spaced sort ranks of theme and initiative headlines: a plan imported into a ranked library
// gets ranks between its neighbours' and writes only its own rows, and the order stays the
// oracle's (Intl.Collator, empty texts last) through many such imports, texts the collator
// calls equal, gaps that run out, and another connection writing the same file.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { COLLATORS, EMPTY_RANK } from '../../electron/core/collation/collators';
import { placeTexts, RANK_GAP, refreshInitiativeSortKeys, sortKeysStale } from '../../electron/core/collation/initiative-sort-keys';
import { openDatabase } from '../../electron/core/db/open';
import { importPlan } from '../../electron/core/plan/store';
import type { Collation } from '../../shared/domain/table';
import { createTestCore } from '../helpers/core';
import { mixedText, Prng } from '../helpers/mixed-text';
import { planOf } from '../helpers/plan-docs';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
afterEach(() => core?.close());

type Db = Core['db'];
const RANKS = ['theme_pinyin', 'theme_stroke', 'headline_pinyin', 'headline_stroke'] as const;

/** Every row's four ranks, by initiative id. */
function ranksOf(db: Db, planId?: string): Map<string, number[]> {
  const rows = db
    .prepare(`SELECT initiative_id AS id, ${RANKS.join(', ')} FROM initiative_sort_keys ${planId ? 'WHERE plan_id = ?' : ''}`)
    .all(...(planId ? [planId] : [])) as Record<string, number | string>[];
  return new Map(rows.map((r) => [r['id'] as string, RANKS.map((c) => r[c] as number)]));
}

/** The oracle on the stored ranks themselves: for every pair of texts in one column, rank order
 *  is collator order (equal texts share a rank), the empty text last. */
function expectRanksFollowCollator(db: Db): void {
  const rows = db
    .prepare(
      `SELECT i.headline AS headline, t.headline AS theme, ${RANKS.map((c) => `k.${c}`).join(', ')}
       FROM initiative_sort_keys k JOIN initiatives i ON i.id = k.initiative_id JOIN themes t ON t.id = k.theme_id`,
    )
    .all() as Record<string, string | number>[];
  for (const c of ['pinyin', 'stroke'] as Collation[]) {
    // One order for both columns: theme and initiative headlines share their ranks.
    const pairs = new Map<string, number>();
    for (const r of rows) {
      for (const [text, rank] of [
        [r['headline'] as string, r[`headline_${c}`] as number],
        [r['theme'] as string, r[`theme_${c}`] as number],
      ] as const) {
        expect(pairs.get(text) ?? rank, `${c} rank of ${JSON.stringify(text)}`).toBe(rank);
        pairs.set(text, rank);
      }
    }
    const texts = [...pairs.keys()].filter((t) => t !== '').sort(COLLATORS[c].compare);
    for (let i = 1; i < texts.length; i++) {
      const [a, b] = [texts[i - 1]!, texts[i]!];
      const cmp = COLLATORS[c].compare(a, b);
      if (cmp === 0) expect(pairs.get(a), `${c}: ${a} = ${b}`).toBe(pairs.get(b));
      else expect(pairs.get(a)!, `${c}: ${a} < ${b}`).toBeLessThan(pairs.get(b)!);
    }
    if (pairs.has('')) expect(pairs.get('')).toBe(EMPTY_RANK);
    for (const t of texts) expect(pairs.get(t)!).toBeGreaterThan(0);
  }
}

describe('spaced sort ranks', () => {
  it('rank a plan imported into a ranked library without rewriting the other plans’ rows', () => {
    core = createTestCore(temp.make());
    importPlan(core.db, planOf('first', [{ headline: '杭州', initiatives: ['数字经济', '营商环境', '中国'] }, { headline: '北京', initiatives: ['一', '十'] }]), 'first');
    refreshInitiativeSortKeys(core.db);
    const before = ranksOf(core.db);
    expect(before.size).toBeGreaterThan(7);
    // Headlines before, between and after the ones already ranked, in both orders.
    importPlan(core.db, planOf('later', [{ headline: '阿', initiatives: ['安徽', '重庆', '乙', 'alpha', '数字经济'] }]), 'later');
    expect(sortKeysStale(core.db)).toBe(true);
    expect(refreshInitiativeSortKeys(core.db)).toBe(true);
    const after = ranksOf(core.db);
    for (const [id, ranks] of before) expect(after.get(id), id).toEqual(ranks);
    // A text already ranked keeps its rank in the new plan's rows.
    expect(after.get('later/T1/I5')!.slice(2)).toEqual(before.get('first/T1/I1')!.slice(2));
    expectRanksFollowCollator(core.db);
  });

  it('keep the collator’s order through many imports, equal texts and empty ones, ranking again when a gap runs out', () => {
    core = createTestCore(temp.make());
    const r = new Prng(4242);
    const pool = ['数字经济', '安徽', '阿里', '北京', '中国', '一', '二', '十', 'alpha', 'Alpha', 'Émile', 'e\u0301mile', 'émile', '𠀀字', '', '10', '9'];
    const text = () => (r.chance(0.4) ? r.pick(pool) : mixedText(r, 1, 6).trim());
    let fullRankings = 0;
    for (let p = 0; p < 30; p++) {
      const themes = Array.from({ length: r.between(1, 3) }, () => ({ headline: text(), initiatives: Array.from({ length: r.between(1, 5) }, text) }));
      importPlan(core.db, planOf(`p${p}`, themes), `p${p}`);
      if (r.chance(0.7)) {
        const old = ranksOf(core.db);
        refreshInitiativeSortKeys(core.db);
        const now = ranksOf(core.db);
        if ([...old].some(([id, ranks]) => ranks[2]! > 0 && now.get(id)![2] !== ranks[2])) fullRankings++;
        expectRanksFollowCollator(core.db);
      }
    }
    // Halving one gap 17 times leaves no room: the next text there ranks everything again.
    const squeeze = (k: number) => `阿${'阿'.repeat(k)}`;
    for (let k = 20; k >= 0; k--) {
      importPlan(core.db, planOf(`s${k}`, [{ headline: '主题', initiatives: [squeeze(k)] }]), `s${k}`);
      refreshInitiativeSortKeys(core.db);
      expectRanksFollowCollator(core.db);
    }
    expect(sortKeysStale(core.db)).toBe(false);
    expect(fullRankings).toBeLessThan(10);
  });

  it('follow another connection’s imports (its ranks are read again, not taken from a stale copy)', () => {
    const dir = temp.make();
    core = createTestCore(dir);
    importPlan(core.db, planOf('a', [{ headline: '乙', initiatives: ['丙', '戊', '庚'] }]), 'a');
    refreshInitiativeSortKeys(core.db);
    const other = openDatabase(core.db.name);
    try {
      // Two texts in one gap (丙…庚 in pinyin) take its thirds.
      importPlan(other, planOf('b', [{ headline: '甲', initiatives: ['丁', '丁丁'] }]), 'b');
      refreshInitiativeSortKeys(other);
    } finally {
      other.close();
    }
    // This connection's copy did not know 丁 and 丁丁: placed from it, 丁丁 alone would take the
    // gap's middle, another rank than its rows of plan b have.
    importPlan(core.db, planOf('c', [{ headline: '辛', initiatives: ['丁丁', '戊己'] }]), 'c');
    refreshInitiativeSortKeys(core.db);
    expectRanksFollowCollator(core.db);
  });
});

describe('placing texts between ranked neighbours', () => {
  const compare = COLLATORS.pinyin.compare;
  const order = [
    { text: '阿', rank: RANK_GAP },
    { text: '北京', rank: 2 * RANK_GAP },
    { text: '中国', rank: 3 * RANK_GAP },
  ];

  it('spreads new texts evenly in their gap, shares the rank of an equal text, and appends after the last', () => {
    const placed = placeTexts(order, ['杭州', '安徽', '北京', 'é', 'e\u0301', '最后'], compare)!;
    const rank = (t: string) => placed.ranks.get(t)!;
    expect(rank('北京')).toBe(2 * RANK_GAP);
    expect(rank('é')).toBe(rank('e\u0301'));
    // 安徽 halves the gap after 阿, 杭州 the one after 北京; 最后 comes a gap after 中国 (the last).
    expect([rank('安徽'), rank('杭州'), rank('最后')]).toEqual([1.5 * RANK_GAP, 2.5 * RANK_GAP, 4 * RANK_GAP]);
    // The merged order is in rank order and in collator order alike.
    for (let i = 1; i < placed.order.length; i++) {
      const [a, b] = [placed.order[i - 1]!, placed.order[i]!];
      expect(Math.sign(compare(a.text, b.text)), `${a.text} ${b.text}`).toBe(Math.sign(a.rank - b.rank));
    }
    expect(placed.order.length).toBe(order.length + 5);
  });

  it('gives up (null) when neighbours leave no room', () => {
    const tight = [
      { text: '阿', rank: 10 },
      { text: '北京', rank: 12 },
    ];
    expect(placeTexts(tight, ['安徽'], compare)!.ranks.get('安徽')).toBe(11);
    expect(placeTexts(tight, ['安徽', '安'], compare)).toBeNull();
  });
});
