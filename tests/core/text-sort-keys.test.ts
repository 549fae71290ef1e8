// The ranks of the reader's typed values (text_sort_keys) against their oracle, Intl.Collator:
// values added one at a time, in any order, get ranks whose order is the collator's order in
// both collations (equal texts share a rank), through gaps running out and renumbering, and
// when another connection added values meanwhile.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { COLLATORS } from '../../electron/core/collation/collators';
import { ensureTextSortKeys, rebuildTextSortKeys } from '../../electron/core/collation/text-sort-keys';
import { RANK_GAP } from '../../electron/core/collation/spaced-ranks';
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
    // After a renumbering the smallest rank is back to one gap.
    const min = Math.min(...stored(core.db).map((r) => r.pinyin));
    expect(min).toBeGreaterThan(1);
    expect(min).toBeLessThanOrEqual(RANK_GAP);
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
