// A note's body is checked for needles of common ideographs in SQL, on the text as stored
// (query.ts, unitTextsSql), and in JavaScript only when it holds a character that folds into
// one of the needle's; so is every candidate of the index (match.ts, hasNeedleSql: the table's
// hits and its walked tests, searchKeys): these tests hold that shortcut to the normalization
// it stands for.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { importPlan } from '../../../electron/core/plan/store';
import { ideographSources, ideographsOnly, normalizeForSearch, storedHas } from '../../../electron/core/search/normalize';
import { hasNeedleSql } from '../../../electron/core/search/match';
import { forgetKept, queryTable } from '../../../electron/core/services/table/query';
import { WALK_TUNING } from '../../../electron/core/services/table/walk';
import { textTests } from '../../../electron/core/services/table/hits';
import { indexAnnotation } from '../../../electron/core/search/source-docs';
import { searchQuery } from '../../../electron/core/services/search/query';
import { oneThemePlan } from '../../helpers/plan-docs';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('needles of common ideographs', () => {
  it('every character that folds into a common ideograph is among that ideograph’s sources', () => {
    let folding = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x4e00 && cp <= 0x9fff)) continue;
      const ch = String.fromCodePoint(cp);
      for (const c of normalizeForSearch(ch)) {
        if (!ideographsOnly(c)) continue;
        folding++;
        expect(ideographSources(c), `U+${cp.toString(16)} folds into ${c}`).toContain(ch);
      }
    }
    // The radicals, the compatibility ideographs and the rest: over a thousand.
    expect(folding).toBeGreaterThan(1000);
    expect(ideographSources('革')).toEqual(['⾰']);
    expect(ideographSources('数')).toEqual([]);
    expect(ideographsOnly('改革')).toBe(true);
    expect(ideographsOnly('5G基站')).toBe(false);
  });

  it('a note written with a folding character is found, excluded and counted as its folded text', () => {
    const db = openDatabase(join(temp.make(), 'fold.sqlite3'));
    open.push(db);
    // 改革 in many headlines, 数字 in few: 数字 drives the walk and 改革 is asked of each unit's texts.
    const items = [
      { headline: '数字一', body: '正文' }, // note: 改⾰ (the Kangxi radical ⾰ folds to 革)
      { headline: '数字二', body: '正文' }, // note: 改革
      { headline: '数字三', body: '正文' }, // note: 改 革 (apart)
      { headline: '数字四', body: '正文' }, // no note
      ...Array.from({ length: 12 }, (_, k) => ({ headline: `改革${k}`, body: '正文' })),
    ];
    importPlan(db, oneThemePlan('p-0000000e', items), 'x');
    const notes: [number, string][] = [[1, '推进改⾰方案'], [2, '推进改革方案'], [3, '推进改 革方案']];
    writeTransaction(db, () => {
      for (const [item, body] of notes) {
        const id = `00000007-0000-4000-8000-${item.toString(16).padStart(12, '0')}`;
        db.prepare(
          `INSERT INTO user_annotations (id, plan_id, item_id, kind, body, created_at, modified_at, revision) VALUES (?, 'p-0000000e', ?, 'note', ?, ?, ?, 1)`,
        ).run(id, `p-0000000e/T1/I${item}`, body, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
        indexAnnotation(db, id);
      }
    });
    const keys = (text: string) =>
      searchQuery(db, { text, filters: {}, offset: 0, limit: 50 })
        .hits.map((h) => h.itemId)
        .sort();
    expect(keys('数字 改革')).toEqual(['p-0000000e/T1/I1', 'p-0000000e/T1/I2']);
    expect(keys('数字 -改革')).toEqual(['p-0000000e/T1/I3', 'p-0000000e/T1/I4']);
    expect(keys('数字 -改⾰')).toEqual(['p-0000000e/T1/I3', 'p-0000000e/T1/I4']);
  });

  it('an item’s own text written with a folding character is found by the walk, asked of its unit and excluded', () => {
    const db = openDatabase(join(temp.make(), 'fold-own.sqlite3'));
    open.push(db);
    // 数字 in few headlines, 脑机接口 in many bodies: 数字 drives '数字 脑机接口', and 脑机接口
    // is asked of each unit's own texts; alone, 脑机接口 (four characters) is walked and each
    // candidate checked. ⼝ (the Kangxi radical) folds to 口.
    const items = [
      { headline: '数字一', body: '推进脑机接⼝研发' },
      { headline: '数字二', body: '推进脑机接口研发' },
      { headline: '数字三', body: '推进脑机 接口研发' },
      { headline: '脑机接⼝', body: '正文' },
      ...Array.from({ length: 12 }, (_, k) => ({ headline: `项目${k}`, body: `脑机接口第${k}项` })),
    ];
    importPlan(db, oneThemePlan('p-0000000f', items), 'x');
    const keys = (text: string) =>
      searchQuery(db, { text, filters: {}, offset: 0, limit: 50 })
        .hits.map((h) => h.itemId!.slice('p-0000000f/T1/'.length))
        .sort();
    expect(keys('数字 脑机接口')).toEqual(['I1', 'I2']);
    expect(keys('数字 -脑机接口')).toEqual(['I3']);
    expect(keys('脑机接口')).toEqual(['I1', 'I2', 'I4', ...Array.from({ length: 12 }, (_, k) => `I${k + 5}`)].sort());
  });

  it('the index’s check of a candidate answers as search_has, whatever the text holds', () => {
    const db = openDatabase(join(temp.make(), 'check.sqlite3'));
    open.push(db);
    const texts = [
      '推进脑机接口研发', '推进脑机接⼝研发', '脑机 接口', '脑机接', '接口脑机', '脑机\u0000接口', '脑机接口\u0000其他', 'ＡＢ改⾰', '改⾰開放',
      '改革', '改 革', '⾰新', '５G基站', '5g基站', '', null,
    ];
    const needles = ['脑机接口', '接口', '改革', '革', '一', '5g基站', 'ab改革', '数据'];
    for (const needle of needles) {
      const check = hasNeedleSql('t', needle);
      const statement = db.prepare(`SELECT ${check.sql} AS found FROM (SELECT ? AS t)`);
      for (const text of texts) {
        const found = (statement.get(...check.params, text) as { found: number | null }).found;
        expect(Boolean(found), `${JSON.stringify(text)} holds ${needle}`).toBe(text !== null && storedHas(text, needle));
      }
    }
    // The needles above take each form of the check: instr alone, instr then search_has for a
    // text with a folding character, and search_has alone (not ideographs only, or too many
    // characters folding into them).
    expect(hasNeedleSql('t', '数据').sql).not.toContain('search_has');
    expect(hasNeedleSql('t', '接口').sql).toContain('instr');
    expect(hasNeedleSql('t', '接口').sql).toContain('search_has');
    expect(hasNeedleSql('t', '5g基站').sql).not.toContain('instr');
  });

  it('the table finds a text written with a folding character, its hits collected or walked', () => {
    const db = openDatabase(join(temp.make(), 'table.sqlite3'));
    open.push(db);
    const bodies = ['发展脑机接⼝产业', '发展脑机接口产业', '发展脑机 接口产业', '发展其他产业', ...Array.from({ length: 8 }, (_, k) => `脑机接口${k}`)];
    importPlan(db, oneThemePlan('p-0000000f', bodies.map((body, j) => ({ headline: `举措${j + 1}`, body }))), 'x');
    const query = { sort: [], collation: 'pinyin' as const, search: '脑机接口', filters: {}, groupBy: null, offset: 0, limit: 50, facets: false as const };
    const expected = ['p-0000000f/T1/I1', 'p-0000000f/T1/I2', ...Array.from({ length: 8 }, (_, k) => `p-0000000f/T1/I${k + 5}`)];
    const collected = queryTable(db, query);
    expect(collected.rows.map((r) => r.id)).toEqual(expected);
    expect(collected.total).toBe(10);
    // Walked: every condition taken as common, a page of 4 stopping before the last hit, its
    // total the sample's (every row of so small a corpus), each row tested by textTests.
    const [test] = textTests('脑机接口', undefined);
    const tested = db.prepare(`SELECT k.initiative_id AS id FROM initiative_sort_keys k WHERE ${test!.sql} ORDER BY k.ordinal`).all(...test!.params) as { id: string }[];
    expect(tested.map((r) => r.id)).toEqual(expected);
    const saved = { ...WALK_TUNING };
    try {
      Object.assign(WALK_TUNING, { candidates: 1, exactRows: 0, walkTests: 1_000_000 });
      forgetKept(db);
      const walked = queryTable(db, { ...query, limit: 4 });
      expect(walked.rows.map((r) => r.id)).toEqual(expected.slice(0, 4));
      expect(walked.total).toBe(10);
    } finally {
      Object.assign(WALK_TUNING, saved);
    }
  });
});
