// The ranks of the reader's typed values (text_sort_keys) against their oracle, Intl.Collator:
// values added one at a time, in any order, get ranks whose order is the collator's order in
// both collations (equal texts share a rank), through gaps running out and renumbering, and
// when another connection added values meanwhile. A renumbering rewrites a neighbourhood of the
// crowded gap, not the dictionary, and one rolled back leaves no stale ranks behind.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { COLLATORS } from '../../electron/core/collation/collators';
import { ensureTextSortKeys, rebuildTextSortKeys } from '../../electron/core/collation/text-sort-keys';
import { insertRespaced, RANK_GAP, RANK_LIMIT, type RankEntry } from '../../electron/core/collation/spaced-ranks';
import { writeTransaction } from '../../electron/core/db/transaction';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;

beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

/** Empties the dictionary (no reader values in use, so a rebuild keeps none). */
function reset(db: Db): void {
  db.prepare('UPDATE user_initiative_state SET lead_unit = NULL, responsible_units = NULL, progress_note = NULL').run();
  rebuildTextSortKeys(db);
}

function stored(db: Db): { text: string; pinyin: number; stroke: number }[] {
  return db.prepare('SELECT text, pinyin, stroke FROM text_sort_keys').all() as { text: string; pinyin: number; stroke: number }[];
}

/** Every pair of stored values is ranked in the collator's order, in both collations. */
function expectCollatorOrder(db: Db, values: readonly string[]): void {
  const rows = stored(db);
  expect(new Set(rows.map((r) => r.text))).toEqual(new Set(values));
  for (const c of ['pinyin', 'stroke'] as const) {
    const compare = COLLATORS[c].compare;
    for (const a of rows) {
      for (const b of rows) {
        const byRank = Math.sign(a[c] - b[c]);
        // The empty text sorts last, as the table shows empty values.
        const empty = (t: string) => (t === '' ? 1 : 0);
        const byCollator =
          a.text === '' || b.text === '' ? Math.sign(empty(a.text) - empty(b.text)) : Math.sign(compare(a.text, b.text));
        if (byRank !== byCollator) {
          throw new Error(`${c}: “${a.text}” (${a[c]}) vs “${b.text}” (${b[c]}): ranks say ${byRank}, collator ${byCollator}`);
        }
      }
    }
  }
}

/** Each collation's stored order against the collator's, neighbour by neighbour (for
 *  dictionaries too large to compare every pair): equal texts share a rank, others ascend. */
function expectAdjacentCollatorOrder(db: Db): void {
  const rows = stored(db).filter((r) => r.text !== '');
  for (const c of ['pinyin', 'stroke'] as const) {
    const sorted = [...rows].sort((a, b) => COLLATORS[c].compare(a.text, b.text));
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      const ok = COLLATORS[c].compare(a.text, b.text) === 0 ? a[c] === b[c] : a[c] < b[c];
      if (!ok) throw new Error(`${c}: “${a.text}” (${a[c]}) before “${b.text}” (${b[c]})`);
    }
  }
}

const PIECES = [
  '市', '发', '改', '委', '科', '技', '局', '经', '信', '区', '政', '府', '一', '乙', '丁', '十', '长', '重', '行', '数',
  '𠀀', 'a', 'A', 'b', 'Z', '1', '9', '10', '、', '“', ' ', 'é', 'e',
];
const value = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));

