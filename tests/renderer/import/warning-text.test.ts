// Each import warning code said in Chinese and in English from its params, with its place in
// words a reader can follow (never the reader's internal block numbers, never the core's
// English sentence).
import { describe, expect, it } from 'vitest';
import type { ImportWarning, WarningPlace } from '../../../shared/domain/document';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { warningPlaceText, warningText } from '../../../renderer/src/features/import/warning-text';

const nowhere: WarningPlace = { page: null, line: null, section: null, paragraph: null };

const WARNINGS: Record<string, ImportWarning> = {
  skipped: {
    code: 'skipped-number',
    message: 'skipped number: （四）压实工作责任 comes after （二） (block 10)',
    at: 'block 10',
    params: { numbering: '（四）', heading: '压实工作责任', previous: '（二）' },
    place: { ...nowhere, section: '一、加强组织领导' },
  },
  skippedFirst: {
    code: 'skipped-number',
    message: 'skipped number: （二）健全工作机制 comes as the first under 一、加强组织领导',
    at: 'page 3',
    params: { numbering: '（二）', heading: '健全工作机制', previous: null },
    place: { ...nowhere, page: 3, section: '一、加强组织领导' },
  },
  count: {
    code: 'count-mismatch',
    message: 'the text states 3大新兴产业 but lists 2: 人工智能、集成电路 (in 一、培育产业集群)',
    at: 'line 4',
    params: { stated: 3, label: '新兴产业', listed: 2, items: ['人工智能', '集成电路'] },
    place: { ...nowhere, section: '一、培育产业集群', paragraph: 2 },
  },
  afterSignature: {
    code: 'unplaced-text',
    message: 'text after the signature was not placed: 抄送：市委各部门',
    at: 'line 40',
    params: { text: '抄送：市委各部门', after: 'signature' },
    place: { ...nowhere, line: 40 },
  },
  afterSource: {
    code: 'unplaced-text',
    message: 'text after the source line was not placed: 责任编辑：某某',
    at: 'block 52',
    params: { text: '责任编辑：某某', after: 'source-line' },
    place: nowhere,
  },
  flat: { code: 'no-headings', message: 'no headings were recognised', at: null, params: {}, place: null },
  reader: { code: 'reader', message: 'automatic list numbering was read…', at: null, params: { note: 'list-numbering' }, place: null },
};

function say(language: 'zh' | 'en', w: ImportWarning): [string, string | null] {
  const t = createI18n(language).getFixedT(language, 'importPlan');
  return [warningText(w, t), warningPlaceText(w, t)];
}

describe('import warnings in the reader’s language', () => {
  it('in Chinese', () => {
    expect(say('zh', WARNINGS.skipped!)).toEqual(['“（四）压实工作责任”紧接在“（二）”之后，中间的编号缺失', '位于“一、加强组织领导”下']);
    expect(say('zh', WARNINGS.skippedFirst!)).toEqual(['“（二）健全工作机制”是这一级的第一项，但编号不是从头开始', '第 3 页，位于“一、加强组织领导”下']);
    expect(say('zh', WARNINGS.count!)).toEqual(['文中写有“3大新兴产业”，但只列出了 2 项：人工智能、集成电路', '“一、培育产业集群”第 2 段']);
    expect(say('zh', WARNINGS.afterSignature!)).toEqual(['落款之后的文字未归入大纲：抄送：市委各部门', '第 40 行']);
    expect(say('zh', WARNINGS.afterSource!)).toEqual(['来源信息之后的文字未归入大纲：责任编辑：某某', null]);
    expect(say('zh', WARNINGS.flat!)).toEqual(['未识别出任何标题，全文将按段落导入，不分层级', null]);
    expect(say('zh', WARNINGS.reader!)).toEqual(['文件中自动编号的列表已按层级读作 一、/（一）/1./（1）/①', null]);
  });

  it('in English', () => {
    expect(say('en', WARNINGS.skipped!)).toEqual(['“（四）压实工作责任” comes right after “（二）”: the numbers between are missing', 'under “一、加强组织领导”']);
    expect(say('en', WARNINGS.skippedFirst!)).toEqual(['“（二）健全工作机制” is the first at its level but is not numbered from the start', 'page 3, under “一、加强组织领导”']);
    expect(say('en', WARNINGS.count!)).toEqual(['The text says “3大新兴产业” but lists 2: 人工智能、集成电路', 'paragraph 2 of “一、培育产业集群”']);
    expect(say('en', WARNINGS.afterSignature!)).toEqual(['Text after the signature is not part of the outline: 抄送：市委各部门', 'line 40']);
    expect(say('en', WARNINGS.afterSource!)).toEqual(['Text after the source line is not part of the outline: 责任编辑：某某', null]);
    expect(say('en', WARNINGS.flat!)).toEqual(['No headings were recognised: the text is imported as paragraphs, without levels', null]);
    expect(say('en', WARNINGS.reader!)).toEqual(['Automatically numbered lists in the file were read as 一、/（一）/1./（1）/① by their depth', null]);
  });

  it('never shows the core’s English sentence or a block number', () => {
    for (const language of ['zh', 'en'] as const) {
      for (const w of Object.values(WARNINGS)) {
        const text = say(language, w).join(' ');
        expect(text).not.toContain(w.message);
        expect(text).not.toMatch(/block \d/);
      }
    }
  });
});
