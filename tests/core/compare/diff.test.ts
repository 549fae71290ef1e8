// The character diff a comparison shows inside an edited item: it must give both texts back
// exactly, keep words whole when wording changes, keep punctuation changes as small as they are,
// and report full-width ↔ half-width punctuation as a change of width.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText, punctuationOnly } from '../../../electron/core/services/compare/diff';
import type { DiffPart } from '../../../shared/api/compare/methods';

const oldOf = (parts: DiffPart[]) => parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('');
const newOf = (parts: DiffPart[]) => parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('');
/** The diff written inline: [-deleted-]{+inserted+}, width changes as [~，→,~]. */
function inline(parts: DiffPart[]): string {
  let out = '';
  parts.forEach((p, i) => {
    if (p.punctuationWidth) {
      if (p.op === 'delete') out += `[~${p.text}→${parts[i + 1]!.text}~]`;
      return;
    }
    out += p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`;
  });
  return out;
}

describe('diffText', () => {
  it('gives nothing to mark for identical texts', () => {
    expect(diffText('推进试点。', '推进试点。')).toEqual([{ op: 'equal', text: '推进试点。' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('replaces a whole word, not the one character that differs', () => {
    expect(inline(diffText('加快推进数字化改革', '加快推动数字化改革'))).toBe('加快[-推进-]{+推动+}数字化改革');
  });

  it('marks inserted and deleted words in place', () => {
    expect(inline(diffText('市财政每年安排专项资金，鼓励社会资本参与。', '市财政每年安排专项资金不少于2亿元，鼓励社会资本参与。'))).toBe(
      '市财政每年安排专项资金{+不少于2亿元+}，鼓励社会资本参与。',
    );
    expect(inline(diffText('修缮历史建筑40处，活化利用工业遗存。', '修缮历史建筑40处。'))).toBe('修缮历史建筑40处[-，活化利用工业遗存-]。');
  });

  it('reports full-width ↔ half-width punctuation as a change of width, and only the marks', () => {
    const parts = diffText('加大宣传力度，引导居民参与；形成格局（试行）。', '加大宣传力度,引导居民参与;形成格局(试行).');
    expect(inline(parts)).toBe('加大宣传力度[~，→,~]引导居民参与[~；→;~]形成格局[~（→(~]试行[~）。→).~]');
    expect(parts.filter((p) => p.punctuationWidth).map((p) => `${p.op}:${p.text}`)).toEqual([
      'delete:，', 'insert:,', 'delete:；', 'insert:;', 'delete:（', 'insert:(', 'delete:）。', 'insert:).',
    ]);
    expect(punctuationOnly(parts)).toBe(true);
  });

  it('keeps an added or changed punctuation mark as small as it is (no word split around it)', () => {
    expect(inline(diffText('深化改革开放', '深化改革，开放'))).toBe('深化改革{+，+}开放');
    expect(inline(diffText('托育点、养老服务站', '托育点，养老服务站'))).toBe('托育点[-、-]{+，+}养老服务站');
    expect(punctuationOnly(diffText('托育点、养老服务站', '托育点，养老服务站'))).toBe(true);
    expect(punctuationOnly(diffText('加快推进', '加快推动'))).toBe(false);
  });

  it('reads a reworded phrase as one replacement, not alternating fragments', () => {
    const parts = diffText('大力发展新质生产力，培育未来产业。', '积极培育新质生产力和未来产业。');
    expect(inline(parts)).toBe('[-大力发展-]{+积极培育+}新质生产力[-，培育-]{+和+}未来产业。');
  });

  it('treats full-width digits and letters as a change of width too', () => {
    expect(inline(diffText('新增泊位５０００个', '新增泊位5000个'))).toBe('新增泊位[~５０００→5000~]个');
  });

  it('always gives both texts back exactly (property)', () => {
    const alphabet = fc.constantFrom(...'推进改革开放发展建设，,。.；;（）()、 ab12２'.split(''));
    const text = fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffText(a, b);
        expect(oldOf(parts)).toBe(a);
        expect(newOf(parts)).toBe(b);
        // No empty parts, and no two neighbours that could be one.
        for (const [i, p] of parts.entries()) {
          expect(p.text).not.toBe('');
          const q = parts[i + 1];
          if (q) expect(q.op === p.op && !!q.punctuationWidth === !!p.punctuationWidth).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
