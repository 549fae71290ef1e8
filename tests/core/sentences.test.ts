// The one sentence and paragraph rule (shared/text/sentences.ts) that translation alignment,
// search and the imported document model share.
import { describe, expect, it } from 'vitest';
import { chineseSentences, headlineSentence, splitParagraphs } from '../../shared/text/sentences';
import { chineseSentences as rendererSentences } from '../../renderer/src/reading/sentences';

describe('shared sentence rule', () => {
  it('is the rule the reading view uses', () => {
    expect(rendererSentences).toBe(chineseSentences);
    expect(chineseSentences('甲。乙：')).toEqual(['甲。', '乙：']);
  });

  it('splits paragraphs on any line break and trims ideographic indentation', () => {
    expect(splitParagraphs('\u3000\u3000甲。\r\n\r\n乙。\r丙\u2029 丁 ')).toEqual(['甲。', '乙。', '丙', '丁']);
    expect(splitParagraphs(' \n\u3000')).toEqual([]);
  });

  it('cuts a headline sentence at the first 。', () => {
    expect(headlineSentence('加强组织领导。各地区要落实。')).toEqual({ headline: '加强组织领导', rest: '各地区要落实。' });
    expect(headlineSentence('总体要求')).toEqual({ headline: '总体要求', rest: '' });
  });
});
