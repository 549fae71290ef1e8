// Import warnings carry what they say as data (code + params) and where they are in words a
// reader can follow (the section it sits under, the paragraph of it, a PDF's page, a text file's
// line), so the UI can say them in either language; the English message stays for the command
// line. An HTML or Word reader's block numbers are never offered as a place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../electron/core/import/pipeline';
import { htmlToRaw } from '../../../electron/core/import/read-html';
import { FIXTURES, fixture } from './outline-text';
import { printPdf } from './print-pdf';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('import warnings as code, params and place', () => {
  it('skipped-number: the heading, the number it follows, the section it sits under and the line', async () => {
    const doc = await importDocument(fixture('skipped.txt'), 'skipped.txt');
    expect(doc.warnings.map(({ code, params, place }) => ({ code, params, place }))).toEqual([
      {
        code: 'skipped-number',
        params: { numbering: '（三）', heading: '压实工作责任', previous: '（一）' },
        place: { page: null, line: 5, section: '一、加强组织领导', paragraph: null },
      },
      {
        code: 'skipped-number',
        params: { numbering: '三、', heading: '强化宣传引导', previous: '一、' },
        place: { page: null, line: 6, section: null, paragraph: null },
      },
    ]);
  });

  it('skipped-number in HTML: the section, not the reader’s block number', async () => {
    const html = '<html><body><h1>青禾市工作要点</h1><p>一、加强组织领导</p><p>（一）健全工作机制</p><p>（四）压实工作责任</p></body></html>';
    const doc = await importDocument(utf8(html), 'page.html');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]!.at).toMatch(/^block \d+$/); // the command line's, unchanged
    expect(doc.warnings[0]).toMatchObject({
      code: 'skipped-number',
      params: { numbering: '（四）', heading: '压实工作责任', previous: '（一）' },
      place: { page: null, line: null, section: '一、加强组织领导', paragraph: null },
    });
  });

  it('skipped-number in a PDF: the page it is on', async () => {
    const html = readFileSync(join(FIXTURES, 'print.html'), 'utf8').replace('（二）强化资金保障', '（四）强化资金保障');
    expect(html).toContain('（四）强化资金保障');
    const doc = await importDocument(await printPdf(html), 'print.pdf');
    expect(doc.warnings).toHaveLength(1);
    const w = doc.warnings[0]!;
    expect(w).toMatchObject({ code: 'skipped-number', params: { numbering: '（四）', previous: '（一）' }, place: { line: null, section: '三、保障措施' } });
    expect(w.place!.page).toBeGreaterThan(1);
    expect(w.at).toBe(`page ${w.place!.page}`);
  }, 60_000);

  it('count-mismatch: what is stated, what is listed, and the paragraph of the section it is in', async () => {
    const doc = await importDocument(fixture('article.txt'), 'article.txt');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatchObject({
      code: 'count-mismatch',
      params: { stated: 5, label: '重点产业', listed: 4 },
      // Stated in the first paragraph of its section: the section's line is the count's line too.
      place: { page: null, line: 11, section: '第二、强化要素保障', paragraph: 1 },
    });
    const w = doc.warnings[0]!;
    if (w.code !== 'count-mismatch') throw new Error('narrowed above');
    expect(w.params.items).toHaveLength(4);
    expect(w.params.items).toEqual(['人工智能', '集成电路', '生物医药', '新材料']);
  });

  it('count-mismatch in a later paragraph of its section: that paragraph, not the heading’s line', async () => {
    const text = ['青禾市产业发展要点', '一、培育产业集群', '做强做优实体经济。', '重点发展人工智能、集成电路等3大新兴产业。'].join('\n');
    const doc = await importDocument(utf8(text), 'count.txt');
    expect(doc.warnings.map(({ code, params, place }) => ({ code, params, place }))).toEqual([
      {
        code: 'count-mismatch',
        params: { stated: 3, label: '新兴产业', listed: 2, items: ['人工智能', '集成电路'] },
        place: { page: null, line: null, section: '一、培育产业集群', paragraph: 2 },
      },
    ]);
  });

  it('unplaced-text: the text and that it comes after the source line', async () => {
    const text = ['关于推进城市更新的若干意见', '一、总体要求', '坚持系统谋划。', '二、重点任务', '推进老旧小区改造。', '来源：青禾日报', '这是来源之后多出来的一段话，不属于任何标题。', '又一行说明文字，同样无法归入大纲。'].join('\n');
    const doc = await importDocument(utf8(text), 'tail.txt');
    const unplaced = doc.warnings.filter((w) => w.code === 'unplaced-text');
    expect(unplaced.map(({ params, place }) => ({ params, place }))).toEqual([
      { params: { text: '这是来源之后多出来的一段话，不属于任何标题。', after: 'source-line' }, place: { page: null, line: 7, section: null, paragraph: null } },
      { params: { text: '又一行说明文字，同样无法归入大纲。', after: 'source-line' }, place: { page: null, line: 8, section: null, paragraph: null } },
    ]);
  });

  it('no-headings and a reader’s note carry no place', async () => {
    const flat = await importDocument(utf8('一段没有任何编号的文字。\n\n又一段文字。'), 'flat.txt');
    expect(flat.warnings).toEqual([expect.objectContaining({ code: 'no-headings', params: {}, place: null })]);
    // A .docx's automatic numbering (mammoth's HTML, read without page chrome).
    const html = '<h1>青禾市工作要点</h1><ol><li>加强组织领导<ol><li>健全工作机制</li><li>压实工作责任</li></ol></li></ol>';
    const listed = htmlToRaw(html, { page: false });
    expect(listed.warnings).toContainEqual(expect.objectContaining({ code: 'reader', params: { note: 'list-numbering' }, place: null }));
  });
});
