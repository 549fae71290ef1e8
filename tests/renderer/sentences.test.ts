// The sentence rule and the pairing the side-by-side reading is built on.
import { describe, expect, it } from 'vitest';
import { chineseSentences, englishParagraphs, pairSentences } from '../../renderer/src/reading/sentences';
import { TRANSLATION, TWO_SENTENCE_BODY, TWO_SENTENCE_ID } from './plan-fixture';

describe('chineseSentences', () => {
  it('splits after each 。 and keeps a tail without one', () => {
    expect(chineseSentences('甲。乙。')).toEqual(['甲。', '乙。']);
    expect(chineseSentences('甲。乙:')).toEqual(['甲。', '乙:']);
    expect(chineseSentences('甲')).toEqual(['甲']);
    expect(chineseSentences('')).toEqual([]);
  });

  it('splits a real body into as many sentences as its English has', () => {
    const zh = chineseSentences(TWO_SENTENCE_BODY);
    expect(zh).toHaveLength(2);
    expect(zh.join('')).toBe(TWO_SENTENCE_BODY);
    expect(TRANSLATION.initiatives[TWO_SENTENCE_ID]!.body).toHaveLength(2);
  });
});

describe('pairSentences', () => {
  it('pairs by position and leaves extras unpaired instead of shifting', () => {
    expect(pairSentences(['a', 'b'], ['A', 'B'])).toEqual([
      { zh: 'a', en: 'A' },
      { zh: 'b', en: 'B' },
    ]);
    expect(pairSentences(['a', 'b', 'c'], ['A'])).toEqual([
      { zh: 'a', en: 'A' },
      { zh: 'b', en: null },
      { zh: 'c', en: null },
    ]);
    expect(pairSentences(['a'], ['A', 'B'])).toEqual([
      { zh: 'a', en: 'A' },
      { zh: null, en: 'B' },
    ]);
  });
});

describe('englishParagraphs', () => {
  it('joins English into one paragraph for a one-paragraph body', () => {
    expect(englishParagraphs('甲。乙。', ['A.', 'B.'])).toEqual(['A. B.']);
  });

  it('follows the Chinese paragraph breaks', () => {
    expect(englishParagraphs('甲。乙。\n丙。', ['A.', 'B.', 'C.'])).toEqual(['A. B.', 'C.']);
    expect(englishParagraphs('甲。\n乙。丙。\n丁。', ['A.', 'B.', 'C.', 'D.'])).toEqual(['A.', 'B. C.', 'D.']);
  });
});
