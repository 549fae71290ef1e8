// Anchoring highlights with W3C selectors: a highlight comes back on its own words, or is
// said to be relocated (on words alike enough, old quote kept), ambiguous or orphaned — never
// silently on other words. Offsets are code points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchorPassage,
  codePointOffset,
  describePassage,
  RELOCATE_THRESHOLD,
  utf16Offset,
  type TextSelectors,
} from '../../shared/domain/anchoring';

const TEXT = '推动制造业高端化、智能化、绿色化发展，培育壮大战略性新兴产业，前瞻布局未来产业。';
const at = (text: string, quote: string) => Array.from(text).join('').indexOf(quote);
/** Selectors for the first occurrence of `quote` (code points: the test texts are BMP here). */
const select = (text: string, quote: string): TextSelectors => {
  const start = at(text, quote);
  return describePassage(text, start, start + Array.from(quote).length);
};
const slice = (text: string, a: { start: number; end: number }) => Array.from(text).slice(a.start, a.end).join('');

describe('describing a passage', () => {
  it('keeps the exact words, 32 characters of context and code-point positions', () => {
    const s = select(TEXT, '战略性新兴产业');
    expect(s.quote).toEqual({ type: 'TextQuoteSelector', exact: '战略性新兴产业', prefix: '推动制造业高端化、智能化、绿色化发展，培育壮大', suffix: '，前瞻布局未来产业。' });
    expect(s.position).toEqual({ type: 'TextPositionSelector', start: 23, end: 30 });
  });

  it('counts a character outside the BMP as one position, and converts DOM offsets both ways', () => {
    const text = '𠀀𠀁 发展';
    expect(describePassage(text, 3, 5).quote.exact).toBe('发展');
    expect(codePointOffset(text, 5)).toBe(3);
    expect(utf16Offset(text, 3)).toBe(5);
  });

  it('refuses a passage outside the text or empty', () => {
    expect(() => describePassage('abc', 2, 2)).toThrow(RangeError);
    expect(() => describePassage('abc', 1, 4)).toThrow(/not inside a text of 3/);
  });
});

describe('anchoring a passage again', () => {
  it('is anchored where it was when the text is unchanged', () => {
    expect(anchorPassage(TEXT, select(TEXT, '未来产业'))).toEqual({ status: 'anchored', start: 35, end: 39 });
  });

  it('follows its words when text is inserted before them', () => {
    const s = select(TEXT, '未来产业');
    const edited = `加快建设现代化产业体系，${TEXT}`;
    const a = anchorPassage(edited, s);
    expect(a.status).toBe('anchored');
    expect(slice(edited, a as { start: number; end: number })).toBe('未来产业');
  });

  it('tells repeats apart by their context, and calls them ambiguous when the context cannot', () => {
    const text = '建设高水平研究型大学。建设高水平研究型医院。';
    const second = describePassage(text, 11, 16); // 建设高水平 before 研究型医院
    expect(second.quote.exact).toBe('建设高水平');
    const moved = `前言。${text}`;
    expect(anchorPassage(moved, second)).toEqual({ status: 'anchored', start: 14, end: 19 });
    const bare: TextSelectors = { ...second, quote: { ...second.quote, prefix: '', suffix: '' }, position: { ...second.position, start: 0, end: 0 } };
    expect(anchorPassage(moved, bare)).toEqual({ status: 'ambiguous', candidates: [{ start: 3, end: 8 }, { start: 14, end: 19 }] });
  });

  it('relocates a passage edited by a character, keeping it on the edited words', () => {
    const s = select(TEXT, '培育壮大战略性新兴产业');
    const edited = TEXT.replace('培育壮大', '培育发展');
    const a = anchorPassage(edited, s);
    expect(a).toMatchObject({ status: 'relocated', similarity: expect.any(Number) });
    expect(slice(edited, a as { start: number; end: number })).toBe('培育发展战略性新兴产业');
  });

  it('orphans a passage whose words are gone', () => {
    const s = select(TEXT, '前瞻布局未来产业');
    expect(anchorPassage('推动制造业高端化、智能化、绿色化发展。', s)).toEqual({ status: 'orphaned' });
  });
});

function levenshtein(a: string[], b: string[]): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1);
    row = next;
  }
  return row[b.length]!;
}

// Properties over random texts from a small alphabet (many repeats, as in real plans).
const chars = fc.constantFrom(...Array.from('发展改革创新产业建设推进体系，。、𠀀'));
const text = fc.array(chars, { minLength: 1, maxLength: 80 }).map((cs) => cs.join(''));

describe('anchoring properties', () => {
  it('an unchanged text gives back exactly the passage described', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const n = Array.from(t).length;
        const start = a % n;
        const end = start + 1 + (b % (n - start));
        expect(anchorPassage(t, describePassage(t, start, end))).toEqual({ status: 'anchored', start, end });
      }),
    );
  });

  it('after any edit, an anchored passage has exactly its words and a relocated one is alike enough', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.array(chars, { maxLength: 6 }), (t, a, b, c, d, insert) => {
        const cs = Array.from(t);
        const start = a % cs.length;
        const end = start + 1 + (b % (cs.length - start));
        const selectors = describePassage(t, start, end);
        const from = c % (cs.length + 1);
        const edited = [...cs.slice(0, from), ...insert, ...cs.slice(from + (d % 4))].join('');
        const result = anchorPassage(edited, selectors);
        if (result.status === 'anchored') expect(slice(edited, result)).toBe(selectors.quote.exact);
        if (result.status === 'relocated') {
          // Checked on the words it landed on, with a plain edit distance, not the result's own figure.
          const quote = Array.from(selectors.quote.exact);
          expect(1 - levenshtein(Array.from(slice(edited, result)), quote) / quote.length).toBeGreaterThanOrEqual(RELOCATE_THRESHOLD);
          expect(result.end).toBeGreaterThan(result.start);
        }
        if (result.status === 'ambiguous') expect(result.candidates.length).toBeGreaterThan(1);
      }),
    );
  });
});
