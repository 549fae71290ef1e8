// A text is checked for a needle of ASCII letters and digits on the text as stored lower-cased
// (normalize.ts storedHas and storedMask, behind search_has and search_mask), and through the
// normalization only when it holds a character outside LATIN_INERT: these tests hold that
// shortcut to the normalization it stands for.
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { importPlan } from '../../../electron/core/plan/store';
import { LATIN_INERT, latinInert, latinOnly, normalizeForSearch, normalizeStored, storedHas, storedMask } from '../../../electron/core/search/normalize';
import { indexAnnotation } from '../../../electron/core/search/source-docs';
import { searchQuery } from '../../../electron/core/services/search/query';
import { oneThemePlan } from '../../helpers/plan-docs';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

describe('needles of ASCII letters and digits', () => {
  it('no inert character folds into or out of a letter or digit, or composes with one', () => {
    let inert = 0;
    for (const [from, to] of LATIN_INERT) for (let cp = from; cp <= to; cp++) {
      inert++;
      const ch = String.fromCodePoint(cp);
      if (/[0-9A-Za-z]/.test(ch)) {
        expect(normalizeForSearch(ch)).toBe(ch.toLowerCase());
        continue;
      }
      // Alone: no letter or digit, and not nothing (whitespace reads as one space between words).
      const alone = normalizeStored(`x${ch}y`);
      expect(alone.slice(1, -1), `U+${cp.toString(16)}`).not.toMatch(/[a-z0-9]/);
      expect(alone.length, `U+${cp.toString(16)}`).toBeGreaterThan(2);
      // Beside any letter or digit, on either side (one text: NFKC composes neighbours only):
      // each neighbour stays as lower() leaves it.
      const mid = alone.slice(1, -1);
      const beside = normalizeStored(`${[...ALNUM].map((l) => `${l}${ch}`).join('')}0`);
      if (beside !== `${[...ALNUM.toLowerCase()].map((l) => `${l}${mid}`).join('')}0`) expect.fail(`U+${cp.toString(16)}: ${beside}`);
    }
    expect(inert).toBeGreaterThan(20_000);
    // Characters that do fold into letters and digits are not inert.
    for (const ch of ['ｂ', 'Ｂ', 'ﬁ', '²', 'ª', '\u212a', 'İ', 'é', '\u0301', 'ⓑ', '𝐛']) expect(latinInert(ch.codePointAt(0)!), ch).toBe(false);
    expect(latinOnly('budget')).toBe(true);
    expect(latinOnly('5g')).toBe(true);
    expect(latinOnly('5g基站')).toBe(false);
    expect(latinOnly('business environment')).toBe(false);
  });

  it('the shortcut answers as the normalized text does, on texts of inert and folding characters', () => {
    // Letters beside inert characters and beside characters that fold into letters or compose
    // with them: the shortcut must take the second kind to the normalization.
    const char = fc.constantFrom(...'budgetBUDGET5g数字，。：；“”·—…、《》 \t\u3000\u0000', 'ｂ', 'Ｕ', 'ﬁ', '²', 'ª', '\u212a', 'İ', '\u0301', 'ⓑ', '𝐛', '㎏', '‗');
    const text = fc.array(char, { maxLength: 24 }).map((cs) => cs.join(''));
    const needle = fc.constantFrom('budget', 'bud', 'get', 'b', 'g5', '5g', 'fi', 'kg', 'u2', '数字', 'get，', 'budget budget');
    fc.assert(
      fc.property(text, fc.array(needle, { minLength: 1, maxLength: 3 }), (t, ns) => {
        const norm = normalizeStored(t);
        for (const n of ns) expect(storedHas(t, n), `${JSON.stringify(t)} ∋ ${n}`).toBe(norm.includes(n));
        expect(storedMask(t, ns)).toBe(ns.map((n) => (norm.includes(n) ? '1' : '0')).join(''));
      }),
      { numRuns: 3000 },
    );
    expect(storedHas('核对ｂｕｄｇｅｔ安排', 'budget')).toBe(true);
    expect(storedHas('核对budge\u0301t安排', 'budget')).toBe(false);
    expect(storedHas('“核对BUDGET安排”', 'budget')).toBe(true);
  });

  it('a note written with characters that fold into letters is found, excluded and counted as its folded text', () => {
    const db = openDatabase(join(temp.make(), 'fold.sqlite3'));
    open.push(db);
    // 数字 in few headlines, budget in many: 数字 drives the walk and budget is asked of each unit's texts.
    const items = [
      { headline: '数字一', body: '正文' }, // note: ｂｕｄｇｅｔ (full width)
      { headline: '数字二', body: '正文' }, // note: BUDGET
      { headline: '数字三', body: '正文' }, // note: budge\u0301t (the accent composes: budǵet)
      { headline: '数字四', body: '正文' }, // note: ﬁnal budget² (a ligature and a superscript beside it)
      { headline: '数字五', body: '正文' }, // no note
      ...Array.from({ length: 12 }, (_, k) => ({ headline: `budget ${k}`, body: '正文' })),
    ];
    importPlan(db, oneThemePlan('p-0000000f', items), 'x');
    const notes: [number, string][] = [[1, '核对ｂｕｄｇｅｔ安排'], [2, '核对BUDGET安排'], [3, '核对budge\u0301t安排'], [4, 'ﬁnal budget²。']];
    writeTransaction(db, () => {
      for (const [item, body] of notes) {
        const id = `00000007-0000-4000-8000-${item.toString(16).padStart(12, '0')}`;
        db.prepare(
          `INSERT INTO user_annotations (id, plan_id, item_id, kind, body, created_at, modified_at, revision) VALUES (?, 'p-0000000f', ?, 'note', ?, ?, ?, 1)`,
        ).run(id, `p-0000000f/T1/I${item}`, body, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
        indexAnnotation(db, id);
      }
    });
    const keys = (text: string) =>
      searchQuery(db, { text, filters: {}, offset: 0, limit: 50 })
        .hits.map((h) => h.itemId)
        .sort();
    const first = ['p-0000000f/T1/I1', 'p-0000000f/T1/I2', 'p-0000000f/T1/I3', 'p-0000000f/T1/I4', 'p-0000000f/T1/I5'];
    expect(keys('数字 budget')).toEqual([first[0], first[1], first[3]]);
    expect(keys('数字 -budget')).toEqual([first[2], first[4]]);
    expect(keys('数字 final')).toEqual([first[3]]);
    expect(keys('数字 -final')).toEqual([first[0], first[1], first[2], first[4]]);
    expect(keys('数字 budget2')).toEqual([first[3]]);
  });
});
