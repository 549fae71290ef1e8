// A note's body is checked for needles of common ideographs in SQL, on the text as stored
// (query.ts, unitTextsSql), and in JavaScript only when it holds a character that folds into
// one of the needle's: these tests hold that shortcut to the normalization it stands for.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../shared/domain/plan';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { importPlan } from '../../../electron/core/plan/store';
import { ideographSources, ideographsOnly, normalizeForSearch } from '../../../electron/core/search/normalize';
import { indexAnnotation } from '../../../electron/core/search/source-docs';
import { searchQuery } from '../../../electron/core/services/search/query';
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
    const plan: PlanDocument = {
      meta: {
        id: 'p-0000000e', title: '计划', column: null, publishedAt: null, source: null, author: null, editor: null, graphics: null,
        tags: [], themeLine: null, lead: 'Lead', authorNote: null, language: 'zh',
      },
      themes: [{ id: 'p-0000000e/T1', planId: 'p-0000000e', ordinal: 1, headline: '主题' }],
      initiatives: items.map((it, j) => ({
        id: `p-0000000e/T1/I${j + 1}`, themeId: 'p-0000000e/T1', ordinal: j + 1, numeral: `${j + 1}`, headline: it.headline, body: it.body,
      })),
      lists: [],
    };
    importPlan(db, plan, 'x');
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
});