describe('text sort keys: order-preserving ranks with gaps', () => {
  it('ranks values added one at a time as Intl.Collator orders them (pinyin and stroke)', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), (values) => {
        reset(core.db);
        for (const v of values) ensureTextSortKeys(core.db, [v]);
        expectCollatorOrder(core.db, values);
      }),
      { numRuns: 60, seed: 1414 },
    );
  });

  it('renumbers when a gap runs out, keeping the order', () => {
    reset(core.db);
    // Each value sorts before every earlier one: each takes half the room left at the front.
    const values = Array.from({ length: 40 }, (_, i) => `a${String(99 - i).padStart(2, '0')}`);
    for (const v of values) ensureTextSortKeys(core.db, [v]);
    expectCollatorOrder(core.db, values);
    // After the renumberings the front has room again, and no rank went to 0 or below.
    const min = Math.min(...stored(core.db).map((r) => r.pinyin));
    expect(min).toBeGreaterThan(1);
    expect(min).toBeLessThanOrEqual(RANK_GAP);
  });

  it('renumbers only the crowded gap\'s neighbourhood when many new values land between the same two neighbours', () => {
    reset(core.db);
    // 2,000 values ranked one gap apart, then 300 saves' new values, each sorting right after
    // the one before and before the 12th value: the same gap, halved until it runs out, again
    // and again (dated notes typed one after another do this).
    const values = Array.from({ length: 2000 }, (_, i) => `局${String(i).padStart(5, '0')}`);
    ensureTextSortKeys(core.db, values);
    const crowd = Array.from({ length: 300 }, (_, j) => `局00010a${String(j).padStart(5, '0')}`);
    const ranks = () => new Map(stored(core.db).map((r) => [r.text, `${r.pinyin}/${r.stroke}`]));
    let before = ranks();
    let rewritten = 0;
    const movedFar = new Set<string>();
    for (const v of crowd) {
      ensureTextSortKeys(core.db, [v]);
      const after = ranks();
      for (const [text, rank] of before) {
        if (after.get(text) === rank) continue;
        rewritten++;
        // Values well past the crowd (the 101st on) have room around them: never rewritten.
        if (values.indexOf(text) > 100) movedFar.add(text);
      }
      before = after;
    }
    // Spreading the whole dictionary again each time the gap ran out (every 16 saves) rewrote
    // every value after the crowd: 32,283 far values and 34,085 ranks in all.
    expect([...movedFar]).toEqual([]);
    expect(rewritten).toBeLessThan(crowd.length * 16);
    expectAdjacentCollatorOrder(core.db);
  });

  it('forgets a renumbering that rolled back: later values are placed by the ranks the table holds', () => {
    reset(core.db);
    const values = Array.from({ length: 200 }, (_, i) => `局${String(i).padStart(4, '0')}`);
    ensureTextSortKeys(core.db, values);
    const crowd = (j: number) => `局0010a${String(j).padStart(4, '0')}`;
    // Sixteen fill the gap after 局0010; the seventeenth renumbers its neighbourhood.
    for (let j = 0; j < 16; j++) ensureTextSortKeys(core.db, [crowd(j)]);
    const kept = stored(core.db);
    expect(() =>
      writeTransaction(core.db, () => {
        ensureTextSortKeys(core.db, [crowd(16)]);
        expect(stored(core.db).filter((r) => !kept.some((k) => k.text === r.text && k.pinyin === r.pinyin)).length).toBeGreaterThan(1);
        throw new Error('the save failed');
      }),
    ).toThrow('the save failed');
    expect(stored(core.db)).toEqual(kept);
    // Values placed next, in the crowded gap and around it.
    const more = [crowd(17), crowd(18), '局0010', '局0011a', '局0009z', ...Array.from({ length: 20 }, (_, j) => crowd(100 + j))];
    for (const v of more) {
      ensureTextSortKeys(core.db, [v]);
      // After each: a later renumbering could rewrite a wrong rank before a final check.
      expectAdjacentCollatorOrder(core.db);
    }
  });

  it('gives a value the collator calls equal to a stored one the same rank, and the empty text the last', () => {
    reset(core.db);
    ensureTextSortKeys(core.db, ['杭州', '北京']);
    // U+FEFF is ignorable to the collator: equal texts, distinct strings.
    ensureTextSortKeys(core.db, ['杭州\uFEFF', '']);
    const rank = (text: string) => stored(core.db).find((r) => r.text === text)!;
    expect(COLLATORS.pinyin.compare('杭州', '杭州\uFEFF')).toBe(0);
    expect(rank('杭州\uFEFF').pinyin).toBe(rank('杭州').pinyin);
    expect(rank('').pinyin).toBeGreaterThan(rank('杭州').pinyin);
    expectCollatorOrder(core.db, ['杭州', '北京', '杭州\uFEFF', '']);
  });

  it('sees values another connection added (PRAGMA data_version) before placing a new one', () => {
    reset(core.db);
    ensureTextSortKeys(core.db, ['市科技局', '区政府']);
    const other = openDatabase(core.db.name);
    try {
      ensureTextSortKeys(other, ['市发改委', '丁']);
    } finally {
      other.close();
    }
    ensureTextSortKeys(core.db, ['市经信局', '乙']);
    expectCollatorOrder(core.db, ['市科技局', '区政府', '市发改委', '丁', '市经信局', '乙']);
  });
});

describe('insertRespaced: renumbering a neighbourhood', () => {
  /** An order of `ranks` (ascending, repeats = texts sharing a rank). */
  const orderOf = (ranks: number[]): RankEntry[] => ranks.map((rank, i) => ({ text: `t${i}`, rank }));

  it('keeps ranks ascending, shared ranks shared, and reports exactly the ranks it changed', () => {
    fc.assert(
      fc.property(
        // A dense start (gaps of 0 = a shared rank, 1 = no room) and the places of 200 inserts.
        fc.array(fc.constantFrom(0, 1, 1, 1, 2, 5), { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (gaps, places) => {
          let rank = 1;
          const order = orderOf(gaps.map((g) => (rank += g)));
          let n = 0;
          for (const p of places) {
            // Where the new text goes: between two distinct ranks (or at either end).
            const at = Math.min(order.length, Math.floor(p * (order.length + 1)));
            if (at > 0 && at < order.length && order[at - 1]!.rank === order[at]!.rank) continue;
            const was = new Map(order.map((e) => [e, e.rank]));
            const shared = order.flatMap((e, i) => (i > 0 && order[i - 1]!.rank === e.rank ? [[order[i - 1]!, e] as const] : []));
            const changed = insertRespaced(order, at, `new${n++}`);
            expect(order[at]!.text).toBe(`new${n - 1}`);
            for (let i = 1; i < order.length; i++) {
              const [a, b] = [order[i - 1]!, order[i]!];
              if (!shared.some(([x, y]) => x === a && y === b)) expect(a.rank, `${i}`).toBeLessThan(b.rank);
            }
            for (const [a, b] of shared) expect(a.rank).toBe(b.rank);
            expect(order[0]!.rank).toBeGreaterThan(0);
            expect(order[order.length - 1]!.rank).toBeLessThan(RANK_LIMIT);
            expect(new Set(changed)).toEqual(new Set(order.filter((e) => was.get(e) !== e.rank)));
          }
        },
      ),
      { numRuns: 150, seed: 2020 },
    );
  });

  it('rewrites a window around the gap, not the order', () => {
    // 10,000 texts one gap apart; a text between the 5,000th and a text one rank above it.
    const order = orderOf(Array.from({ length: 10_000 }, (_, i) => (i + 1) * RANK_GAP));
    order.splice(5000, 0, { text: 'close', rank: 5000 * RANK_GAP + 1 });
    const changed = insertRespaced(order, 5000, 'between');
    expect(changed.length).toBeLessThanOrEqual(4);
    expect(order[4999]!.rank).toBeLessThan(order[5000]!.rank);
    expect(order[5000]!.rank).toBeLessThan(order[5001]!.rank);
  });
});
