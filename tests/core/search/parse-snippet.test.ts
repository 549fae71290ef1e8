// Reading a search as typed (words, "phrases", -exclusions; never a syntax error) and marking
// the matches of a snippet on the text as stored.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, singular } from '../../../electron/core/services/search/parse';
import { matchRanges, snippet } from '../../../electron/core/services/search/snippet';
import { normalizeForSearch, normalizeWithOffsets } from '../../../electron/core/search/normalize';

const ALPHABET = [...'数字经济营商环境杭州绿色人才5G基站AIaiＡＩ５ｇ，,（）“”"- \u3000-Reforms'];
const typed = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((cs) => cs.join(''));

describe('parseQuery', () => {
  it('reads words, quoted phrases and exclusions', () => {
    expect(parseQuery('营商环境 "无废城市" -杭州 -"绿色 生活" Talent')).toEqual({
      terms: ['营商环境', 'talent'],
      phrases: ['无废城市'],
      excluded: ['杭州', '绿色 生活'],
    });
  });

  it('reads what it cannot parse literally: an unclosed quote, a lone minus, empty quotes', () => {
    expect(parseQuery('"无废城市')).toEqual({ terms: ['"无废城市'], phrases: [], excluded: [] });
    expect(parseQuery('a - b')).toEqual({ terms: ['a', '-', 'b'], phrases: [], excluded: [] });
    expect(parseQuery('""')).toEqual({ terms: ['""'], phrases: [], excluded: [] });
    expect(parseQuery('-')).toEqual({ terms: ['-'], phrases: [], excluded: [] });
  });

  it('folds full-width forms, case and plurals the way the texts are folded', () => {
    expect(parseQuery('５Ｇ基站 ＡＩ ＂数字 经济＂')).toEqual({ terms: ['5g基站', 'ai'], phrases: ['数字 经济'], excluded: [] });
    expect(parseQuery('Reforms policies business AI').terms).toEqual(['reform', 'polic', 'business', 'ai']);
    expect(singular('reforms')).toBe('reform');
    expect(singular('cities')).toBe('cit');
    expect(singular('process')).toBe('process');
    expect(singular('gas')).toBe('gas');
  });

  it('never throws, and every needle it returns is non-empty and already normalized', () => {
    fc.assert(
      fc.property(fc.oneof(typed, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        const parsed = parseQuery(text);
        for (const needle of [...parsed.terms, ...parsed.phrases, ...parsed.excluded]) {
          expect(needle).not.toBe('');
          expect(normalizeForSearch(needle)).toBe(needle);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('snippets', () => {
  it('marks every occurrence on the stored text, whatever its width or case', () => {
    const parts = snippet('优化营商环境，ＡＩ赋能 ai', ['营商环境', 'ai']);
    expect(parts).toEqual([
      { text: '优化', mark: false },
      { text: '营商环境', mark: true },
      { text: '，', mark: false },
      { text: 'ＡＩ', mark: true },
      { text: '赋能 ', mark: false },
      { text: 'ai', mark: true },
    ]);
  });

  it('cuts a long text around the first match, with an ellipsis where it was cut', () => {
    const text = '甲'.repeat(300) + '人才' + '乙'.repeat(300);
    const parts = snippet(text, ['人才']);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['人才']);
  });

  it('offsets map each normalized unit to where it came from', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const { text: norm, from } = normalizeWithOffsets(text);
        expect(norm).toBe(normalizeForSearch(text));
        expect(from).toHaveLength(norm.length + 1);
        for (let i = 1; i < from.length; i++) expect(from[i]!).toBeGreaterThanOrEqual(from[i - 1]!);
      }),
      { numRuns: 500 },
    );
  });

  it('a marked stretch, normalized, contains a needle; every occurrence is marked', () => {
    fc.assert(
      fc.property(typed, fc.nat(), fc.integer({ min: 1, max: 4 }), (text, at, length) => {
        const norm = normalizeForSearch(text);
        if (norm === '') return;
        const start = at % norm.length;
        const needle = norm.slice(start, start + length).trim();
        if (needle === '') return;
        const ranges = matchRanges(text, [needle]);
        const count = norm.split(needle).length - 1;
        expect(ranges.length).toBeGreaterThan(0);
        expect(ranges.length).toBeLessThanOrEqual(count);
        for (const [s, e] of ranges) expect(normalizeForSearch(text.slice(s, e))).toContain(needle);
      }),
      { numRuns: 500 },
    );
  });
});
