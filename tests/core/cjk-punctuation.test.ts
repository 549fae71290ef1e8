// The display rule for Chinese punctuation (full-width forms between Chinese characters) and
// the search fold that reads both widths alike.
import { describe, expect, it } from 'vitest';
import { foldPunctuationWidth, fullWidthPunctuation } from '../../shared/text/cjk-punctuation';

describe('full-width punctuation between Chinese characters', () => {
  it('turns the source article’s half-width commas, colons and parentheses into full-width ones', () => {
    expect(fullWidthPunctuation('杭州应及时建章立制,该出台的政策制度及时出台')).toBe('杭州应及时建章立制，该出台的政策制度及时出台');
    expect(fullWidthPunctuation('主要从以下五方面进行重点探索:')).toBe('主要从以下五方面进行重点探索：');
    expect(fullWidthPunctuation('打赢了亚(残)运攻坚战')).toBe('打赢了亚（残）运攻坚战');
    expect(fullWidthPunctuation('通过区(县、市)协作')).toBe('通过区（县、市）协作');
    expect(fullWidthPunctuation('“硬核”,支撑;是吗?对!')).toBe('“硬核”，支撑；是吗？对！');
    expect(fullWidthPunctuation('众志成城,“两场硬仗”')).toBe('众志成城，“两场硬仗”');
  });

  it('leaves Latin, numbers and English-only parentheses alone', () => {
    for (const text of ['3,000 元', '9:30 开会', 'AI (人工智能)', 'Hangzhou, China', '近年(2023)', '比例 1:2,杭州', '(a)杭州']) {
      expect(fullWidthPunctuation(text), text).toBe(text);
    }
    expect(fullWidthPunctuation('数字经济、生物医药')).toBe('数字经济、生物医药');
  });

  it('changes one code point for one code point, so offsets into the stored text still hold', () => {
    const text = '2023年杭州全市上下牢记嘱托、感恩奋进、众志成城,打赢了亚(残)运攻坚战𠀀,好:';
    const shown = fullWidthPunctuation(text);
    expect([...shown]).toHaveLength([...text].length);
    expect(foldPunctuationWidth(shown)).toBe(text);
  });

  it('folds the full-width forms back for search, and nothing else', () => {
    expect(foldPunctuationWidth('建章立制，该出台；（残）：！？')).toBe('建章立制,该出台;(残):!?');
    expect(foldPunctuationWidth('、。“”《》')).toBe('、。“”《》');
  });
});
