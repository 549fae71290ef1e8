// Property tests of the importer: whatever the bytes, an import ends in a document or in an
// ImportError naming the file — never another exception, a hang or a crash. Structured inputs
// check what must always hold: every heading line becomes exactly one section, deep and
// irregular numbering nests without losing text, and text without headings is a flat import.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../electron/core/import/errors';
import { importDocument } from '../../../electron/core/import/pipeline';
import { allSections, blockText, type ImportedDocument } from '../../../shared/domain/document';
import { makeDocx } from './make-docx';
import { HELVETICA, pdfWithText } from './make-pdf';

/** The import's outcome: the document, or the ImportError's message; anything else throws. */
async function outcome(bytes: Uint8Array, name: string): Promise<ImportedDocument | string> {
  try {
    return await importDocument(bytes, name);
  } catch (err) {
    if (err instanceof ImportError) {
      expect(err.message.startsWith(`${name}: `)).toBe(true);
      expect(err.message).not.toContain('\n');
      return err.message;
    }
    throw err;
  }
}

const RUNS = { txt: 200, html: 100, docx: 60, pdf: 60 };

describe('random bytes', () => {
  for (const [ext, numRuns] of Object.entries(RUNS)) {
    it(`as .${ext}: a document or a one-line error naming the file`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
          await outcome(bytes, `random.${ext}`);
        }),
        { numRuns },
      );
    }, 60_000);
  }

  it('random bytes behind a real zip or PDF header', async () => {
    const zipHead = (await makeDocx([{ text: '一、总体要求' }])).subarray(0, 64);
    const pdfHead = pdfWithText('Plan', HELVETICA).subarray(0, 64);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), async (tail, zip) => {
        const bytes = new Uint8Array([...(zip ? zipHead : pdfHead), ...tail]);
        await outcome(bytes, zip ? 'noise.docx' : 'noise.pdf');
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('truncated files', () => {
  it('a .docx or .pdf cut anywhere fails with a message or still reads', async () => {
    const docx = await makeDocx([{ heading: 1, text: '标题' }, { text: '一、总体要求' }, { table: [['序号', '任务', '牵头单位'], ['1', '甲', '乙']] }]);
    const pdf = pdfWithText('Plan title', HELVETICA);
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), async (cut, isDocx) => {
        const whole = isDocx ? docx : pdf;
        const bytes = whole.subarray(0, Math.floor(cut * whole.length));
        await outcome(bytes, isDocx ? 'cut.docx' : 'cut.pdf');
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

const MARKERS: ((n: number) => string)[] = [
  (n) => `第${'一二三四五六七八九十'[n - 1]}章`,
  (n) => `${'一二三四五六七八九十'[n - 1]}、`,
  (n) => `（${'一二三四五六七八九十'[n - 1]}）`,
  (n) => `${n}.`,
  (n) => `（${n}）`,
  (n) => String.fromCodePoint(0x2460 + n - 1),
];

describe('structure', () => {
  it('deep and irregular numbering: every heading line is one section, no text lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: MARKERS.length - 1 }), fc.integer({ min: 1, max: 10 }), fc.boolean()), { minLength: 1, maxLength: 60 }),
        async (lines) => {
          const text = ['测试标题', ...lines.map(([level, n, body], k) => `${MARKERS[level]!(n)}标题${k}${body ? `。正文${k}。` : ''}`)].join('\n');
          const doc = await importDocument(new TextEncoder().encode(text), 'deep.txt');
          const sections = [...allSections(doc.sections)];
          expect(sections.map((s) => s.heading)).toEqual(lines.map((_, k) => `标题${k}`));
          const bodies = sections.flatMap((s) => s.blocks.map(blockText));
          expect(bodies).toEqual(lines.flatMap(([, , body], k) => (body ? [`正文${k}。`] : [])));
          // No section is deeper than the number of marker styles.
          const depth = (ss: typeof doc.sections): number => (ss.length === 0 ? 0 : 1 + Math.max(...ss.map((s) => depth(s.children))));
          expect(depth(doc.sections)).toBeLessThanOrEqual(MARKERS.length);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('text without headings is a flat import with a warning, every paragraph kept', async () => {
    const sentence = fc.stringMatching(/^[\u4e00-\u4e2f]{2,30}$/).map((s) => `${s}。`);
    await fc.assert(
      fc.asyncProperty(fc.array(sentence, { minLength: 2, maxLength: 30 }), async (paragraphs) => {
        const doc = await importDocument(new TextEncoder().encode(paragraphs.join('\n')), 'flat.txt');
        expect(doc.sections).toEqual([]);
        expect(doc.warnings.map((w) => w.code)).toContain('no-headings');
        // The first line is taken as the title when it could be one; the rest is the preamble.
        const kept = [...(doc.metadata.title ? [doc.metadata.title] : []), ...doc.preamble.map(blockText)];
        expect(kept.join('')).toBe(paragraphs.join(''));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('huge inputs: a 4 MB plan and a 1 MB single line import without error', async () => {
    const part = (k: number) => `${'一二三四五六七八九十'[k % 10]}、第${k}部分\n（一）加强组织领导。${'各地区各部门要压实责任，细化措施，确保各项任务落地见效。'.repeat(40)}\n`;
    const big = Array.from({ length: 1600 }, (_, k) => part(k)).join('');
    expect(big.length * 3).toBeGreaterThan(4_000_000);
    const doc = await importDocument(new TextEncoder().encode(`大文件\n${big}`), 'big.txt');
    expect(doc.sections).toHaveLength(1600);
    const line = await importDocument(new TextEncoder().encode('长'.repeat(350_000)), 'line.txt');
    expect(line.sections).toEqual([]);
  }, 120_000);
});
